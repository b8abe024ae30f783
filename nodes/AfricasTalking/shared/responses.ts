import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';
import { failedEntries, itemsFor } from '../../common/items';
import { failedInSummary } from '../../common/summary';
import { judgeStatus, plainText, unknownStatusWarning, valueAt as at, type Judgement, type StatusRule } from '../../common/statusRule';
import { throwApiError } from './errors';
import type { PostReceive } from './routing';

const PROVIDER_NAME = "Africa's Talking";

/** What an item whose answer AT gave an undocumented status carries (see statusRule.ts). */
export function unknownStatusFields(judgement: Judgement): IDataObject {
	return { statusWarning: unknownStatusWarning(PROVIDER_NAME, judgement) };
}

/** A field of an entry as text for a message: '' when absent, never "undefined" or "[object Object]". */
function entryText(entry: unknown, field: string): string {
	return plainText(at(entry, field));
}

interface EntriesOptions {
	/** Where the per-recipient entries are in AT's answer, e.g. 'SMSMessageData.Recipients'. */
	list: string;
	/** What the operation does, for messages: 'send the message', 'send airtime'. */
	action: string;
	/** Which field decides and which words count as success or failure (statusRule.ts). */
	rule: StatusRule;
	/** Where the entry names its recipient, for messages ('phoneNumber', 'number'). */
	recipientField: string;
	/** The name of an entry's status, when AT's code names it better than its word. */
	statusName?: (judgement: Judgement) => string | undefined;
	/** What to check for a failed entry, after AT's reason. */
	describe?: (entry: IDataObject, judgement: Judgement) => string | undefined;
	toJson?: (entry: IDataObject, judgement: Judgement) => IDataObject;
	/** AT's reason when the answer holds no entries at all; by default its errorMessage or description. */
	reason?: (body: IDataObject) => string;
	hint?: (reason: string) => string | undefined;
}

function reasonOfEmptyAnswer(body: IDataObject): string {
	return plainText(body.errorMessage) || plainText(body.description);
}

/** One failed entry in a line: the recipient, AT's status (and code) or error, and what to check. */
function failureLine(options: EntriesOptions, entry: IDataObject, judgement: Judgement): string {
	const recipient = entryText(entry, options.recipientField) || 'a recipient';
	const word = options.statusName?.(judgement) || judgement.status;
	const code = judgement.code === undefined ? '' : ` (${judgement.code})`;
	// AT's error text says more than a bare "Failed"; next to a specific status it explains it.
	const said =
		judgement.error !== undefined && (word === '' || word.toLowerCase() === 'failed')
			? judgement.error
			: `${word || 'failed'}${code}${judgement.error !== undefined && judgement.error !== word ? ` (${judgement.error})` : ''}`;
	const check = options.describe?.(entry, judgement);
	return `${recipient}: ${said}${check ? `. ${check}` : ''}`;
}

/**
 * One item per entry of a multi-recipient answer. AT reports failures inside 2xx answers: no
 * entries at all (the item fails), or entries with a failure status, which get an `error`
 * field; `rejectFailedEntries` then decides whether they fail the item.
 */
export function entriesToItems(options: EntriesOptions): PostReceive {
	return async function (this: IExecuteSingleFunctions, _items: INodeExecutionData[], response: IN8nHttpFullResponse) {
		const body = (response.body && typeof response.body === 'object' ? response.body : {}) as IDataObject;
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
			entries.map((given) => {
				const entry = (given && typeof given === 'object' ? given : {}) as IDataObject;
				const judgement = judgeStatus(options.rule, entry);
				if (judgement.verdict === 'failure') return { ...toJson(entry, judgement), error: failureLine(options, entry, judgement) };
				if (judgement.verdict === 'unknown') return { ...toJson(entry, judgement), ...unknownStatusFields(judgement) };
				return toJson(entry, judgement);
			}),
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

/**
 * The rule of an AT answer with one outcome (queries, uploads, subscriptions, payments): its
 * status word, `Success` unless given, `Failed` and the product's own failure words; an
 * `errorMessage` other than "None" is a failure when the word decides nothing.
 */
export function statusWordRule(answer: string, words: { field?: string; success?: string[]; failure?: string[]; errorField?: string } = {}): StatusRule {
	return {
		answer,
		statusField: words.field ?? 'status',
		success: words.success ?? ['Success'],
		failure: ['Failed', ...(words.failure ?? [])],
		errorField: words.errorField ?? 'errorMessage',
	};
}

interface StatusOptions {
	/** Which field decides and which words count as success or failure (statusRule.ts). */
	rule: StatusRule;
	action: string;
	/** Where AT explains a failure. */
	reasonFields?: string[];
	hint?: string;
	/** The items of an answer that did not fail (an undocumented status adds its warning to each). */
	output: PostReceive;
}

/** The output of a single-outcome answer (2xx): the item fails when AT says the operation did not happen. */
export function requireStatus(options: StatusOptions): PostReceive {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[], response: IN8nHttpFullResponse) {
		const body = asObject(response.body);
		const judgement = judgeStatus(options.rule, body);
		if (judgement.verdict !== 'failure') {
			const output = await options.output.call(this, items, response);
			if (judgement.verdict === 'success') return output;
			return output.map((item) => ({ ...item, json: { ...item.json, ...unknownStatusFields(judgement) } }));
		}
		const reason = (options.reasonFields ?? ['description', 'errorMessage'])
			.map((path) => plainText(at(body, path)))
			.find((value) => value !== '' && value.toLowerCase() !== 'none' && value !== judgement.status);
		const said = judgement.status || judgement.error || 'failed';
		// A code decided: AT's reason, then the code; a word decided: the word, then AT's reason.
		const why = judgement.code === undefined ? `${said}${reason ? ` (${reason})` : ''}` : `${reason ?? said} (statusCode ${judgement.code})`;
		return await throwApiError.call(
			this,
			`Africa's Talking could not ${options.action}: ${why}`,
			options.hint ?? 'Check the fields of the node against the reason above.',
			String(judgement.code ?? response.statusCode),
			{ status: judgement.status, reason: reason ?? '', ...(judgement.code === undefined ? {} : { statusCode: judgement.code }) },
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
	if (typeof body === 'string') return { status: body.trim() };
	return (body && typeof body === 'object' ? body : {}) as IDataObject;
}
