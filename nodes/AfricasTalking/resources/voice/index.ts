import type { INodeProperties } from 'n8n-workflow';
import { AT_BASE_URL } from '../../shared/hosts';
import { checkBody } from '../../shared/preSend';
import { bodyToItem, entriesToItems, rejectFailedEntries, listToItems, requireStatus } from '../../shared/responses';
import { operationRouting } from '../../shared/routing';
import { makeCallDescription } from './makeCall';
import { queueStatusDescription } from './getQueueStatus';
import { transferCallDescription } from './transferCall';
import { uploadMediaDescription } from './uploadMedia';

const voiceForm = { method: 'POST', baseURL: AT_BASE_URL.voice, encoding: 'form' } as const;

export const voiceDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['voice'] } },
		options: [
			{
				name: 'Get Queue Status',
				value: 'getQueueStatus',
				action: 'Get queued calls',
				description: 'Get how many calls wait in the queues of your voice numbers, one item per number',
				routing: operationRouting({
					...voiceForm,
					url: '/queueStatus',
					preSend: [checkBody(['phoneNumbers', 'Phone Numbers', 'phoneList'])],
					postReceive: [requireStatus({ field: 'status', ok: ['Success'], action: 'read the queue status' }), listToItems('entries')],
				}),
			},
			{
				name: 'Make Call',
				value: 'makeCall',
				action: 'Make a call',
				description: 'Call one or many numbers from your voice number; the call then follows the voice callback of that number. One item per number called.',
				routing: operationRouting({
					...voiceForm,
					url: '/call',
					preSend: [checkBody(['from', 'From', 'phone'], ['to', 'To', 'phoneList'])],
					postReceive: [
						entriesToItems({
							list: 'entries',
							action: 'place the call',
							failed: (entry) => entry.status !== 'Queued',
							describe: (entry) => `${String(entry.phoneNumber)}: ${String(entry.status)}`,
							reason: (body) => String(body.errorMessage ?? ''),
							hint: () => 'Check that "From" is a voice number of this app and the numbers called are valid.',
						}),
						rejectFailedEntries,
					],
				}),
			},
			{
				name: 'Transfer Call',
				value: 'transferCall',
				action: 'Transfer a call',
				description: 'Transfer an active call to another number',
				routing: operationRouting({
					...voiceForm,
					url: '/callTransfer',
					preSend: [checkBody(['phoneNumber', 'Transfer To', 'phone'], ['holdMusicUrl', 'Hold Music URL', 'httpsUrl'])],
					postReceive: [
						requireStatus({
							field: 'callTransferResponse.status',
							ok: ['Success'],
							action: 'transfer the call',
							reasonFields: ['callTransferResponse.errorMessage'],
							hint: 'Check that the session is still active and the number can be reached.',
						}),
						listToItems('callTransferResponse'),
					],
				}),
			},
			{
				name: 'Upload Media',
				value: 'uploadMedia',
				action: 'Upload a media file',
				description: 'Have Africa\'s Talking fetch and cache an audio file for a voice number',
				routing: operationRouting({
					...voiceForm,
					url: '/mediaUpload',
					preSend: [checkBody(['phoneNumber', 'Phone Number', 'phone'], ['url', 'Media URL', 'httpsUrl'])],
					postReceive: [requireStatus({ field: 'status', ok: ['Success'], action: 'upload the media' }), bodyToItem],
				}),
			},
		],
		default: 'makeCall',
	},
	...makeCallDescription,
	...queueStatusDescription,
	...transferCallDescription,
	...uploadMediaDescription,
];
