import type { INodePropertyOptions } from 'n8n-workflow';
import { AT_BASE_URL } from '../../../AfricasTalkingCommon/environment';
import { bodyToItem, requireStatus, statusWordRule } from '../../shared/responses';

/** AT answers `NotAvailable` (with HTTP 200) when it cannot give the balance. */
export const DATA_BALANCE_RULE = statusWordRule('Mobile Data → Get Wallet Balance', { failure: ['NotAvailable'] });
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
		postReceive: [requireStatus({ rule: DATA_BALANCE_RULE, action: 'read the wallet balance', hint: 'Check that Mobile Data is enabled for this app.', output: bodyToItem })],
	}),
};
