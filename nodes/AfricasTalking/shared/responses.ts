import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';
import { failedEntries, itemsFor } from '../../common/items';
import { failedInSummary } from '../../common/summary';
import { throwApiError } from './errors';
import type { PostReceive } from './routing';

function at(body: unknown, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], body);
}

interface EntriesOptions {
	/** Where the per-recipient entries are in AT's answer, e.g. 'SMSMessageData.Recipients'. */
	list: string;
	/** What the operation does, for messages: 'send the message', 'send airtime'. */
	action: string;
	failed: (entry: IDataObject) => boolean;
	/** One line per failed entry: the recipient, AT's reason and what to check. */
	describe: (entry: IDataObject) => string;
	toJson?: (entry: IDataObject) => IDataObject;
	/** AT's reason when the answer holds no entries at all; by default its errorMessage or description. */
	reason?: (body: IDataObject) => string;
	hint?: (reason: string) => string | undefined;
}

function reasonOfEmptyAnswer(body: IDataObject): string {
	return String(body.errorMessage ?? body.description ?? '');
}

/**
 * One item per entry of a multi-recipient answer. AT reports failures inside 2xx answers: no
 * entries at all (the item fails), or entries with a failure status, which get an `error`
 * field; `rejectFailedEntries` then decides whether they fail the item.
 */
export function entriesToItems(options: EntriesOptions): PostReceive {
	return async function (this: IExecuteSingleFunctions, _items: INodeExecutionData[], response: IN8nHttpFullResponse) {
		const body = (response.body ?? {}) as IDataObject;
		const entries = (at(body, options.list) ?? []) as IDataObject[];
		const toJson = options.toJson ?? ((entry: IDataObject) => entry);
		if (!Array.isArray(entries) || entries.length === 0) {
			const reason = (options.reason ?? reasonOfEmptyAnswer)(body) || 'the answer lists no recipients';
			return await throwApiError.call(
				this,
				`Africa's Talking did not ${options.action}: ${reason}`,
				options.hint?.(reason) ?? 'Check the recipients and the other fields.',
				String(response.statusCode),
				{ reason },
			);
		}
		return itemsFor.call(
			this,
			entries.map((entry) => (options.failed(entry) ? { ...toJson(entry), error: options.describe(entry) } : toJson(entry))),
		);
	};
}

/**
 * Fails the item when recipients were rejected, saying how many others were accepted, so that
 * what was sent is never hidden (and never re-sent by a blind re-run). Under "Continue On Fail"
 * the items go through, rejected recipients carrying their `error`.
 */
export async function throwIfEntriesFailed(this: IExecuteSingleFunctions, items: INodeExecutionData[], httpCode = '200'): Promise<INodeExecutionData[]> {
	const failure = failedEntries(items, "Africa's Talking");
	if (!failure || this.continueOnFail()) return items;
	return await throwApiError.call(this, failure.message, failure.description, httpCode, failure.details);
}

/** The same rule for the Summary output: under "Continue On Fail" the summary lists every failed recipient. */
export async function throwIfSummaryFailed(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const failure = failedInSummary(items, "Africa's Talking");
	if (!failure || this.continueOnFail()) return items;
	return await throwApiError.call(this, failure.message, failure.description, '200', failure.details);
}

async function rejectFailedEntries(this: IExecuteSingleFunctions, items: INodeExecutionData[], response: IN8nHttpFullResponse): Promise<INodeExecutionData[]> {
	return await throwIfEntriesFailed.call(this, items, String(response.statusCode));
}

/** The output of an operation with one entry per recipient: one item each, and rejected ones fail the item. */
export function perRecipientOutput(options: EntriesOptions): PostReceive[] {
	return [entriesToItems(options), rejectFailedEntries];
}

interface StatusOptions {
	/** Where AT puts the outcome, e.g. 'status' or 'callTransferResponse.status'. */
	field: string;
	ok: string[];
	action: string;
	/** Where AT explains a failure. */
	reasonFields?: string[];
	hint?: string;
}

/** Fails the item when a single-outcome answer (2xx) says the operation did not happen. */
export function requireStatus(options: StatusOptions): PostReceive {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[], response: IN8nHttpFullResponse) {
		const body = asObject(response.body);
		const status = at(body, options.field);
		if (options.ok.includes(String(status))) return items;
		const reason = (options.reasonFields ?? ['description', 'errorMessage'])
			.map((path) => at(body, path))
			.find((value) => value !== undefined && value !== null && value !== '' && value !== 'None');
		return await throwApiError.call(
			this,
			`Africa's Talking could not ${options.action}: ${String(status ?? 'no status')}${reason ? ` (${String(reason)})` : ''}`,
			options.hint ?? 'Check the fields of the node against the reason above.',
			String(response.statusCode),
			{ status: String(status ?? ''), reason: String(reason ?? '') },
		);
	};
}

/** Splits a list in the answer into items (an empty list gives none; an object gives one), linked to the input item. */
export function listToItems(path: string): PostReceive {
	return async function (this: IExecuteSingleFunctions, _items: INodeExecutionData[], response: IN8nHttpFullResponse) {
		const list = at(response.body, path);
		const entries = Array.isArray(list) ? list : list && typeof list === 'object' ? [list] : [];
		return itemsFor.call(this, entries as IDataObject[]);
	};
}

/** The answer as one item, linked to the input item; a plain-text answer becomes `{ status }`. */
export async function bodyToItem(this: IExecuteSingleFunctions, _items: INodeExecutionData[], response: IN8nHttpFullResponse): Promise<INodeExecutionData[]> {
	return itemsFor.call(this, [asObject(response.body)]);
}

/** Some AT answers are plain text (voice media upload answers `Success`). */
function asObject(body: unknown): IDataObject {
	return typeof body === 'string' ? { status: body.trim() } : ((body ?? {}) as IDataObject);
}
