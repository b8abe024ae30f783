'use strict';
// A stand-in for TalkNTalk (api.talkntalk.africa): checks what TalkNTalk checks (Bearer key,
// trailing slashes, JSON, required fields, the 10,000-recipient limit, rate limits), answers with
// its shapes, records every request, can misbehave on demand, and posts signed webhooks.
const { listen, close } = require('../harness/fake-server');
const { API_KEY, senderIds, addressBooks } = require('./data');
const { ROUTES, ApiError } = require('./routes');
const { EVENTS, eventBody, postWebhook } = require('./webhooks');

const HOST = 'api.talkntalk.africa';
/** Requests per sliding window of a minute, per organisation (talkntalk-api.md §6). */
const LIMITS = { send: 300, bulk: 60, other: 300 };

class FakeTalkNTalk {
	constructor(options = {}) {
		this.apiKey = options.apiKey || API_KEY;
		this.latencyMs = options.latencyMs || 0;
		this.recordBodies = options.recordBodies !== false;
		this.reset();
	}

	/** Forget requests, faults, state and limits; keep the key and latency. */
	reset() {
		this.requests = [];
		this.faults = [];
		this.balanceCents = 1250 * 100;
		this.senderIds = senderIds();
		this.addressBooks = addressBooks();
		this.messages = [];
		this.sequence = 9000;
		this.campaigns = new Map();
		this.campaignCounter = 83;
		this.accepted = new Map();
		this.failMobiles = new Set();
		this.limits = { ...LIMITS };
		this.windowMs = 60000;
		this.hits = { send: [], bulk: [], other: [] };
		this.webhook = null;
		this.deliveries = [];
		// TalkNTalk retries a delivery without a 2xx answer 3 times: after 1, 5 and 30 minutes.
		this.retryDelaysMs = [60000, 300000, 1800000];
		this.inFlight = 0;
		this.maxInFlight = 0;
	}

	/** How many times a number was queued: the basis of the lost/doubled figures. */
	acceptedCount(mobile) {
		return this.accepted.get(mobile) || 0;
	}

	requestsTo(path) {
		return this.requests.filter((r) => r.path === path);
	}

	/** The next `times` requests (to `path`, if given) get `status` with `body` and optional Retry-After. */
	injectFault({ status, times = 1, path, retryAfter, body }) {
		this.faults.push({ status, times, path, retryAfter, body });
	}

	takeFault(path) {
		const fault = this.faults.find((f) => f.times > 0 && (!f.path || f.path === path));
		if (fault) fault.times -= 1;
		return fault;
	}

	/** Sliding-window throttle, as DRF answers it: 429, Retry-After, "Request was throttled…". */
	throttle(bucket) {
		const now = Date.now();
		const hits = this.hits[bucket].filter((t) => t > now - this.windowMs);
		this.hits[bucket] = hits;
		if (hits.length >= this.limits[bucket]) {
			const seconds = Math.max(1, Math.ceil((hits[0] + this.windowMs - now) / 1000));
			throw new ApiError(429, { detail: `Request was throttled. Expected available in ${seconds} seconds.` }, { 'retry-after': String(seconds) });
		}
		hits.push(now);
	}

