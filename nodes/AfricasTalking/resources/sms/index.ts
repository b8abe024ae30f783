import type { INodeProperties } from 'n8n-workflow';
import { AT_BASE_URL } from '../../shared/hosts';
import { phoneListInBody } from '../../shared/preSend';
import { operationRouting } from '../../shared/routing';
import { smsSendDescription } from './send';
import { smsRecipientsToItems } from './smsResponse';

export const smsDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sms'] } },
		options: [
			{
				name: 'Send',
				value: 'send',
				action: 'Send an SMS',
				description: 'Send one message to one or many phone numbers; outputs one item per recipient',
				routing: operationRouting({
					method: 'POST',
					url: '/version1/messaging',
					baseURL: AT_BASE_URL.api,
					encoding: 'form',
					body: { bulkSMSMode: 1 },
					preSend: [phoneListInBody('to', 'Recipients')],
					postReceive: [smsRecipientsToItems],
				}),
			},
		],
		default: 'send',
	},
	...smsSendDescription,
];
