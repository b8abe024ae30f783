import type { INodePropertyOptions } from 'n8n-workflow';
import { bodyToItem } from '../../shared/responses';
import { paymentQueryRouting } from './paymentRouting';

export const option: INodePropertyOptions = {
	name: 'Get Wallet Balance',
	value: 'getWalletBalance',
	action: 'Get the payments wallet balance',
	description: 'Get the balance of your payments wallet',
	routing: paymentQueryRouting('/query/wallet/balance', 'read the wallet balance', bodyToItem),
};
