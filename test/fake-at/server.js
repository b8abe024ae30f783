'use strict';
// A stand-in for Africa's Talking: answers on every product host (live and sandbox), checks
// what AT checks, answers with AT's shapes, records every request and can misbehave on demand.
const { listen, close } = require('../harness/fake-server');
const { DEFAULT_ACCOUNTS, REGISTERED_SENDER_IDS } = require('./accounts');
const { ROUTES } = require('./routes');
const { WireError, requireFields } = require('./wire');
const { DeliveryReportSender, seededRandom } = require('./deliveryReports');

const AUTH_FAILED = 'The supplied authentication is invalid';
const HOST = /^([a-z]+)\.(sandbox\.)?africastalking\.com$/i;

function parseHost(hostHeader) {
	const name = String(hostHeader || '').split(':')[0].toLowerCase();
	const match = HOST.exec(name);
	if (!match) return { name, product: null, env: null };
	return { name, product: match[1], env: match[2] ? 'sandbox' : 'live' };
}

function routeFor(method, path, product, env) {
	return ROUTES.find((route) => {
		if (route.method !== method || route.path !== path) return false;
		if (route.host === 'premium') {
			if (route.liveOnly && env !== 'live') return false;
			return env === 'live' ? product === 'content' : product === 'api';
		}
		return route.host === product;
	});
}

function decodeBody(kind, contentType, raw) {
	const type = String(contentType || '').split(';')[0].trim().toLowerCase();
	if (kind === 'form') {
		if (type !== 'application/x-www-form-urlencoded') {
			throw new WireError(415, "The request's Content-Type is not supported. Expected:\napplication/x-www-form-urlencoded");
		}
		return Object.fromEntries(new URLSearchParams(raw));
	}
	if (type !== 'application/json') {
		throw new WireError(415, "The request's Content-Type is not supported. Expected:\napplication/json");
	}
	try {
		return JSON.parse(raw);
	} catch (error) {
		throw new WireError(400, `The request content was malformed:\n${error.message}`);
	}
}

function toXml(value, name = 'Response') {
	if (Array.isArray(value)) return value.map((v) => toXml(v, name)).join('');
	if (value && typeof value === 'object') {
		return `<${name}>${Object.entries(value).map(([k, v]) => toXml(v, k)).join('')}</${name}>`;
	}
	return `<${name}>${String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</${name}>`;
}

/**
 * An answer as AT gives it in the field, where some deployments leave out what the docs show: the
 * entries of a list (SMS recipients, calls, airtime and data recipients) lose `statusCode` and the
 * fields that only describe (cost, parts, discount, an errorMessage of "None"); the status word stays.
 */
const DESCRIPTIVE_FIELDS = ['statusCode', 'cost', 'messageParts', 'discount'];
function olderAnswer(json) {
	if (Array.isArray(json)) {
		return json.map((entry) => {
			if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return olderAnswer(entry);
			const older = {};
			for (const [key, value] of Object.entries(entry)) {
				if (DESCRIPTIVE_FIELDS.includes(key) || (key === 'errorMessage' && value === 'None')) continue;
				older[key] = olderAnswer(value);
			}
			return older;
		});
	}
	if (!json || typeof json !== 'object') return json;
	return Object.fromEntries(Object.entries(json).map(([key, value]) => [key, olderAnswer(value)]));
}

class FakeAfricasTalking {
	constructor(options = {}) {
		this.accounts = options.accounts || DEFAULT_ACCOUNTS;
		this.latencyMs = options.latencyMs || 0;
		this.recordBodies = options.recordBodies !== false;
		this.reset();
	}

	/** Forget requests, faults and state; keep accounts and latency. */
	reset() {
		this.requests = [];
		this.faults = [];
		this.randomFault = null;
		this.counter = 0;
		this.balance = 'KES 1234.5600';
		this.walletBalance = 'KES 5000.0000';
		this.walletAvailable = true;
		this.senderIds = [...REGISTERED_SENDER_IDS];
		this.recipientStatus = new Map();
		// AT's answers as older or other AT deployments give them: no statusCode per entry, fewer fields.
		this.olderAnswers = false;
		this.inbox = [];
		this.subscriptions = new Map();
		this.transactions = new Map();
		this.accepted = new Map();
		this.idempotencyKeys = new Set();
		this.simSwapChecks = new Map();
		this.optedOut = new Set();
		this.deliveryReports = null;
		// WhatsApp template names already submitted (Create Template refuses a name twice).
		this.templateNames = new Set();
		this.inFlight = 0;
		this.maxInFlight = 0;
	}

	id(prefix) {
		this.counter += 1;
		return `${prefix}${String(this.counter).padStart(8, '0')}`;
	}

	/** Counts what AT accepted per kind and recipient: the basis of the lost/duplicated figures. */
	accept(kind, recipient) {
		const key = `${kind}:${recipient}`;
		this.accepted.set(key, (this.accepted.get(key) || 0) + 1);
	}

	acceptedCount(kind, recipient) {
		return this.accepted.get(`${kind}:${recipient}`) || 0;
	}

	/**
	 * The next `times` matching requests get `status` (a number, or 'drop' to cut the connection).
	 * With `afterProcessing`, AT does the work first and the answer is then lost: the case where
	 * only an Idempotency-Key prevents a retry from paying twice.
	 */
	injectFault({ status, times = 1, path, match, retryAfter, body, afterProcessing = false }) {
		this.faults.push({ status, times, path, match, retryAfter, body, afterProcessing });
	}

