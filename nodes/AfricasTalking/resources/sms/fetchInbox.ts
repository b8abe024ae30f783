import { updateDisplayOptions, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { AT_BASE_URL } from '../../../AfricasTalkingCommon/environment';
import { optionsCollection, returnAllAndLimit } from '../../../common/fields';
import { lastReceivedIdPagination } from '../../shared/pagination';
import { listToItems } from '../../shared/responses';
import { operationRouting } from '../../shared/routing';

export const option: INodePropertyOptions = {
	name: 'Fetch Inbox',
	value: 'fetchInbox',
	action: 'Fetch incoming messages',
	description: 'Get the messages people sent to your short codes, oldest first, one item per message',
	routing: operationRouting({
		method: 'GET',
		url: '/version1/messaging',
		baseURL: AT_BASE_URL.api,
		encoding: 'query',
		postReceive: [listToItems('SMSMessageData.Messages')],
		pagination: lastReceivedIdPagination,
	}),
};

const properties: INodeProperties[] = [
	...returnAllAndLimit(1000),
	optionsCollection([
		{
			displayName: 'After Message ID',
			name: 'lastReceivedId',
			type: 'number',
			default: 0,
			description: 'Only messages received after this message ID (e.g. the highest ID the last run saw); 0 starts from the oldest',
			routing: { send: { type: 'query', property: 'lastReceivedId' } },
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['sms'], operation: ['fetchInbox'] } }, properties);