	async handle(req, res) {
		// When the request began to arrive: its body (up to 10,000 numbers) may take a while.
		const arrivedAt = Date.now();
		const chunks = [];
		for await (const chunk of req) chunks.push(chunk);
		const raw = Buffer.concat(chunks).toString('utf8');
		const url = new URL(req.url, `https://${HOST}`);
		const record = {
			at: Date.now(), arrivedAt, host: String(req.headers.host || '').split(':')[0], method: req.method, path: url.pathname,
			query: Object.fromEntries(url.searchParams), headers: { ...req.headers }, rawBody: this.recordBodies ? raw : undefined,
			body: undefined, status: undefined,
		};
		this.requests.push(record);
		this.inFlight += 1;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		try {
			if (this.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
			const answer = this.answer(req, url, raw, record);
			this.send(res, record, answer.status, answer.body, answer.headers);
		} catch (error) {
			if (!(error instanceof ApiError)) throw error;
			this.send(res, record, error.status, error.body, error.headers);
		} finally {
			this.inFlight -= 1;
		}
	}

	answer(req, url, raw, record) {
		if (record.host !== HOST) throw new ApiError(404, { detail: `Unknown host ${record.host}` });
		if (!url.pathname.endsWith('/')) {
			// Django's APPEND_SLASH: a GET is redirected, a POST cannot be (its body would be lost).
			if (req.method === 'GET') return { status: 301, body: '', headers: { location: `${url.pathname}/${url.search}` } };
			throw new ApiError(500, { detail: 'Server Error (500)' });
		}
		const routes = ROUTES.filter((r) => r.path === url.pathname);
		if (routes.length === 0) throw new ApiError(404, { detail: 'Not found.' });
		const route = routes.find((r) => r.method === req.method);
		const auth = String(req.headers.authorization || '');
		if (!auth) throw new ApiError(401, { detail: 'Authentication credentials were not provided.' });
		if (auth !== `Bearer ${this.apiKey}`) throw new ApiError(401, { detail: 'Invalid or revoked API key.' });
		if (!route) throw new ApiError(405, { detail: `Method "${req.method}" not allowed.` });
		this.throttle(route.bucket || 'other');
		const fault = this.takeFault(url.pathname);
		if (fault) {
			throw new ApiError(fault.status, fault.body ?? { detail: fault.status === 429 ? 'Request was throttled. Expected available in 1 seconds.' : 'Server Error (500)' },
				fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {});
		}
		let body = {};
		if (req.method === 'POST') {
			const type = String(req.headers['content-type'] || '').split(';')[0].trim().toLowerCase();
			if (type !== 'application/json') throw new ApiError(415, { detail: `Unsupported media type "${type}" in request.` });
			try {
				body = raw === '' ? {} : JSON.parse(raw);
			} catch (error) {
				throw new ApiError(400, { detail: `JSON parse error - ${error.message}` });
			}
			if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError(400, { non_field_errors: ['Invalid data. Expected a dictionary.'] });
			record.body = body;
		}
		return route.handle({ fake: this, body, query: record.query, url });
	}

	send(res, record, status, body, headers = {}) {
		record.status = status;
		record.response = body;
		if (body === '') {
			res.writeHead(status, headers).end();
			return;
		}
		res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
	}

	/** The endpoint set up in the dashboard: URL, subscribed events, optional secret and signature format. */
	setWebhook({ url, events = EVENTS, secret, format = 'hex' }) {
		this.webhook = { url, events, secret, format };
	}

	/** A message changes status: TalkNTalk posts `sms.<status>` to the endpoint if it subscribed. */
	async setStatus(messageId, status) {
		const message = this.messages.find((m) => m.id === messageId);
		if (!message) throw new Error(`no message ${messageId}`);
		message.status = status;
		message.updated_at = new Date(Date.now() + 3 * 3600 * 1000).toISOString().replace(/\.\d+Z$/, '+03:00');
		const event = `sms.${status}`;
		if (!this.webhook || !this.webhook.events.includes(event)) return undefined;
		const { id, seq, ...fields } = message;
		const body = { ...eventBody(event, { ...fields, id: seq }), timestamp: message.updated_at };
		return await this.deliver(event, body);
	}

	/** Posts one event until it gets a 2xx or the retries run out (the same body and signature each time). */
	async deliver(event, body) {
		for (let attempt = 0; ; attempt++) {
			let answer;
			try {
				answer = await postWebhook(this.webhook.url, body, { secret: this.webhook.secret, format: this.webhook.format });
			} catch (error) {
				answer = { status: 0, text: String(error.message) };
			}
			this.deliveries.push({ event, body, status: answer.status, attempt });
			if ((answer.status >= 200 && answer.status < 300) || attempt >= this.retryDelaysMs.length) return answer;
			await new Promise((resolve) => setTimeout(resolve, this.retryDelaysMs[attempt]));
		}
	}

	/** Listens on 127.0.0.1; with `tls` ({key, cert}) as HTTPS, the way n8n reaches it in tests. */
	listen(options) {
		return listen(this, 'fake TalkNTalk', options);
	}

	close() {
		return close(this);
	}
}

module.exports = { FakeTalkNTalk, API_KEY };
