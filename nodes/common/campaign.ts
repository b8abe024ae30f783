import {
	NodeApiError,
	NodeOperationError,
	sleep,
	type JsonObject,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { accountKey, acquireLimiter, releaseLimiter, type Limiter } from './limiter';
import { CampaignSummary, type CampaignOutput, type RecipientOutcome } from './summary';
import { errorOfItems } from './routing';

export { accountKey } from './limiter';

/**
 * The provider-neutral core of bulk sends: a list goes out in chunks of `batchSize` per request;
 * every request to one account (credential and host) from this process, over all items and all
 * runs, goes through one limiter of concurrent requests (and optionally of requests per second;
 * limiter.ts), since n8n starts every item's requests at once and campaigns may run side by side;
 * 429 and 5xx answers are retried with backoff that honours Retry-After. Only message sends use
 * this: money-moving operations are never retried automatically.
 */
export interface CampaignOptions {
	batchSize: number;
	maxConcurrency: number;
	maxPerSecond: number;
	retry: boolean;
	maxRetries: number;
	/** The longest Retry-After honoured as given (providers whose window is a minute need more than the default). */
	maxRetryAfterMs?: number;
	/** One item per recipient (default), or one summary item per input item (the node's Output field). */
	output?: CampaignOutput;
	/** With the summary: list the message ID of every recipient sent (the node's Include Message IDs field). */
	includeMessageIds?: boolean;
}

/**
 * A provider's campaign limits and defaults, for one kind of send: the node's fields
 * (campaignFields.ts) and their reader (campaignOptions) are both built from it.
 */
export interface CampaignProvider {
	/** The provider as the fields name it ("Africa's Talking"). */
	name: string;
	defaults: CampaignOptions;
	/** Most recipients one request may carry; 1 when each request carries one (no Recipients per Request field). */
	maxBatchSize: number;
	/** The provider states its rate limit per minute: the field is Max Requests per Minute, else per Second. */
	ratePerMinute: boolean;
	/** What the rate field says of the provider's own limit. */
	rateDescription: string;
}

const BACKOFF_BASE_MS = 250;
const BACKOFF_MAX_MS = 30000;

/**
 * The campaign options of the node's `options` collection (campaignOptionFields), with the
 * provider's defaults and limits, and its Output and Include Message IDs fields.
 */
export function campaignOptions(this: IExecutePaginationFunctions, provider: CampaignProvider): CampaignOptions {
	const given = this.getNodeParameter('options', {}) as IDataObject;
	const { defaults } = provider;
	const number = (key: string, fallback: number) => (given[key] === undefined || given[key] === '' ? fallback : Number(given[key]));
	const perSecond = provider.ratePerMinute ? number('maxPerMinute', defaults.maxPerSecond * 60) / 60 : number('maxPerSecond', defaults.maxPerSecond);
	return {
		batchSize: Math.min(provider.maxBatchSize, Math.max(1, number('batchSize', defaults.batchSize))),
		maxConcurrency: Math.max(0, number('maxConcurrency', defaults.maxConcurrency)),
		maxPerSecond: Number.isFinite(perSecond) && perSecond > 0 ? perSecond : 0,
		retry: given.retry === undefined ? defaults.retry : given.retry === true,
		maxRetries: Math.max(0, number('maxRetries', defaults.maxRetries)),
		maxRetryAfterMs: defaults.maxRetryAfterMs,
		output: this.getNodeParameter('output', 'perRecipient') === 'summary' ? 'summary' : 'perRecipient',
		includeMessageIds: this.getNodeParameter('includeMessageIds', false) === true,
	};
}

function retryable(error: unknown): boolean {
	const status = Number((error as { httpCode?: string }).httpCode);
	return status === 429 || status >= 500;
}

function backoff(attempt: number, error: unknown, options: CampaignOptions): number {
	const retryAfter = (error as { context?: IDataObject }).context?.retryAfterMs;
	if (typeof retryAfter === 'number') return Math.min(retryAfter, options.maxRetryAfterMs ?? BACKOFF_MAX_MS);
	const exponential = Math.min(BACKOFF_BASE_MS * 2 ** attempt, BACKOFF_MAX_MS);
	return exponential / 2 + Math.random() * (exponential / 2);
}

/**
 * One request, retried on 429 and 5xx: the provider did not take the request then, so a retry
 * cannot send a recipient twice. A dropped connection is not retried (the provider may have sent).
 * A postReceive error must carry `httpCode` and, for 429, `context.retryAfterMs`.
 */
async function requestWithRetry(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	options: CampaignOptions,
	limiter: Limiter,
): Promise<INodeExecutionData[]> {
	for (let attempt = 0; ; attempt++) {
		try {
			const items = await limiter.run(options, async () => await this.makeRoutingRequest(requestData));
			// Under On Error → Continue the output steps give an error item: retried or reported as the error it stands for.
			const error = errorOfItems(items);
			if (error) throw error;
			return items;
		} catch (error) {
			if (!options.retry || !retryable(error) || attempt >= options.maxRetries) {
				throw error instanceof NodeApiError || error instanceof NodeOperationError
					? error
					: new NodeApiError(this.getNode(), error as JsonObject, { itemIndex: this.getItemIndex() });
			}
			await sleep(backoff(attempt, error, options));
		}
	}
}

export interface ChunkedSend<T> {
	/** The recipients (or entries) of one input item, in order. */
	entries: T[];
	/** The request for one chunk of entries, derived from the item's prepared request. */
	requestFor: (entries: T[]) => DeclarativeRestApiSettings.ResultOptions;
	/** Error items for the entries of a chunk that failed after its retries (or was refused). */
	failedItems: (entries: T[], error: Error) => INodeExecutionData[];
	/** Whether two neighbouring entries may share one request (by default all may, up to batchSize). */
	canShareRequest?: (previous: T, next: T) => boolean;
	/** Why the entry at this index is refused without being sent, if it is (Continue On Fail). */
	refusal?: (index: number) => Error | undefined;
	/** What one output item says about its recipient: needed for the Summary output. */
	outcome?: (json: IDataObject) => RecipientOutcome;
	/** The account the requests go to (`accountKey`): every run to one account shares one limiter. */
	limitKey?: string;
}

interface Chunk {
	start: number;
	end: number;
	refused?: Error;
}

/** The chunks of a list, made as they are needed: a million entries are never all sliced at once. */
function* chunks<T>(send: ChunkedSend<T>, batchSize: number): Generator<Chunk> {
	const { entries } = send;
	for (let start = 0; start < entries.length; ) {
		const refused = send.refusal?.(start);
		let end = start + 1;
		if (!refused) {
			while (
				end < entries.length &&
				end - start < batchSize &&
				!send.refusal?.(end) &&
				(send.canShareRequest?.(entries[end - 1], entries[end]) ?? true)
			) {
				end += 1;
			}
		}
		yield { start, end, refused };
		start = end;
	}
}

/**
 * The requests of one item: its entries in chunks, several in flight under the account's shared
 * limiter, taken from the list as slots free up. Outputs come in input order, one item per
 * recipient, or (Output: Summary) one summary item into which every answer is folded as it
 * arrives, so that no answer is kept. A chunk that still fails after its retries becomes error
 * items (or failed recipients of the summary) next to the chunks that were sent; when nothing was
 * sent at all, the first reason (with its hint) is thrown as the clearest error, unless the node
 * continues on fail.
 */
export async function sendInChunks<T>(this: IExecutePaginationFunctions, send: ChunkedSend<T>, options: CampaignOptions): Promise<INodeExecutionData[]> {
	const { outcome } = send;
	if (options.output === 'summary' && !outcome) {
		throw new NodeOperationError(this.getNode(), 'This operation has no Summary output', { itemIndex: this.getItemIndex() });
	}
	const summary = options.output === 'summary' ? new CampaignSummary(options.includeMessageIds) : undefined;
	const ordered: INodeExecutionData[][] = [];
	const collect = (index: number, items: INodeExecutionData[]) => {
		if (summary && outcome) for (const item of items) summary.add(outcome(item.json), index);
		else ordered[index] = items;
	};
	const pending = chunks(send, options.batchSize);
	let taken = 0;
	let requests = 0;
	let failed = 0;
	let firstFailure: unknown;
	const key = send.limitKey ?? accountKey.call(this, undefined);
	const limiter = acquireLimiter(key);
	const worker = async () => {
		for (let next = pending.next(); !next.done; next = pending.next()) {
			const index = taken++;
			const { start, end, refused } = next.value;
			const entries = send.entries.slice(start, end);
			if (refused) {
				collect(index, send.failedItems(entries, refused));
				continue;
			}
			requests += 1;
			try {
				collect(index, await requestWithRetry.call(this, send.requestFor(entries), options, limiter));
			} catch (error) {
				failed += 1;
				firstFailure ??= error;
				collect(index, send.failedItems(entries, error as Error));
			}
		}
	};
	// As many workers as requests may be in flight: the list is read only as fast as it is sent.
	const entryCount = send.entries.length;
	const workers = Math.min(entryCount, options.maxConcurrency > 0 ? options.maxConcurrency : Math.ceil(entryCount / options.batchSize));
	try {
		await Promise.all(Array.from({ length: workers }, worker));
	} finally {
		releaseLimiter(key, limiter);
	}
	if (failed > 0 && failed === requests && !this.continueOnFail()) throw firstFailure;
	if (summary) return [{ json: summary.toJson(), pairedItem: { item: this.getItemIndex() } }];
	return ordered.flat();
}
