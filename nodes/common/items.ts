import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

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
