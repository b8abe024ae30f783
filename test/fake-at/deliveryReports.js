'use strict';
// Delivery reports for the messages the fake accepted, posted to a trigger URL as AT posts them
// (form-encoded, africastalking-api.md §4): one final report per message, drawn from a mix of
// statuses and failure reasons, each after its own delay (so they arrive out of order and may
// arrive before the workflow that sent the message has stored it), a share of them twice, and
// posted again while the URL does not answer 2xx (AT retries for about 10 minutes).
const { encode } = require('./callbacks');

/** What AT's operators answer for a campaign, by default: mostly delivered, every kind of failure. */
const DEFAULT_MIX = [
	{ status: 'Success', weight: 85 },
	{ status: 'Failed', failureReason: 'DeliveryFailure', weight: 5 },
	{ status: 'AbsentSubscriber', failureReason: 'AbsentSubscriber', weight: 4 },
	{ status: 'Failed', failureReason: 'UserInBlackList', weight: 3 },
	{ status: 'Rejected', failureReason: 'UserDoesNotExist', weight: 2 },
	{ status: 'Expired', weight: 1 },
];

/** A repeatable stream of numbers in [0, 1) (the same seed gives the same campaign). */
function seededRandom(seed) {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
}

const FINAL = ['Success', 'Failed', 'Rejected', 'AbsentSubscriber', 'Expired'];
const ON_THE_WAY = ['Sent', 'Submitted', 'Buffered'];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

class DeliveryReportSender {
	/**
	 * `url`: the trigger's production URL; `mix`: [{ status, failureReason?, weight }];
	 * `delayMs`: [min, max] before a report is posted; `duplicateRate`: share posted twice;
	 * `inFlight`: posts at once; `seed`: makes a run repeatable.
	 */
	constructor({ url, mix = DEFAULT_MIX, delayMs = [0, 200], duplicateRate = 0, inFlight = 50, seed = 42, maxAttempts = 20 }) {
		Object.assign(this, { url, mix, delayMs, duplicateRate, inFlight, maxAttempts });
		this.random = seededRandom(seed);
		this.totalWeight = mix.reduce((sum, m) => sum + m.weight, 0);
		/** messageId → the report sent for it (what the campaign report must equal). */
		this.reports = new Map();
		this.queue = [];
		this.active = 0;
		this.posts = 0;
		this.duplicates = 0;
		this.refusedPosts = 0;
		this.lost = [];
		this.idle = [];
	}

	pick() {
		let roll = this.random() * this.totalWeight;
		for (const entry of this.mix) {
			roll -= entry.weight;
			if (roll < 0) return entry;
		}
		return this.mix[this.mix.length - 1];
	}

	/** A message AT accepted: its report goes out after a delay (twice for a share of them). */
	accepted(messageId, phoneNumber) {
		const { status, failureReason } = this.pick();
		const report = { id: messageId, status, phoneNumber, networkCode: '63902', failureReason: failureReason ?? '', retryCount: status === 'Success' ? '0' : '2' };
		this.reports.set(messageId, report);
		this.enqueue(report);
		if (this.random() < this.duplicateRate) {
			this.duplicates += 1;
			this.enqueue(report);
		}
	}

	/** Any body, e.g. a report for a message this account never sent, or with a status AT never documented. */
	enqueue(body) {
		const [min, max] = this.delayMs;
		this.queue.push({ body, notBefore: Date.now() + min + Math.floor(this.random() * (max - min)) });
		this.pump();
	}

	pump() {
		while (this.active < this.inFlight && this.queue.length > 0) {
			this.active += 1;
			this.deliver(this.queue.shift()).finally(() => {
				this.active -= 1;
				this.pump();
				if (this.active === 0 && this.queue.length === 0) this.idle.splice(0).forEach((resolve) => resolve());
			});
		}
	}

	async deliver({ body, notBefore }) {
		const wait = notBefore - Date.now();
		if (wait > 0) await sleep(wait);
		const { contentType, data } = encode('form', body);
		for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
			this.posts += 1;
			try {
				const res = await fetch(this.url, { method: 'POST', headers: { 'content-type': contentType }, body: data, signal: AbortSignal.timeout(60000) });
				await res.arrayBuffer();
				if (res.ok) return;
			} catch {
				// Not answered: AT posts again, as for a non-2xx answer.
			}
			this.refusedPosts += 1;
			await sleep(Math.min(100 * attempt, 2000));
		}
		this.lost.push(body);
	}

	/** Resolves when every report queued so far has been answered 2xx (or given up: see `lost`). */
	drained() {
		if (this.active === 0 && this.queue.length === 0) return Promise.resolve();
		return new Promise((resolve) => this.idle.push(resolve));
	}

	/**
	 * The counts a campaign report must show for these message IDs, from what was sent: a status
	 * AT does not document is "unknown", a failure without a reason has the reason "unknown".
	 */
	expectedCounts(messageIds) {
		const counts = { delivered: 0, failed: 0, pending: 0, unknown: 0, failureReasons: {} };
		for (const id of messageIds) {
			const report = this.reports.get(id);
			if (!report || ON_THE_WAY.includes(report.status)) counts.pending += 1;
			else if (report.status === 'Success') counts.delivered += 1;
			else if (!FINAL.includes(report.status)) counts.unknown += 1;
			else {
				counts.failed += 1;
				const reason = report.failureReason || (['Failed', 'Rejected'].includes(report.status) ? 'unknown' : report.status);
				counts.failureReasons[reason] = (counts.failureReasons[reason] ?? 0) + 1;
			}
		}
		return counts;
	}
}

module.exports = { DeliveryReportSender, DEFAULT_MIX, seededRandom };
