import { updateDisplayOptions, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { amountField, currencyCodeField, phoneNumberField, productNameField } from '../../shared/fields';
import { moneyOptions } from './paymentFields';
import { PAYMENT_FAILURES, paymentRouting } from './paymentRouting';
import { statusWordRule } from '../../shared/responses';

export const CHECKOUT_RULE = statusWordRule('Payment → Mobile Checkout', { success: ['PendingConfirmation'], failure: PAYMENT_FAILURES });

export const option: INodePropertyOptions = {
	name: 'Mobile Checkout',
	value: 'mobileCheckout',
	action: 'Request a mobile payment',
	description: 'Ask a customer to pay from their mobile money account: they confirm on their phone (moves money)',
	routing: paymentRouting('/mobile/checkout/request', CHECKOUT_RULE, 'start the checkout'),
};

const properties: INodeProperties[] = [
	productNameField,
	phoneNumberField('The customer who pays: they get a prompt on their phone to confirm. International format, e.g. +254711XXXYYY.'),
	currencyCodeField,
	amountField,
	moneyOptions({
		displayName: 'Provider Channel',
		name: 'providerChannel',
		type: 'string',
		default: '',
		placeholder: '525900',
		description: 'The paybill or till number to use, when your product has several',
		routing: { send: { type: 'body', property: 'providerChannel' } },
	}),
];

export const description = updateDisplayOptions({ show: { resource: ['payment'], operation: ['mobileCheckout'] } }, properties);
