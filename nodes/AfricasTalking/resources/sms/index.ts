import type { INodeProperties } from 'n8n-workflow';
import { sendSmsInChunks } from '../../shared/campaign';
import { AT_BASE_URL } from '../../shared/hosts';
import { lastReceivedIdPagination } from '../../shared/pagination';
import { checkBody } from '../../shared/preSend';
import { listToItems } from '../../shared/responses';
import { operationRouting } from '../../shared/routing';
import { smsFetchInboxDescription } from './fetchInbox';
import { smsSendDescription } from './send';
import { smsSendPremiumDescription } from './sendPremium';
import { smsRecipientsToItems } from './smsResponse';

const checkRecipients = checkBody(['to', 'Recipients', 'phoneList']);

export const smsDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sms'] } },
		options: [
			{
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
			},
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
					preSend: [checkRecipients],
					postReceive: [smsRecipientsToItems],
					pagination: sendSmsInChunks,
				}),
			},
			{
				name: 'Send Premium',
				value: 'sendPremium',
				action: 'Send a premium SMS',
				description: 'Send a premium (subscription or on-demand) message on your short code and keyword; outputs one item per recipient',
				routing: operationRouting({
					method: 'POST',
					url: '/version1/messaging',
					baseURL: AT_BASE_URL.premium,
					encoding: 'form',
					body: { bulkSMSMode: 0 },
					preSend: [checkRecipients],
					postReceive: [smsRecipientsToItems],
					pagination: sendSmsInChunks,
				}),
			},
		],
		default: 'send',
	},
	...smsSendDescription,
	...smsSendPremiumDescription,
	...smsFetchInboxDescription,
];
