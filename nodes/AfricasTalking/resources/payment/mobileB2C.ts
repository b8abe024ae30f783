import { updateDisplayOptions, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { AT_BASE_URL } from '../../../AfricasTalkingCommon/environment';
import { idempotencyKey, withMetadata } from '../../shared/checks';
import { idempotencyKeyOption, metadataField, productNameField, recipientList, recipientPhoneField } from '../../shared/fields';
import type { StatusRule } from '../../../common/statusRule';
import { perRecipientOutput } from '../../shared/responses';

/** Each B2C recipient: `Queued` (or `Success`), or why AT refused it. */
export const B2C_RULE: StatusRule = {
	answer: 'Payment → Mobile B2C, each recipient',
	statusField: 'status',
	success: ['Queued', 'Success'],
	failure: ['InvalidRequest', 'NotSupported', 'Failed', 'DuplicateRequest', 'InsufficientCredentials'],
	errorField: 'errorMessage',
};
import { operationRouting } from '../../shared/routing';
import { optionsCollection } from '../../../common/fields';

/** Africa's Talking's limit of recipients per B2C request, enforced before any request. */
export const B2C_MAX_RECIPIENTS = 10;

export const option: INodePropertyOptions = {
	name: 'Mobile B2C',
	value: 'mobileB2C',
	action: 'Pay mobile subscribers',
	description: `Send money to up to ${B2C_MAX_RECIPIENTS} mobile money subscribers per item (moves money); one item per recipient`,
	routing: operationRouting({
		method: 'POST',
		url: '/mobile/b2c/request',
		baseURL: AT_BASE_URL.payments,
		encoding: 'json',
		preSend: [idempotencyKey],
		postReceive: perRecipientOutput({
			list: 'entries',
			action: 'make the B2C payment',
			rule: B2C_RULE,
			recipientField: 'phoneNumber',
			hint: () => 'Check the product name, the numbers and your payments wallet balance.',
		}),
	}),
};

const properties: INodeProperties[] = [
	productNameField,
	{
		displayName: `Africa's Talking takes at most ${B2C_MAX_RECIPIENTS} recipients per request: split larger payouts over several items (e.g. with the Loop Over Items node).`,
		name: 'b2cLimitNotice',
		type: 'notice',
		default: '',
	},
	...recipientList(
		[
			recipientPhoneField,
			{ displayName: 'Amount', name: 'amount', type: 'number', default: 0, typeOptions: { minValue: 0, numberPrecision: 2 } },
			{ displayName: 'Currency Code', name: 'currencyCode', type: 'string', default: 'KES', placeholder: 'KES' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '', description: "The recipient's name, for your records" },
			{
				displayName: 'Reason',
				name: 'reason',
				type: 'options',
				default: 'BusinessPayment',
				options: [
					{ name: 'Business Payment', value: 'BusinessPayment' },
					{ name: 'Business Payment (Withdrawal Charge Paid)', value: 'BusinessPaymentWithWithdrawalChargePaid' },
					{ name: 'Promotion Payment', value: 'PromotionPayment' },
					{ name: 'Salary Payment', value: 'SalaryPayment' },
					{ name: 'Salary Payment (Withdrawal Charge Paid)', value: 'SalaryPaymentWithWithdrawalChargePaid' },
				],
			},
			{ displayName: 'Provider Channel', name: 'providerChannel', type: 'string', default: '', placeholder: '525900' },
			{ ...metadataField(), routing: undefined },
		],
		{ currencyCode: 'KES', amount: 0 },
		{
			max: B2C_MAX_RECIPIENTS,
			build: (entry, check) => ({
				phoneNumber: check.phone(entry.phoneNumber, 'Phone Number'),
				currencyCode: check.currency(entry.currencyCode, 'Currency Code'),
				amount: check.amount(entry.amount, 'Amount'),
				...(entry.name ? { name: entry.name } : {}),
				...(entry.reason ? { reason: entry.reason } : {}),
				...(entry.providerChannel ? { providerChannel: entry.providerChannel } : {}),
				...withMetadata(entry.metadata),
			}),
		},
	),
	optionsCollection([idempotencyKeyOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['payment'], operation: ['mobileB2C'] } }, properties);
