import { updateDisplayOptions, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { AT_BASE_URL } from '../../../AfricasTalkingCommon/environment';
import { idempotencyKey } from '../../shared/checks';
import { idempotencyKeyOption, recipientList, recipientPhoneField } from '../../shared/fields';
import type { StatusRule } from '../../../common/statusRule';
import { perRecipientOutput } from '../../shared/responses';

/** Each airtime recipient: `Sent` (or `Success`), `Failed`; an `errorMessage` other than "None" is a failure. */
export const AIRTIME_RULE: StatusRule = {
	answer: 'Airtime → Send, each recipient',
	statusField: 'status',
	success: ['Sent', 'Success'],
	failure: ['Failed'],
	errorField: 'errorMessage',
};
import { operationRouting } from '../../shared/routing';
import { optionsCollection } from '../../../common/fields';

export const option: INodePropertyOptions = {
	name: 'Send',
	value: 'send',
	action: 'Send airtime',
	description: 'Top up one or many phones with airtime, paid from your account balance; one item per recipient',
	routing: operationRouting({
		method: 'POST',
		url: '/version1/airtime/send',
		baseURL: AT_BASE_URL.api,
		encoding: 'form',
		preSend: [idempotencyKey],
		postReceive: perRecipientOutput({
			list: 'responses',
			action: 'send airtime',
			rule: AIRTIME_RULE,
			recipientField: 'phoneNumber',
			hint: () => "Check the numbers, currency codes (the recipient network's currency) and your balance.",
		}),
	}),
};

const properties: INodeProperties[] = [
	...recipientList(
		[
			recipientPhoneField,
			{ displayName: 'Amount', name: 'amount', type: 'number', default: 10, typeOptions: { minValue: 0, numberPrecision: 2 } },
			{ displayName: 'Currency Code', name: 'currencyCode', type: 'string', default: 'KES', placeholder: 'KES', description: "The currency of the recipient's network, e.g. KES, UGX, TZS, NGN" },
		],
		{ currencyCode: 'KES', amount: 10 },
		{
			asJsonString: true,
			// AT takes the amount as "<currency code> <amount>", e.g. "KES 10".
			build: (entry, check) => ({
				phoneNumber: check.phone(entry.phoneNumber, 'Phone Number'),
				amount: `${check.currency(entry.currencyCode, 'Currency Code')} ${check.amount(entry.amount, 'Amount')}`,
			}),
		},
		{
			description: 'Who gets airtime, and how much each',
		},
	),
	optionsCollection([
		idempotencyKeyOption,
		{
			displayName: 'Max Retries',
			name: 'maxNumRetry',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0 },
			description: "How many times Africa's Talking retries a failed top-up; 0 leaves it to AT",
			routing: { send: { type: 'body', property: 'maxNumRetry', value: '={{ $value || undefined }}' } },
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['airtime'], operation: ['send'] } }, properties);
