import type { INodeProperties } from 'n8n-workflow';
import * as fetchInbox from './fetchInbox';
import * as send from './send';
import * as sendPremium from './sendPremium';

export const smsDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sms'] } },
		options: [fetchInbox.option, send.option, sendPremium.option],
		default: 'send',
	},
	...send.description,
	...sendPremium.description,
	...fetchInbox.description,
];
