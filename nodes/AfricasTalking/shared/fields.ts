import type { INodeProperties } from 'n8n-workflow';

/** Field builders shared by several operations; each operation file adds its display options. */

export function phoneNumberField(name: string, displayName: string, description: string, required = true): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required,
		default: '',
		placeholder: '+254711XXXYYY',
		description: `${description} International format with a leading "+"`,
		routing: { send: { type: 'body', property: name } },
	};
}

export function textField(name: string, displayName: string, description: string, options: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		description,
		routing: { send: { type: 'body', property: name } },
		...options,
	};
}

export function queryField(name: string, displayName: string, description: string, options: Partial<INodeProperties> = {}): INodeProperties {
	return { ...textField(name, displayName, description, options), routing: { send: { type: 'query', property: name } } };
}

export const productNameField: INodeProperties = textField(
	'productName',
	'Product Name',
	"The payment product created under Payments → Products in the Africa's Talking dashboard",
	{ required: true, placeholder: 'My Online Store' },
);

export const currencyCodeField: INodeProperties = textField('currencyCode', 'Currency Code', 'Three-letter ISO code, e.g. KES, UGX, TZS, NGN', {
	required: true,
	default: 'KES',
	placeholder: 'KES',
});

export const amountField: INodeProperties = {
	displayName: 'Amount',
	name: 'amount',
	type: 'number',
	required: true,
	default: 0,
	typeOptions: { minValue: 0, numberPrecision: 2 },
	description: 'Amount in the currency above, greater than 0',
	routing: { send: { type: 'body', property: 'amount' } },
};

export function metadataField(description = 'Key/value pairs Africa\'s Talking stores with the transaction and sends back in its notifications'): INodeProperties {
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

export const idempotencyKeyOption: INodeProperties = {
	displayName: 'Idempotency Key',
	name: 'idempotencyKey',
	type: 'string',
	default: '',
	description:
		"Sent as Idempotency-Key so that the same payment is never made twice: Africa's Talking refuses a repeated key. Leave empty to use a key derived from this execution, node, run and item (safe with Retry On Fail); set your own (e.g. an order ID) to also stay safe across separate executions.",
};

export const transactionIdField: INodeProperties = queryField('transactionId', 'Transaction ID', 'The transaction ID Africa\'s Talking returned when the request was made', {
	required: true,
	placeholder: 'ATPid_SampleTxnId123',
});

export function returnAllAndLimit(max = 1000): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1, maxValue: max },
			displayOptions: { show: { returnAll: [false] } },
			description: 'Max number of results to return',
		},
	];
}

/** The "Options" collection every operation ends with. */
export function optionsCollection(...options: INodeProperties[]): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options };
}

/** The "Filters" collection of list operations. */
export function filtersCollection(...options: INodeProperties[]): INodeProperties {
	return { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options };
}

export const recipientPhoneField: INodeProperties = {
	displayName: 'Phone Number',
	name: 'phoneNumber',
	type: 'string',
	default: '',
	placeholder: '+254711XXXYYY',
	description: 'International format with a leading "+"',
};

/** A list of recipients (fixedCollection `recipients.recipient`), each with these fields. */
export function recipientList(values: INodeProperties[], defaults: Record<string, unknown>, extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Recipients',
		name: 'recipients',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		required: true,
		placeholder: 'Add Recipient',
		default: { recipient: [{ phoneNumber: '', ...defaults }] },
		options: [{ name: 'recipient', displayName: 'Recipient', values }],
		...extra,
	} as INodeProperties;
}
