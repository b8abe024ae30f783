import type { IDataObject } from 'n8n-workflow';
import { isScalar } from './untrustedInput';

/**
 * How one kind of answer says whether it worked, judged by its meaning and never by a missing
 * field: a status code decides when the answer carries one; otherwise the provider's documented
 * status words do. A word nobody documented is neither success nor failure ('unknown'): it is
 * passed on as it came and never presented as safe to send again (a false "failed" makes users
 * re-send; a false "sent" hides a loss).
 */
export type Verdict = 'success' | 'failure' | 'unknown';

export interface StatusRule {
	/** What the answer is, for messages and the docs' Errors table ("SMS recipient"). */
	answer: string;
	/** The field holding a numeric code that decides when present (e.g. 'statusCode'). */
	codeField?: string;
	/** Codes below this are a success, codes from it up a failure (default 400). */
	failureFrom?: number;
	/** The field holding the status word (a dotted path for nested answers). */
	statusField: string;
	/** The provider's documented words for success and for failure (compared ignoring case and spaces around). */
	success: readonly string[];
	failure: readonly string[];
	/**
	 * A field the provider fills only on failure (AT's `errorMessage`, "None" otherwise): it
	 * decides when neither a code nor a known word does.
	 */
	errorField?: string;
	/** The verdict when the answer carries no code, no status word and no error: by default 'unknown'. */
	whenSilent?: Verdict;
}

export interface Judgement {
	verdict: Verdict;
	/** The status word as it came ('' when there was none). */
	status: string;
	/** The code when the answer carries a readable one. */
	code?: number;
	/** The error text when the rule's errorField holds one. */
	error?: string;
}

/** The value at a dotted path ('a.b'), own properties only. */
export function valueAt(body: unknown, path: string): unknown {
	let value: unknown = body;
	for (const key of path.split('.')) {
		if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
		value = (value as IDataObject)[key];
	}
	return value;
}

/** A plain value as trimmed text; anything else (absent, an object) as ''. */
export function plainText(value: unknown): string {
	return isScalar(value) ? String(value).trim() : '';
}

const NO_ERROR = ['', 'none', 'null', 'undefined'];

function codeOf(value: unknown): number | undefined {
	const text = plainText(value);
	if (!/^\d{1,4}$/.test(text)) return undefined;
	return Number(text);
}

function includesWord(words: readonly string[], word: string): boolean {
	const lower = word.toLowerCase();
	return words.some((known) => known.toLowerCase() === lower);
}

/** The verdict of one answer (or one entry of it) under its rule. */
export function judgeStatus(rule: StatusRule, entry: unknown): Judgement {
	const status = plainText(valueAt(entry, rule.statusField));
	const code = rule.codeField === undefined ? undefined : codeOf(valueAt(entry, rule.codeField));
	const errorText = rule.errorField === undefined ? '' : plainText(valueAt(entry, rule.errorField));
	const error = NO_ERROR.includes(errorText.toLowerCase()) ? undefined : errorText;
	const judged = (verdict: Verdict): Judgement => ({ verdict, status, ...(code === undefined ? {} : { code }), ...(error === undefined ? {} : { error }) });
	if (code !== undefined) return judged(code >= (rule.failureFrom ?? 400) ? 'failure' : 'success');
	if (status !== '' && includesWord(rule.success, status)) return judged('success');
	if (status !== '' && includesWord(rule.failure, status)) return judged('failure');
	if (error !== undefined) return judged('failure');
	if (status === '') return judged(rule.whenSilent ?? 'unknown');
	return judged('unknown');
}

/** What an item with an undocumented status carries, so that nobody reads it as sent or as failed. */
export function unknownStatusWarning(provider: string, judgement: Judgement): string {
	const said = judgement.status === '' ? 'no status' : `the status "${judgement.status.slice(0, 100)}"`;
	return `${provider} answered ${said}, which its documentation does not list as success or failure: check the outcome (in its dashboard or a later status report) before sending again.`;
}
