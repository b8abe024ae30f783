import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { idempotencyKeyOption, metadataField, optionsCollection, productNameField, recipientList, recipientPhoneField } from '../../shared/fields';

export const B2C_MAX_RECIPIENTS = 10;

export const B2C_REASONS = [
	{ name: 'Business Payment', value: 'BusinessPayment' },
	{ name: 'Business Payment (Withdrawal Charge Paid)', value: 'BusinessPaymentWithWithdrawalChargePaid' },
	{ name: 'Promotion Payment', value: 'PromotionPayment' },
	{ name: 'Salary Payment', value: 'SalaryPayment' },
	{ name: 'Salary Payment (Withdrawal Charge Paid)', value: 'SalaryPaymentWithWithdrawalChargePaid' },
];

const properties: INodeProperties[] = [
	productNameField,
	recipientList(
		[
			{ displayName: 'Amount', name: 'amount', type: 'number', default: 0, typeOptions: { minValue: 0, numberPrecision: 2 } },
			{ displayName: 'Currency Code', name: 'currencyCode', type: 'string', default: 'KES', placeholder: 'KES' },
			{ ...metadataField(), routing: undefined },
			{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'The recipient\'s name, for your records' },
			recipientPhoneField,
			{ displayName: 'Provider Channel', name: 'providerChannel', type: 'string', default: '', placeholder: '525900' },
			{ displayName: 'Reason', name: 'reason', type: 'options', default: 'BusinessPayment', options: B2C_REASONS },
		],
		{ currencyCode: 'KES', amount: 0 },
		{ hint: `At most ${B2C_MAX_RECIPIENTS} recipients per request (Africa's Talking's limit): split larger payouts over several items.` },
	),
	optionsCollection(idempotencyKeyOption),
];

export const mobileB2CDescription = updateDisplayOptions({ show: { resource: ['payments'], operation: ['mobileB2C'] } }, properties);
