import type { INodeProperties } from 'n8n-workflow';
import { byDisplayName } from '../../common/fields';
import { listSourceFields, type ListFromItem } from '../../common/itemField';
import { check, recipientsInBody, type RecipientsInBody } from './checks';

/**
 * Fields that several operations share exactly, and builders for composite fields (recipient
 * lists, metadata, paging). Each operation file adds its display options.
 */

export const productNameField: INodeProperties = {
	displayName: 'Product Name',
	name: 'productName',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'My Online Store',
	description: "The payment product created under Payments → Products in the Africa's Talking dashboard",
	routing: { send: { type: 'body', property: 'productName' } },
};

export const currencyCodeField: INodeProperties = {
	displayName: 'Currency Code',
	name: 'currencyCode',
	type: 'string',
	required: true,
	default: 'KES',
	placeholder: 'KES',
	description: 'Three-letter ISO code, e.g. KES, UGX, TZS, NGN',
	routing: { send: { type: 'body', property: 'currencyCode', preSend: [check('currency', 'currencyCode', 'Currency Code')] } },
};

export const amountField: INodeProperties = {
	displayName: 'Amount',
	name: 'amount',
	type: 'number',
	required: true,
	default: 0,
	typeOptions: { minValue: 0, numberPrecision: 2 },
	description: 'Amount in the currency above, greater than 0',
	routing: { send: { type: 'body', property: 'amount', preSend: [check('amount', 'amount', 'Amount')] } },
};

export const transactionIdField: INodeProperties = {
	displayName: 'Transaction ID',
	name: 'transactionId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'ATPid_SampleTxnId123',
	description: "The transaction ID Africa's Talking returned when the request was made",
	routing: { send: { type: 'query', property: 'transactionId' } },
};

export const idempotencyKeyOption: INodeProperties = {
	displayName: 'Idempotency Key',
	name: 'idempotencyKey',
	type: 'string',
	default: '',
	description:
		"Sent as Idempotency-Key so that the same payment is never made twice: Africa's Talking refuses a repeated key. Leave empty to use a key derived from this execution, node, run and item (safe with Retry On Fail); set your own (e.g. an order ID) to also stay safe across separate executions.",
};

export const recipientPhoneField: INodeProperties = {
	displayName: 'Phone Number',
	name: 'phoneNumber',
	type: 'string',
	default: '',
	placeholder: '+254711XXXYYY',
	description: 'International format with a leading "+"',
};

export function metadataField(description = "Key/value pairs Africa's Talking stores with the transaction and sends back in its notifications"): INodeProperties {
	return {
		displayName: 'Metadata',
		name: 'metadata',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Metadata',
		default: {},
		description,
		options: [
			{
				name: 'entry',
				displayName: 'Entry',
				values: [
					{ displayName: 'Key', name: 'key', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
		routing: { send: { type: 'body', property: 'metadata' } },
	};
}


/**
 * A list of recipients (fixedCollection `recipientList.recipient`; not `recipients`, which SMS uses
 * as text), each with these fields, or (Recipients From) a field of the input item holding a list
 * of objects with the same keys; `body` says how the list goes into the request (checked entry by
 * entry before anything is sent).
 */
export function recipientList(
	values: INodeProperties[],
	defaults: Record<string, unknown>,
	body: Omit<RecipientsInBody, 'parameter' | 'field' | 'fromItem'>,
	extra: Partial<INodeProperties> = {},
): INodeProperties[] {
	const fromItem: ListFromItem = {
		name: 'recipientList',
		displayName: 'Recipients',
		holds: `the recipients: a list of objects with the keys ${values.map((value) => value.name).join(', ')} (or the same as JSON text)`,
		defaultField: 'recipients',
		defaultSource: 'parameter',
	};
	return listSourceFields(fromItem, {
		displayName: 'Recipients',
		name: 'recipientList',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		required: true,
		placeholder: 'Add Recipient',
		default: { recipient: [{ phoneNumber: '', ...defaults }] },
		// n8n's lint order (by display name), whatever order the operation lists them in.
		options: [{ name: 'recipient', displayName: 'Recipient', values: [...values].sort(byDisplayName) }],
		...extra,
	} as INodeProperties).map((field, index) =>
		// The request is built once, from whichever mode is chosen: on the first field (the mode), always shown.
		index === 0 ? { ...field, routing: { send: { preSend: [recipientsInBody({ parameter: 'recipientList.recipient', field: 'Recipients', fromItem, ...body })] } } } : field,
	);
}

/**
 * A required "Phone Number" in international format, checked before sending and sent as the
 * body's phoneNumber; `sent: false` when the operation's own builder puts it in the request.
 */
export function phoneNumberField(description: string, { sent = true } = {}): INodeProperties {
	return {
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+254711XXXYYY',
		description,
		...(sent ? { routing: { send: { type: 'body', property: 'phoneNumber', preSend: [check('phone', 'phoneNumber', 'Phone Number')] } } } : {}),
	};
}

/** The premium keyword on a short code (Premium SMS and premium subscriptions). */
export function premiumKeywordField(description: string): INodeProperties {
	return {
		displayName: 'Keyword',
		name: 'keyword',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'NEWS',
		description,
		routing: { send: { type: 'body', property: 'keyword' } },
	};
}
