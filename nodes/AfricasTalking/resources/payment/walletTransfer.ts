import { updateDisplayOptions, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { amountField, currencyCodeField, productNameField } from '../../shared/fields';
import { moneyOptions } from './paymentFields';
import { PAYMENT_FAILURES, paymentRouting } from './paymentRouting';
import { statusWordRule } from '../../shared/responses';

export const WALLET_TRANSFER_RULE = statusWordRule('Payment → Wallet Transfer', { success: ['Success'], failure: PAYMENT_FAILURES });

export const option: INodePropertyOptions = {
	name: 'Wallet Transfer',
	value: 'walletTransfer',
	action: 'Transfer between payment products',
	description: 'Move money from one payment product to another (moves money)',
	routing: paymentRouting('/transfer/wallet', WALLET_TRANSFER_RULE, 'transfer the money', { metadataRequired: true }),
};

const properties: INodeProperties[] = [
	productNameField,
	{
		displayName: 'Target Product Code',
		name: 'targetProductCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: '2373',
		description: 'The code of the payment product to move the money to',
		routing: { send: { type: 'body', property: 'targetProductCode' } },
	},
	currencyCodeField,
	amountField,
	moneyOptions(),
];

export const description = updateDisplayOptions({ show: { resource: ['payment'], operation: ['walletTransfer'] } }, properties);