	/** A share of all requests (0..1) get `status`, chosen by a seeded generator so runs repeat. */
	injectRandomFaults({ rate, status, retryAfter, seed = 42 }) {
		this.randomFault = { rate, status, retryAfter, next: seededRandom(seed) };
	}

	/**
	 * From now on, every SMS accepted gets a delivery report posted to `url`, as AT posts them
	 * (options in deliveryReports.js); returns the sender, which knows every report it sent.
	 */
	sendDeliveryReports(options) {
		this.deliveryReports = new DeliveryReportSender(options);
		return this.deliveryReports;
	}

	requestsTo(path) {
		return this.requests.filter((r) => r.path === path);
	}

	takeFault(path, record) {
		const fault = this.faults.find((f) => f.times > 0 && (!f.path || f.path === path) && (!f.match || f.match(record)));
		if (fault) {
			fault.times -= 1;
			return fault;
		}
		if (this.randomFault && this.randomFault.next() < this.randomFault.rate) return this.randomFault;
		return null;
	}

	async handle(req, res) {
		const chunks = [];
		for await (const chunk of req) chunks.push(chunk);
		const raw = Buffer.concat(chunks).toString('utf8');
		const url = new URL(req.url, 'http://fake');
		const host = parseHost(req.headers.host);
		const record = {
			host: host.name, environment: host.env, method: req.method, path: url.pathname,
			query: Object.fromEntries(url.searchParams), headers: { ...req.headers },
			contentType: req.headers['content-type'], rawBody: this.recordBodies ? raw : undefined, body: undefined,
			status: undefined,
		};
		this.requests.push(record);
		this.inFlight += 1;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		try {
			if (this.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
			const fault = this.takeFault(url.pathname, { ...record, rawBody: raw });
			if (fault && !fault.afterProcessing) return this.fail(fault, record, req, res);
			// Awaited: the WhatsApp routes ask AT's own SDK whether it takes the body (test/fake-at/sdkSchema.js).
			const answer = await this.answer(req, host, url, raw, record);
			if (fault) return this.fail(fault, record, req, res);
			this.send(res, record, req, answer);
		} catch (error) {
			if (!(error instanceof WireError)) throw error;
			this.send(res, record, req, { status: error.status, text: error.body, contentType: error.contentType });
		} finally {
			this.inFlight -= 1;
		}
	}

	fail(fault, record, req, res) {
		record.status = fault.status;
		record.fault = true;
		if (fault.status === 'drop') {
			req.socket.destroy();
			return;
		}
		const headers = { 'content-type': 'text/plain; charset=UTF-8' };
		if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
		const body = typeof fault.body === 'function' ? fault.body(record) : fault.body;
		res.writeHead(fault.status, headers).end(body ?? (fault.status === 429 ? 'Too Many Requests' : 'Internal Server Error'));
	}

	answer(req, host, url, raw, record) {
		if (!host.product) throw new WireError(404, `Unknown host ${host.name}`);
		const route = routeFor(req.method, url.pathname, host.product, host.env);
		if (!route) throw new WireError(404, 'The requested resource could not be found.');
		const account = this.accounts.find((a) => a.apiKey === req.headers.apikey && a.environment === host.env);
		if (!account) throw new WireError(401, AUTH_FAILED);
		const query = record.query;
		const body = route.body ? decodeBody(route.body, req.headers['content-type'], raw) : {};
		record.body = body;
		if (route.required) requireFields(route.body, body, route.required);
		if (route.requiredQuery) requireFields('query', query, route.requiredQuery);
		const username = route.body ? body.username : query.username;
		if (!route.noUsername && username !== account.username) throw new WireError(401, AUTH_FAILED);
		if (route.idempotent) this.checkIdempotency(req, account);
		return route.handle({ fake: this, account, env: host.env, body, query, headers: req.headers });
	}

	checkIdempotency(req, account) {
		const key = req.headers['idempotency-key'];
		if (!key) return;
		const scoped = `${account.username}|${key}`;
		if (this.idempotencyKeys.has(scoped)) {
			throw new WireError(409, `Duplicate request: Idempotency-Key ${key} was already used`);
		}
		this.idempotencyKeys.add(scoped);
	}

	send(res, record, req, answer) {
		if (this.olderAnswers && answer.json !== undefined) answer = { ...answer, json: olderAnswer(answer.json) };
		record.status = answer.status;
		if (answer.json !== undefined) {
			const wantsJson = String(req.headers.accept || '').includes('application/json');
			record.response = answer.json;
			if (!wantsJson) {
				res.writeHead(answer.status, { 'content-type': 'application/xml' }).end(`<?xml version="1.0"?>${toXml(answer.json)}`);
				return;
			}
			res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.json));
			return;
		}
		const text = typeof answer.text === 'string' ? answer.text : JSON.stringify(answer.text);
		record.response = text;
		res.writeHead(answer.status, { 'content-type': answer.contentType || 'text/plain; charset=UTF-8' }).end(text);
	}

	/** Listens on 127.0.0.1; with `tls` ({key, cert}) as HTTPS, the way n8n reaches it in tests. */
	listen(options) {
		return listen(this, 'fake AT', options);
	}

	close() {
		return close(this);
	}
}

module.exports = { FakeAfricasTalking };
