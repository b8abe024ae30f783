import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { idempotencyKeyOption, optionsCollection, recipientList, recipientPhoneField } from '../../shared/fields';

const properties: INodeProperties[] = [
	recipientList(
		[
			recipientPhoneField,
			{ displayName: 'Currency Code', name: 'currencyCode', type: 'string', default: 'KES', placeholder: 'KES', description: 'The currency of the recipient\'s network, e.g. KES, UGX, TZS, NGN' },
			{ displayName: 'Amount', name: 'amount', type: 'number', default: 10, typeOptions: { minValue: 0, numberPrecision: 2 } },
		],
		{ currencyCode: 'KES', amount: 10 },
		{ description: 'Who gets airtime, and how much each' },
	),
	optionsCollection(idempotencyKeyOption, {
		displayName: 'Max Retries',
		name: 'maxNumRetry',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0 },
		description: 'How many times Africa\'s Talking retries a failed top-up; 0 leaves it to AT',
		routing: { send: { type: 'body', property: 'maxNumRetry', value: '={{ $value || undefined }}' } },
	}),
];

export const airtimeSendDescription = updateDisplayOptions({ show: { resource: ['airtime'], operation: ['send'] } }, properties);
