import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { rejectedRecipients, type FailedEntries } from './items';
import type { Verdict } from './statusRule';

/** How a campaign's output is shaped (the node's Output field). */
export type CampaignOutput = 'perRecipient' | 'summary';

/** What a provider's answer says about one recipient, in provider-neutral terms. */
export interface RecipientOutcome {
	recipient: string;
	/**
	 * Whether the provider accepted the message for this recipient: 'unknown' when it answered a
	 * status its documentation does not list (counted apart, never as sent nor as failed).
	 */
	verdict: Verdict;
	/** The provider's status name, counted in `byStatus`. */
	status: string;
	/** What this recipient cost, when the provider says. */
	cost?: { currency: string; amount: number };
	messageId?: string;
	/** Why a recipient was not sent (the provider's reason and what to check). */
	reason?: string;
}

function listFor(lists: Map<number, IDataObject[]>, chunk: number): IDataObject[] {
	let list = lists.get(chunk);
	if (!list) {
		list = [];
		lists.set(chunk, list);
	}
	return list;
}

function inInputOrder(lists: Map<number, IDataObject[]>): IDataObject[] {
	return [...lists.keys()].sort((a, b) => a - b).flatMap((chunk) => lists.get(chunk) as IDataObject[]);
}

// Costs are added up in millionths, so that a million amounts of 0.8 add up to exactly 800,000.
const COST_UNIT = 1e6;

/**
 * One item's campaign in a few numbers, folded in one answer at a time so that a million
 * recipients never sit in memory: counts by status, total cost per currency, every recipient
 * that failed with its reason (never dropped), and message IDs only when asked for.
 */
export class CampaignSummary {
	private recipients = 0;
	private sent = 0;
	private readonly byStatus: Record<string, number> = {};
	private readonly cost = new Map<string, number>();
	private failedCount = 0;
	private unconfirmedCount = 0;
	// Lists kept per chunk, so that they come out in input order although chunks answer in any order.
	private readonly failedRecipients = new Map<number, IDataObject[]>();
	private readonly unconfirmedRecipients = new Map<number, IDataObject[]>();
	private readonly messageIds: Map<number, IDataObject[]> | undefined;

	constructor(includeMessageIds = false) {
		this.messageIds = includeMessageIds ? new Map() : undefined;
	}

	/** Folds in one recipient's outcome; `chunk` is the position of its request in the list. */
	add(outcome: RecipientOutcome, chunk = 0): void {
		this.recipients += 1;
		this.byStatus[outcome.status] = (this.byStatus[outcome.status] ?? 0) + 1;
		if (outcome.cost && Number.isFinite(outcome.cost.amount)) {
			const units = Math.round(outcome.cost.amount * COST_UNIT);
			this.cost.set(outcome.cost.currency, (this.cost.get(outcome.cost.currency) ?? 0) + units);
		}
		if (outcome.verdict === 'success') {
			this.sent += 1;
			if (this.messageIds && outcome.messageId !== undefined) listFor(this.messageIds, chunk).push({ recipient: outcome.recipient, messageId: outcome.messageId });
		} else if (outcome.verdict === 'failure') {
			this.failedCount += 1;
			listFor(this.failedRecipients, chunk).push({ recipient: outcome.recipient, status: outcome.status, reason: outcome.reason ?? outcome.status });
		} else {
			// Neither sent nor failed: listed with its message ID, so that it can be checked before anyone re-sends it.
			this.unconfirmedCount += 1;
			listFor(this.unconfirmedRecipients, chunk).push({
				recipient: outcome.recipient,
				status: outcome.status,
				...(outcome.messageId === undefined ? {} : { messageId: outcome.messageId }),
			});
		}
	}

	get failed(): number {
		return this.failedCount;
	}

	get total(): number {
		return this.recipients;
	}

	/** The first few failures, for an error message. */
	firstFailures(count: number): IDataObject[] {
		return inInputOrder(this.failedRecipients).slice(0, count);
	}

	toJson(): IDataObject {
		const totalCost: IDataObject = {};
		for (const [currency, units] of this.cost) totalCost[currency] = units / COST_UNIT;
		return {
			recipients: this.recipients,
			sent: this.sent,
			failed: this.failedCount,
			byStatus: this.byStatus,
			totalCost,
			failedRecipients: inInputOrder(this.failedRecipients),
			// Only when the provider answered a status nobody documented: recipients = sent + failed + unconfirmed.
			...(this.unconfirmedCount > 0 ? { unconfirmed: this.unconfirmedCount, unconfirmedRecipients: inInputOrder(this.unconfirmedRecipients) } : {}),
			...(this.messageIds ? { messageIds: inInputOrder(this.messageIds) } : {}),
		};
	}
}

/**
 * The error for a summary with failed recipients (as `failedEntries` for one item per recipient):
 * how many failed, the first few with their reasons, and how many others were accepted, so that
 * nobody is sent twice by a blind re-run. A provider throws it unless the node continues on fail.
 */
export function failedInSummary(items: INodeExecutionData[], provider: string): FailedEntries | undefined {
	const summary = items[0]?.json;
	const failed = Number(summary?.failed ?? 0);
	if (!summary || failed === 0) return undefined;
	const reasons = ((summary.failedRecipients ?? []) as IDataObject[]).slice(0, 5).map((failure) => `${String(failure.recipient)}: ${String(failure.reason)}`);
	return rejectedRecipients(provider, reasons, failed, Number(summary.recipients), 'the summary with every failed recipient and its reason');
}
