import type { INodePropertyOptions } from 'n8n-workflow';
import { AT_BASE_URL } from '../../../AfricasTalkingCommon/environment';
import { bodyToItem, requireStatus } from '../../shared/responses';
import { operationRouting } from '../../shared/routing';

export const option: INodePropertyOptions = {
	name: 'Get Wallet Balance',
	value: 'getWalletBalance',
	action: 'Get the mobile data wallet balance',
	description: 'Get the balance of the wallet data bundles are paid from',
	routing: operationRouting({
		method: 'GET',
		url: '/query/wallet/balance',
		baseURL: AT_BASE_URL.data,
		encoding: 'query',
		postReceive: [
			requireStatus({ field: 'status', ok: ['Success'], action: 'read the wallet balance', hint: 'Check that Mobile Data is enabled for this app.' }),
			bodyToItem,
		],
	}),
};
