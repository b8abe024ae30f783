import { NodeOperationError, type IDataObject, type IExecuteSingleFunctions, type IHttpRequestOptions, type INode } from 'n8n-workflow';
import { phoneListText } from './phoneNumbers';
import type { PreSend } from './routing';
import { currencyCode, httpsUrl, positiveAmount, requireCount } from './validation';
import { isEmpty } from '../../common/values';
import { refusingLocally } from '../../common/refusals';
import { itemFieldValue, listFromItemRouting, listLocation, listSourceField, notAList, type ListFromItem } from '../../common/itemField';
import { PROVIDER } from '../../AfricasTalkingCommon/environment';
import { checkedPhoneNumber } from '../../AfricasTalkingCommon/phoneNumbers';

type Check = 'phone' | 'phoneList' | 'amount' | 'currency' | 'httpsUrl';
/** `sourceField`: the input item's field the value was read from (lists only), named in errors. */
type Normalize = (node: INode, value: unknown, field: string, itemIndex: number, sourceField?: string) => unknown;

/** Each check returns the value as AT takes it, or throws an error naming field, value and item. */
const NORMALIZE: Record<Check, Normalize> = {
	phone: checkedPhoneNumber,
	phoneList: phoneListText,
	amount: positiveAmount,
	currency: currencyCode,
	httpsUrl,
};

/** Checks that also apply to an empty value (the others leave empty optional fields to the encoder to drop). */
const CHECKED_WHEN_EMPTY: Check[] = ['phoneList', 'amount'];

/**
 * A field's own check, set on that field's routing (`send.preSend`): checks the value the field
 * put in the body before anything is sent and normalises it (phone lists comma-joined, amounts
 * as numbers, currency codes upper case); the error names the field, the value and the item.
 */
export function check(kind: Check, property: string, label: string): PreSend {
	return refusingLocally(PROVIDER, async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const body = (options.body ?? {}) as IDataObject;
		if (!isEmpty(body[property]) || CHECKED_WHEN_EMPTY.includes(kind)) {
			body[property] = NORMALIZE[kind](this.getNode(), body[property], label, this.getItemIndex()) as IDataObject[string];
		}
		options.body = body;
		return options;
	});
}

/** A list of phone numbers that can come from a field of the input item: its fields (listSourceFields) read the same way in both modes. */
export function phoneListFromItem(list: Omit<ListFromItem, 'routing' | 'holds'> & { property: string }): ListFromItem {
	return {
		...list,
		holds: 'the phone numbers: a list, or a text with the numbers separated by commas or new lines',
		routing: listFromItemRouting(PROVIDER, list.property, list.displayName, phoneListText),
	};
}

/** n8n's key/value list ({ entry: [{ key, value }] }) as the plain object AT takes as metadata. */
export function metadataObject(value: unknown): IDataObject {
	// A list read from the input item holds metadata as a plain object.
	const given = value as IDataObject | undefined;
	if (given && typeof given === 'object' && !Array.isArray(given) && !Array.isArray(given.entry)) return { ...given };
	const entries = ((value as IDataObject | undefined)?.entry ?? []) as Array<{ key?: string; value?: string }>;
	const metadata: IDataObject = {};
	for (const { key, value: entryValue } of entries) if (key) metadata[key] = entryValue ?? '';
	return metadata;
}

