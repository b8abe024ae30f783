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

/**
 * The provider-neutral core of bulk sends: a list goes out in chunks of `batchSize` per request;
 * requests of all items of one node run share one limit of concurrent requests (and optionally of
 * requests per second), since n8n starts every item's requests at once; 429 and 5xx answers are
 * retried with backoff that honours Retry-After. Only message sends use this: money-moving
 * operations are never retried automatically.
 */
export interface CampaignOptions {
	batchSize: number;
	maxConcurrency: number;
	maxPerSecond: number;
	retry: boolean;
	maxRetries: number;
	/** The longest Retry-After honoured as given (providers whose window is a minute need more than the default). */
	maxRetryAfterMs?: number;
}

export const CAMPAIGN_DEFAULTS: CampaignOptions = { batchSize: 1000, maxConcurrency: 10, maxPerSecond: 0, retry: true, maxRetries: 4 };
const BACKOFF_BASE_MS = 250;
const BACKOFF_MAX_MS = 30000;

export class Limiter {
	private active = 0;
	private readonly waiting: Array<() => void> = [];
	private nextStart = 0;
	users = 0;

	constructor(
		private readonly max: number,
		private readonly perSecond: number,
	) {}

	async run<T>(task: () => Promise<T>): Promise<T> {
		if (this.active < this.max) this.active += 1;
		// A released slot is handed straight to the next waiter, so the limit is never exceeded.
		else await new Promise<void>((resolve) => this.waiting.push(resolve));
		try {
			if (this.perSecond > 0) {
				const now = Date.now();
				const start = Math.max(now, this.nextStart);
				this.nextStart = start + 1000 / this.perSecond;
				if (start > now) await sleep(start - now);
			}
			return await task();
		} finally {
			const next = this.waiting.shift();
			if (next) next();
			else this.active -= 1;
		}
	}
}

// One limiter per node run (execution and node), shared by the requests of all its items.
const limiters = new Map<string, Limiter>();

function limiterFor(key: string, options: CampaignOptions): Limiter {
	let limiter = limiters.get(key);
	if (!limiter) {
		limiter = new Limiter(options.maxConcurrency > 0 ? options.maxConcurrency : Number.MAX_SAFE_INTEGER, options.maxPerSecond);
		limiters.set(key, limiter);
	}
	limiter.users += 1;
	return limiter;
}

function releaseLimiter(key: string, limiter: Limiter): void {
	limiter.users -= 1;
	if (limiter.users === 0 && limiters.get(key) === limiter) limiters.delete(key);
}

/** The campaign options of the node's `options` collection, with defaults (provider defaults may override). */
export function campaignOptions(this: IExecutePaginationFunctions, defaults: CampaignOptions = CAMPAIGN_DEFAULTS): CampaignOptions {
	const given = this.getNodeParameter('options', {}) as IDataObject;
	const number = (key: keyof CampaignOptions) => (given[key] === undefined || given[key] === '' ? (defaults[key] as number) : Number(given[key]));
	return {
		batchSize: Math.max(1, number('batchSize')),
		maxConcurrency: Math.max(0, number('maxConcurrency')),
		maxPerSecond: Math.max(0, number('maxPerSecond')),
		retry: given.retry === undefined ? defaults.retry : given.retry === true,
		maxRetries: Math.max(0, number('maxRetries')),
		maxRetryAfterMs: defaults.maxRetryAfterMs,
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
			return await limiter.run(async () => await this.makeRoutingRequest(requestData));
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

export function chunk<T>(list: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let i = 0; i < list.length; i += size) chunks.push(list.slice(i, i + size));
	return chunks;
}

export interface ChunkedSend<T> {
	/** The recipients (or entries) of one input item, in order. */
	entries: T[];
	/** The request for one chunk of entries, derived from the item's prepared request. */
	requestFor: (entries: T[]) => DeclarativeRestApiSettings.ResultOptions;
	/** Error items for the entries of a chunk that failed after its retries. */
	failedItems: (entries: T[], error: Error) => INodeExecutionData[];
}

/**
 * The requests of one item: its entries in chunks, several in flight under the node run's
 * limiter, outputs in input order. A chunk that still fails after its retries becomes error items
 * for its entries, next to the chunks that were sent; when nothing was sent at all, the first
 * reason (with its hint) is thrown as the clearest error, unless the node continues on fail.
 */
export async function sendInChunks<T>(this: IExecutePaginationFunctions, send: ChunkedSend<T>, options: CampaignOptions): Promise<INodeExecutionData[]> {
	const chunks = chunk(send.entries, options.batchSize);
	const key = `${this.getExecutionId()}:${this.getNode().id}`;
	const limiter = limiterFor(key, options);
	const failures: unknown[] = [];
	try {
		const results = await Promise.all(
			chunks.map(async (entries) => {
				try {
					return await requestWithRetry.call(this, send.requestFor(entries), options, limiter);
				} catch (error) {
					failures.push(error);
					return send.failedItems(entries, error as Error);
				}
			}),
		);
		if (failures.length === chunks.length && failures.length > 0 && !this.continueOnFail()) throw failures[0];
		return results.flat();
	} finally {
		releaseLimiter(key, limiter);
	}
}
