import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { AT_BASE_URL } from '../../../AfricasTalkingCommon/environment';
import { check } from '../../shared/checks';
import { listToItems, requireStatus, statusWordRule } from '../../shared/responses';

export const QUEUE_STATUS_RULE = statusWordRule('Voice → Get Queue Status');
import { operationRouting } from '../../shared/routing';

export const option: INodePropertyOptions = {
	name: 'Get Queue Status',
	value: 'getQueueStatus',
	action: 'Get queued calls',
	description: 'Get how many calls wait in the queues of your voice numbers, one item per number',
	routing: operationRouting({
		method: 'POST',
		url: '/queueStatus',
		baseURL: AT_BASE_URL.voice,
		encoding: 'form',
		postReceive: [requireStatus({ rule: QUEUE_STATUS_RULE, action: 'read the queue status', output: listToItems('entries') })],
	}),
};

export const description = updateDisplayOptions({ show: { resource: ['voice'], operation: ['getQueueStatus'] } }, [
	{
		displayName: 'Phone Numbers',
		name: 'phoneNumbers',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+254711XXXYYY',
		description: "Your Africa's Talking voice numbers whose queues to read, separated by commas",
		routing: { send: { type: 'body', property: 'phoneNumbers', preSend: [check('phoneList', 'phoneNumbers', 'Phone Numbers')] } },
	},
]);