/** `{ metadata }` when the list has entries, nothing otherwise: an empty parameter is never sent. */
export function withMetadata(value: unknown): IDataObject {
	const metadata = metadataObject(value);
	return Object.keys(metadata).length > 0 ? { metadata } : {};
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
 * The default Idempotency-Key of one item: unique across n8n instances (the instance ID comes from
 * the encryption key) and across database resets (execution IDs restart at 1, so the moment n8n
 * first established the execution goes in too), and the same when n8n retries the item (Retry On
 * Fail) or a queue-mode worker resumes the execution (that moment is stored with it). n8n
 * versions without an execution context (1.x) leave the moment out.
 */
function defaultIdempotencyKey(this: IExecuteSingleFunctions): string {
	const itemIndex = this.getItemIndex();
	const runIndex = this.getWorkflowDataProxy(itemIndex).$runIndex ?? 0;
	const context = this as { getExecutionContext?: () => { establishedAt?: number } | undefined };
	const establishedAt = context.getExecutionContext?.()?.establishedAt;
	const parts = [
		'n8n',
		this.getExecutionId(),
		this.getInstanceId().slice(0, 12),
		typeof establishedAt === 'number' ? establishedAt.toString(36) : undefined,
		this.getNode().id,
		runIndex,
		itemIndex,
	];
	return parts.filter((part) => part !== undefined && part !== '').join('-');
}

/** Money moves at most once per item: AT refuses a repeated Idempotency-Key. A key given in the options wins. */
export async function idempotencyKey(this: IExecuteSingleFunctions, options: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const given = this.getNodeParameter('options.idempotencyKey', '') as string;
	const key = given?.trim() || defaultIdempotencyKey.call(this);
	options.headers = { ...options.headers, 'Idempotency-Key': key };
	return options;
}

interface EntryChecks {
	phone: (value: unknown, label: string) => string;
	amount: (value: unknown, label: string) => number;
	currency: (value: unknown, label: string) => string;
}

/**
 * Builds AT's recipients array from a list field (n8n fixedCollection `<parameter>.<entry>`),
 * checking every entry, and puts it in the body (as a JSON string where AT wants one, as the
 * airtime endpoint does). `max` is AT's own limit, enforced before any request.
 */
export interface RecipientsInBody {
	parameter: string;
	field: string;
	max?: number;
	asJsonString?: boolean;
	build: (entry: IDataObject, check: EntryChecks) => IDataObject;
	/** The list can also come from a field of the input item (listSourceFields). */
	fromItem?: ListFromItem;
}

/** The entries of a list read from the input item's field: an array of objects, or the same as JSON text. */
function entriesFromItem(this: IExecuteSingleFunctions, sourceField: string, field: string): IDataObject[] {
	const value = itemFieldValue.call(this, sourceField, field);
	let list = value;
	if (typeof value === 'string') {
		try {
			list = JSON.parse(value);
		} catch {
			list = value;
		}
	}
	if (!Array.isArray(list)) throw notAList(this.getNode(), value, sourceField, 'a list of recipients', this.getItemIndex());
	return list as IDataObject[];
}

export function recipientsInBody(options: RecipientsInBody): PreSend {
	return refusingLocally(PROVIDER, async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const node = this.getNode();
		const item = this.getItemIndex();
		const sourceField = options.fromItem ? listSourceField.call(this, options.fromItem) : undefined;
		const entries = sourceField !== undefined ? entriesFromItem.call(this, sourceField, options.field) : ((this.getNodeParameter(options.parameter, []) ?? []) as IDataObject[]);
		requireCount(node, entries.length, options.max ?? 1000, sourceField ?? options.field, item);
		const recipients = entries.map((entry, index) => {
			// A list from the item names its field and entry: "recipients[2] → Phone Number (entry 3)".
			const label = (name: string) => (sourceField !== undefined ? `${sourceField}[${index}] → ${name} (entry ${index + 1})` : `${options.field} → ${name} (entry ${index + 1})`);
			if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
				throw new NodeOperationError(node, `Entry ${index + 1} of "${sourceField ?? options.field}" is not a recipient ${listLocation(item, sourceField, index)}`, {
					itemIndex: item,
					description: 'Each entry is an object with the fields of a recipient, e.g. { "phoneNumber": "+254711XXXYYY", "amount": 10, "currencyCode": "KES" }.',
				});
			}
			return options.build(entry, {
				phone: (value, name) => checkedPhoneNumber(node, value, label(name), item),
				amount: (value, name) => positiveAmount(node, value, label(name), item),
				currency: (value, name) => currencyCode(node, value, label(name), item),
			});
		});
		const body = (requestOptions.body ?? {}) as IDataObject;
		body.recipients = options.asJsonString ? JSON.stringify(recipients) : recipients;
		requestOptions.body = body;
		return requestOptions;
	});
}
