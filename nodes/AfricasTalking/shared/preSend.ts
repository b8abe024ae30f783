import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { assertPhoneNumber, parsePhoneNumbers } from './phoneNumbers';
import type { PreSend } from './routing';
import { currencyCode, httpsUrl, positiveAmount, requireCount } from './validation';
import { isEmpty } from './values';

type Check = 'phone' | 'phoneList' | 'amount' | 'currency' | 'httpsUrl';

/**
 * Checks body parameters before anything is sent, and normalises them (phone lists
 * comma-joined, amounts as numbers, currency codes upper case). `[property, field label, check]`.
 * Empty optional parameters are left for the encoder to drop.
 */
export function checkBody(...rules: Array<[string, string, Check]>): PreSend {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const body = (options.body ?? {}) as IDataObject;
		const node = this.getNode();
		const item = this.getItemIndex();
		for (const [property, field, check] of rules) {
			const value = body[property];
			if (check === 'phoneList') body[property] = parsePhoneNumbers(node, value, field, item).join(',');
			else if (isEmpty(value) && check !== 'amount') continue;
			else if (check === 'phone') assertPhoneNumber(node, String(value).trim(), field, item);
			else if (check === 'amount') body[property] = positiveAmount(node, value, field, item);
			else if (check === 'currency') body[property] = currencyCode(node, value, field, item);
			else if (check === 'httpsUrl') body[property] = httpsUrl(node, value, field, item);
			if (check === 'phone') body[property] = String(value).trim();
		}
		options.body = body;
		return options;
	};
}

/** n8n's key/value list ({ entry: [{ key, value }] }) as the plain object AT takes as metadata. */
export function metadataObject(value: unknown): IDataObject {
	const entries = ((value as IDataObject | undefined)?.entry ?? []) as Array<{ key?: string; value?: string }>;
	const metadata: IDataObject = {};
	for (const { key, value: entryValue } of entries) if (key) metadata[key] = entryValue ?? '';
	return metadata;
}

export function metadataInBody(property = 'metadata', { always = false } = {}): PreSend {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const body = (options.body ?? {}) as IDataObject;
		const metadata = metadataObject(body[property]);
		if (Object.keys(metadata).length > 0 || always) body[property] = metadata;
		else delete body[property];
		options.body = body;
		return options;
	};
}

/**
 * Money moves at most once per item: AT refuses a repeated Idempotency-Key, and the default key
 * is derived from the execution, the node, the run and the item, so n8n retrying the same item
 * (Retry On Fail) cannot pay twice. A key given in the options wins.
 */
export async function idempotencyKey(this: IExecuteSingleFunctions, options: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const given = this.getNodeParameter('options.idempotencyKey', '') as string;
	const runIndex = this.getWorkflowDataProxy(this.getItemIndex()).$runIndex ?? 0;
	const key = given?.trim() || `n8n-${this.getExecutionId()}-${this.getNode().id}-${runIndex}-${this.getItemIndex()}`;
	options.headers = { ...options.headers, 'Idempotency-Key': key };
	return options;
}

export interface EntryChecks {
	phone: (value: unknown, label: string) => string;
	amount: (value: unknown, label: string) => number;
	currency: (value: unknown, label: string) => string;
}

/**
 * Builds AT's recipients array from a list field (n8n fixedCollection `<parameter>.<entry>`),
 * checking every entry, and puts it in the body (as a JSON string where AT wants one, as the
 * airtime endpoint does). `max` is AT's own limit, enforced before any request.
 */
export function recipientsInBody(options: {
	parameter: string;
	field: string;
	max?: number;
	asJsonString?: boolean;
	build: (entry: IDataObject, check: EntryChecks) => IDataObject;
}): PreSend {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const node = this.getNode();
		const item = this.getItemIndex();
		const entries = (this.getNodeParameter(options.parameter, []) ?? []) as IDataObject[];
		requireCount(node, entries.length, options.max ?? 1000, options.field, item);
		const recipients = entries.map((entry, index) => {
			const label = (name: string) => `${options.field} → ${name} (entry ${index + 1})`;
			return options.build(entry, {
				phone: (value, name) => {
					assertPhoneNumber(node, String(value ?? '').trim(), label(name), item);
					return String(value).trim();
				},
				amount: (value, name) => positiveAmount(node, value, label(name), item),
				currency: (value, name) => currencyCode(node, value, label(name), item),
			});
		});
		const body = (requestOptions.body ?? {}) as IDataObject;
		body.recipients = options.asJsonString ? JSON.stringify(recipients) : recipients;
		requestOptions.body = body;
		return requestOptions;
	};
}
