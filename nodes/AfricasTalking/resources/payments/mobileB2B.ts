import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { amountField, currencyCodeField, phoneNumberField, productNameField, textField } from '../../shared/fields';
import { moneyOptions } from './fields';

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
	textField('destinationChannel', 'Destination Channel', 'The paybill or till number that receives the money', { required: true, placeholder: '123456' }),
	textField('destinationAccount', 'Destination Account', 'The account name or number at the destination (e.g. the bill reference)', { required: true }),
	moneyOptions(phoneNumberField('requester', 'Requester', 'The person who initiated the payment, for the provider\'s records.', false)),
];

export const mobileB2BDescription = updateDisplayOptions({ show: { resource: ['payments'], operation: ['mobileB2B'] } }, properties);
