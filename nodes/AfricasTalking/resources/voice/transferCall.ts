import { updateDisplayOptions, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { AT_BASE_URL } from '../../../AfricasTalkingCommon/environment';
import { check } from '../../shared/checks';
import { listToItems, requireStatus, statusWordRule } from '../../shared/responses';

export const TRANSFER_RULE = statusWordRule('Voice → Transfer Call', {
	field: 'callTransferResponse.status',
	failure: ['Aborted'],
	errorField: 'callTransferResponse.errorMessage',
});
import { operationRouting } from '../../shared/routing';
import { optionsCollection } from '../../../common/fields';

export const option: INodePropertyOptions = {
	name: 'Transfer Call',
	value: 'transferCall',
	action: 'Transfer a call',
	description: 'Transfer an active call to another number',
	routing: operationRouting({
		method: 'POST',
		url: '/callTransfer',
		baseURL: AT_BASE_URL.voice,
		encoding: 'form',
		postReceive: [
			requireStatus({
				rule: TRANSFER_RULE,
				action: 'transfer the call',
				reasonFields: ['callTransferResponse.errorMessage'],
				hint: 'Check that the session is still active and the number can be reached.',
				output: listToItems('callTransferResponse'),
			}),
		],
	}),
};

const properties: INodeProperties[] = [
	{
		displayName: 'Session ID',
		name: 'sessionId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'ATVId_…',
		description: "The sessionId of the active call (from the Africa's Talking Trigger)",
		routing: { send: { type: 'body', property: 'sessionId' } },
	},
	{
		displayName: 'Transfer To',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+254711XXXYYY',
		description: 'The number to transfer the call to. International format, e.g. +254711XXXYYY.',
		routing: { send: { type: 'body', property: 'phoneNumber', preSend: [check('phone', 'phoneNumber', 'Transfer To')] } },
	},
	optionsCollection([
		{
			displayName: 'Call Leg',
			name: 'callLeg',
			type: 'options',
			default: 'callee',
			options: [
				{ name: 'Callee', value: 'callee', description: 'Transfer the person who was called' },
				{ name: 'Caller', value: 'caller', description: 'Transfer the person who called' },
			],
			routing: { send: { type: 'body', property: 'callLeg' } },
		},
		{
			displayName: 'Hold Music URL',
			name: 'holdMusicUrl',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/hold.mp3',
			description: 'HTTPS URL of audio played while the transfer connects',
			routing: { send: { type: 'body', property: 'holdMusicUrl', preSend: [check('httpsUrl', 'holdMusicUrl', 'Hold Music URL')] } },
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['voice'], operation: ['transferCall'] } }, properties);
