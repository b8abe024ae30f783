import { updateDisplayOptions, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { check } from '../../shared/checks';
import { amountField, currencyCodeField, productNameField } from '../../shared/fields';
import { moneyOptions } from './paymentFields';
import { PAYMENT_FAILURES, paymentRouting } from './paymentRouting';
import { statusWordRule } from '../../shared/responses';

export const B2B_RULE = statusWordRule('Payment → Mobile B2B', { success: ['Queued', 'Success'], failure: PAYMENT_FAILURES });

export const option: INodePropertyOptions = {
	name: 'Mobile B2B',
	value: 'mobileB2B',
	action: 'Pay a business',
	description: 'Send money from a payment product to a business paybill or till (moves money)',
	routing: paymentRouting('/mobile/b2b/request', B2B_RULE, 'make the B2B payment'),
};

const properties: INodeProperties[] = [
	productNameField,
	{
		displayName: 'Provider',
		name: 'provider',
		type: 'options',
		default: 'Mpesa',
		options: [
			{ name: 'Athena (Sandbox)', value: 'Athena' },
			{ name: 'M-Pesa', value: 'Mpesa' },
			{ name: 'Tigo Tanzania', value: 'TigoTanzania' },
		],
		routing: { send: { type: 'body', property: 'provider' } },
	},
	{
		displayName: 'Transfer Type',
		name: 'transferType',
		type: 'options',
		default: 'BusinessPayBill',
		options: [
			{ name: 'Business Buy Goods', value: 'BusinessBuyGoods', description: 'Pay a till number' },
			{ name: 'Business Pay Bill', value: 'BusinessPayBill', description: 'Pay a paybill number' },
			{ name: 'Business to Business Transfer', value: 'BusinessToBusinessTransfer' },
			{ name: 'Disburse Funds to Business', value: 'DisburseFundsToBusiness' },
		],
		routing: { send: { type: 'body', property: 'transferType' } },
	},
	currencyCodeField,
	amountField,
	{
		displayName: 'Destination Channel',
		name: 'destinationChannel',
		type: 'string',
		required: true,
		default: '',
		placeholder: '123456',
		description: 'The paybill or till number that receives the money',
		routing: { send: { type: 'body', property: 'destinationChannel' } },
	},
	{
		displayName: 'Destination Account',
		name: 'destinationAccount',
		type: 'string',
		required: true,
		default: '',
		description: 'The account name or number at the destination (e.g. the bill reference)',
		routing: { send: { type: 'body', property: 'destinationAccount' } },
	},
	moneyOptions({
		displayName: 'Requester',
		name: 'requester',
		type: 'string',
		default: '',
		placeholder: '+254711XXXYYY',
		description: 'The person who initiated the payment, for the provider\'s records. International format, e.g. +254711XXXYYY.',
		routing: { send: { type: 'body', property: 'requester', preSend: [check('phone', 'requester', 'Requester')] } },
	}),
];

export const description = updateDisplayOptions({ show: { resource: ['payment'], operation: ['mobileB2B'] } }, properties);
