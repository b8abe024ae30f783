import type { INodeProperties } from 'n8n-workflow';
import * as getTransactionStatus from './getTransactionStatus';
import * as send from './send';

export const airtimeDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['airtime'] } },
		options: [getTransactionStatus.option, send.option],
		default: 'send',
	},
	...send.description,
	...getTransactionStatus.description,
];
