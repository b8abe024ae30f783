import { sleep, type IExecuteSingleFunctions } from 'n8n-workflow';

/** The limits one run sets (its Max Concurrent Requests and Max Requests per Second); 0 means none. */
export interface RequestLimits {
	maxConcurrency: number;
	maxPerSecond: number;
}

interface Waiter {
	arrival: number;
	start: () => void;
}

/**
 * Requests to one account (credential and host) from this process, shared by every run that
 * sends to it. Each request brings its run's limits: it starts only while fewer requests than
 * its own Max Concurrent Requests are in flight to the account (every run's requests counted),
 * and no sooner than 1 / its Max Requests per Second after the account's previous start. Runs
 * with the same settings thus share them; a run's setting caps what it adds to the account.
 */
export class Limiter {
	private active = 0;
	// One queue per concurrency limit, so that a release wakes the oldest request that may start
	// without scanning requests whose own limit is still reached.
	private readonly queues = new Map<number, Waiter[]>();
	private arrivals = 0;
	private lastStart = 0;
	users = 0;

	get inFlight(): number {
		return this.active;
	}

	async run<T>(limits: RequestLimits, task: () => Promise<T>): Promise<T> {
		const max = limits.maxConcurrency > 0 ? limits.maxConcurrency : Number.POSITIVE_INFINITY;
		if (this.active < max) this.active += 1;
		// A released slot is handed straight to a waiter (active stays counted), so no limit is exceeded.
		else await new Promise<void>((start) => this.enqueue(max, { arrival: this.arrivals++, start }));
		try {
			await this.spaceOut(limits.maxPerSecond);
			return await task();
		} finally {
			this.active -= 1;
			this.wake();
		}
	}

	private async spaceOut(perSecond: number): Promise<void> {
		const now = Date.now();
		const start = perSecond > 0 ? Math.max(now, this.lastStart + 1000 / perSecond) : now;
		this.lastStart = Math.max(this.lastStart, start);
		if (start > now) await sleep(start - now);
	}

	private enqueue(max: number, waiter: Waiter): void {
		const queue = this.queues.get(max);
		if (queue) queue.push(waiter);
		else this.queues.set(max, [waiter]);
	}

	private wake(): void {
		for (;;) {
			let oldest: number | undefined;
			for (const [max, queue] of this.queues) {
				if (this.active < max && (oldest === undefined || queue[0].arrival < (this.queues.get(oldest) as Waiter[])[0].arrival)) oldest = max;
			}
			if (oldest === undefined) return;
			const queue = this.queues.get(oldest) as Waiter[];
			const waiter = queue.shift() as Waiter;
			if (queue.length === 0) this.queues.delete(oldest);
			this.active += 1;
			waiter.start();
		}
	}
}

// One limiter per account within this process (main or worker), kept while a run uses it.
const limiters = new Map<string, Limiter>();

export function acquireLimiter(key: string): Limiter {
	let limiter = limiters.get(key);
	if (!limiter) {
		limiter = new Limiter();
		limiters.set(key, limiter);
	}
	limiter.users += 1;
	return limiter;
}

export function releaseLimiter(key: string, limiter: Limiter): void {
	limiter.users -= 1;
	if (limiter.users === 0 && limiters.get(key) === limiter) limiters.delete(key);
}

/**
 * The account a request goes to: the node's credential (by ID, never its secrets) and the
 * request's host. Two runs with the same credential and host share one limiter.
 */
export function accountKey(this: IExecuteSingleFunctions, baseURL: string | undefined): string {
	const credentials = Object.entries(this.getNode().credentials ?? {}).map(([type, { id, name }]) => `${type}:${id ?? name}`);
	return `${credentials.join('+')}@${baseURL ?? ''}`;
}
