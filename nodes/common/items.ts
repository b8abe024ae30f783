import { NodeApiError, type IDataObject, type IExecuteSingleFunctions, type INode, type INodeExecutionData, type JsonObject } from 'n8n-workflow';

/** Output items of one request, each linked to the input item it came from. */
export function itemsFor(this: IExecuteSingleFunctions, entries: IDataObject[]): INodeExecutionData[] {
	// One shared link object: a 100,000-recipient item then costs n8n one object, not 100,000, to store.
	const pairedItem = { item: this.getItemIndex() };
	return entries.map((json) => ({ json, pairedItem }));
}

/** Retry-After in seconds or as an HTTP date, in milliseconds; undefined when absent or unreadable. */
export function retryAfterMs(header: unknown): number | undefined {
	if (header === undefined || header === null || header === '') return undefined;
	const seconds = Number(header);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(String(header));
	return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

const REDACTED = '[redacted]';

/** Removes every secret of a credential from text that may reach an error, item or log. */
export function redact(text: string, secrets: unknown[]): string {
	let clean = text;
	for (const secret of secrets) {
		if (typeof secret === 'string' && secret.length >= 4) clean = clean.split(secret).join(REDACTED);
	}
	return clean;
}

export function responseText(body: unknown): string {
	if (body === undefined || body === null || body === '') return '';
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	if (typeof body === 'string') return body;
	return JSON.stringify(body);
}

/** What to check, as an error explains it (n8n's `description`), or undefined when it says nothing more. */
export function errorDescription(error: unknown): string | undefined {
	const description = (error as { description?: unknown } | undefined)?.description;
	return typeof description === 'string' && description !== '' ? description : undefined;
}

export interface ApiErrorParts {
	message: string;
	description: string;
	httpCode: string;
	itemIndex: number;
	details?: IDataObject;
	/** Read by the campaign core: `retryAfterMs`, and a provider's error code. */
	context?: IDataObject;
}

/** A NodeApiError carrying only redacted text: never the request, never a secret of the credential. */
export function redactedApiError(node: INode, secrets: unknown[], parts: ApiErrorParts): NodeApiError {
	const clean = (text: string) => redact(text, secrets);
	const cleanDetails = JSON.parse(clean(JSON.stringify(parts.details ?? {}))) as JsonObject;
	const error = new NodeApiError(node, { ...cleanDetails, message: clean(parts.message) }, {
		message: clean(parts.message),
		description: clean(parts.description),
		httpCode: parts.httpCode,
		itemIndex: parts.itemIndex,
	});
	Object.assign(error.context, parts.context ?? {});
	return error;
}

export interface FailedEntries {
	message: string;
	description: string;
	details: IDataObject;
}

/**
 * The error that fails an item whose send had rejected recipients: how many failed (the first
 * five named) and how many others were accepted, so that what was sent is never hidden (and never
 * re-sent by a blind re-run). `continueGives` says what On Error → Continue outputs instead.
 */
export function rejectedRecipients(provider: string, reasons: string[], failed: number, total: number, continueGives: string): FailedEntries {
	const accepted = total - failed;
	const listed = reasons.slice(0, 5).join('; ') + (failed > 5 ? '; …' : '');
	return {
		message: `${provider} rejected ${failed} of ${total} recipients: ${listed}`,
		description:
			accepted > 0
				? `${accepted} other recipient(s) were accepted: do not re-run this item as is. Turn on Settings → On Error → Continue to get ${continueGives}.`
				: 'No recipient was accepted.',
		details: { failed, accepted },
	};
}

/** When entries of a multi-recipient send (one item per recipient) carry an `error`, the error that fails the item. */
export function failedEntries(
	items: INodeExecutionData[],
	provider: string,
	describe: (json: IDataObject) => string = (json) => String(json.error),
): FailedEntries | undefined {
	const failed = items.filter((item) => item.json.error !== undefined);
	if (failed.length === 0) return undefined;
	const reasons = failed.slice(0, 5).map((item) => describe(item.json));
	return rejectedRecipients(provider, reasons, failed.length, items.length, 'one item per recipient, failures included');
}
