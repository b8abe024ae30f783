import type { INodeProperties } from 'n8n-workflow';
import { resourceProperties } from '../../../common/resource';
import * as getProductTransactions from './getProductTransactions';
import * as getTransaction from './getTransaction';
import * as getWalletBalance from './getWalletBalance';
import * as getWalletTransactions from './getWalletTransactions';
import * as mobileB2B from './mobileB2B';
import * as mobileB2C from './mobileB2C';
import * as mobileCheckout from './mobileCheckout';
import * as topUpStash from './topUpStash';
import * as walletTransfer from './walletTransfer';

export const paymentDescription: INodeProperties[] = [
	{
		displayName: "Payments work only on Africa's Talking accounts approved for Payments (ask AT support); in the sandbox use the Athena provider.",
		name: 'paymentNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['payment'] } },
	},
	...resourceProperties('payment', 'mobileCheckout', [getProductTransactions, getTransaction, getWalletBalance, getWalletTransactions, mobileB2B, mobileB2C, mobileCheckout, topUpStash, walletTransfer]),
];
