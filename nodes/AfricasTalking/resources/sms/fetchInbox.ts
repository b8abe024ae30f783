import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { optionsCollection, returnAllAndLimit } from '../../shared/fields';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	optionsCollection(
		{
			displayName: 'After Message ID',
			name: 'lastReceivedId',
			type: 'number',
			default: 0,
			description: 'Only messages received after this message ID (e.g. the highest ID the last run saw); 0 starts from the oldest',
			routing: { send: { type: 'query', property: 'lastReceivedId' } },
		},
	),
];

export const smsFetchInboxDescription = updateDisplayOptions({ show: { resource: ['sms'], operation: ['fetchInbox'] } }, properties);
