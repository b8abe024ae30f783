import { updateDisplayOptions, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { AT_BASE_URL } from '../../../AfricasTalkingCommon/environment';
import { idempotencyKey, metadataObject } from '../../shared/checks';
import { idempotencyKeyOption, metadataField, productNameField, recipientList, recipientPhoneField } from '../../shared/fields';
import type { StatusRule } from '../../../common/statusRule';
import { perRecipientOutput } from '../../shared/responses';

/** Each mobile data recipient: `Queued`, `Success` or `Sent`; `NotSupported` or `Failed` when not. */
export const DATA_RULE: StatusRule = {
	answer: 'Mobile Data → Send, each recipient',
	statusField: 'status',
	success: ['Queued', 'Success', 'Sent'],
	failure: ['NotSupported', 'Failed', 'InvalidRequest'],
	errorField: 'errorMessage',
};
import { operationRouting } from '../../shared/routing';
import { optionsCollection } from '../../../common/fields';

export const option: INodePropertyOptions = {
	name: 'Send',
	value: 'send',
	action: 'Send mobile data',
	description: 'Send data bundles to one or many phones; one item per recipient',
	routing: operationRouting({
		method: 'POST',
		url: '/mobile/data/request',
		baseURL: AT_BASE_URL.data,
		encoding: 'json',
		preSend: [idempotencyKey],
		postReceive: perRecipientOutput({
			list: 'entries',
			action: 'send mobile data',
			rule: DATA_RULE,
			recipientField: 'phoneNumber',
			describe: (_entry, judgement) => (judgement.status.toLowerCase() === 'notsupported' ? "This number's network is not supported for data bundles" : undefined),
			hint: () => 'Check the product name and the numbers.',
		}),
	}),
};

const properties: INodeProperties[] = [
	{ ...productNameField, description: "The mobile data product created in the Africa's Talking dashboard" },
	...recipientList(
		[
			recipientPhoneField,
			{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 50, typeOptions: { minValue: 1 } },
			{
				displayName: 'Unit',
				name: 'unit',
				type: 'options',
				default: 'MB',
				options: [
					{ name: 'MB', value: 'MB' },
					{ name: 'GB', value: 'GB' },
				],
			},
			{
				displayName: 'Validity',
				name: 'validity',
				type: 'options',
				default: 'Day',
				description: 'How long the bundle stays usable',
				options: [
					{ name: 'Day', value: 'Day' },
					{ name: 'Month', value: 'Month' },
					{ name: 'Quarter', value: 'Quarterly' },
					{ name: 'Two Weeks', value: 'BiWeek' },
					{ name: 'Week', value: 'Week' },
				],
			},
			{ ...metadataField('Key/value pairs sent back in the data status notification'), routing: undefined },
		],
		{ quantity: 50, unit: 'MB', validity: 'Day' },
		{
			build: (entry, check) => ({
				phoneNumber: check.phone(entry.phoneNumber, 'Phone Number'),
				quantity: check.amount(entry.quantity, 'Quantity'),
				unit: entry.unit,
				validity: entry.validity,
				metadata: metadataObject(entry.metadata),
			}),
		},
	),
	optionsCollection([idempotencyKeyOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['mobileData'], operation: ['send'] } }, properties);
