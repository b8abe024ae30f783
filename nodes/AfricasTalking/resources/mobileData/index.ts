import type { INodeProperties } from 'n8n-workflow';
import * as getTransactionStatus from './getTransactionStatus';
import * as getWalletBalance from './getWalletBalance';
import * as send from './send';

export const mobileDataDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['mobileData'] } },
		options: [getTransactionStatus.option, getWalletBalance.option, send.option],
		default: 'send',
	},
	...send.description,
	...getTransactionStatus.description,
];
