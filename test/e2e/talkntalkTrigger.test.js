'use strict';
const fs = require('node:fs');
const path = require('node:path');
// The TalkNTalk Trigger in real n8n: every event, the signing secret (a credential, never in
// executions), every signature encoding TalkNTalk might use, and requests that start nothing.
const { useTalkNTalkStack, triggerWorkflow } = require('./talkntalk');
const { nodeOutput } = require('../harness/n8n');
const { EVENTS, FORMATS, eventBody, postWebhook, sign } = require('../fake-tnt/webhooks');

jest.setTimeout(180000);

const stack = useTalkNTalkStack();
// Characters that break naive handling (URL-special, base64 alphabet, spaces inside).
const SECRET = 'whsec_+/=&%20 Zm9v+Ym9v/==';
const TRIGGER = 'TalkNTalk Trigger';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let signed;
let open;
beforeAll(async () => {
	const credential = await stack.n8n.createCredential({ name: 'TalkNTalk webhook', type: 'talkNTalkWebhookApi', data: { signingSecret: SECRET } });
	signed = triggerWorkflow({ name: 'signed', credential });
	open = triggerWorkflow({ name: 'open', parameters: { events: ['sms.delivered', 'sms.failed'] } });
	for (const entry of [signed, open]) {
		entry.created = await stack.n8n.createWorkflow(entry.workflow, { activate: true });
		entry.url = `${stack.n8n.url}/webhook/${entry.path}`;
	}
});

async function executionsOf(entry) {
	const list = await stack.n8n.executions(entry.created.id);
	return list;
}

/** Waits until the workflow has `count` finished executions, then a moment more to catch extra ones. */
async function settled(entry, count) {
	await stack.n8n.waitForExecutions(entry.created.id, count, 20000);
	await sleep(800);
	return await executionsOf(entry);
}

describe('events', () => {
	it('starts the workflow for every event, signed as the fake signs by default, with the message flattened', async () => {
		const before = (await executionsOf(signed)).length;
		for (const [i, event] of EVENTS.entries()) {
			const answer = await postWebhook(signed.url, eventBody(event, { id: 9000 + i }), { secret: SECRET });
			expect([answer.status, answer.json]).toEqual([200, { received: true }]);
		}
		const executions = await settled(signed, before + EVENTS.length);
		expect(executions).toHaveLength(before + EVENTS.length);
		const outputs = executions.slice(0, EVENTS.length).map((e) => nodeOutput(e, TRIGGER)[0].json);
		expect(outputs.map((o) => o.event).sort()).toEqual([...EVENTS].sort());
		const delivered = outputs.find((o) => o.event === 'sms.delivered');
		expect(delivered).toEqual({
			event: 'sms.delivered', timestamp: '2026-05-20T11:30:04+03:00', id: '9001', mobile: '254712345678', sender_id: 'TALKNTALK', message: 'Your OTP is 847291.',
			status: 'delivered', network: 'safaricom', source: 'api', created_at: '2026-05-20T11:30:00+03:00', updated_at: '2026-05-20T11:30:04+03:00',
			raw: eventBody('sms.delivered', { id: 9001 }), dedupeKey: 'sms.delivered:9001:2026-05-20T11:30:04+03:00',
		});
	});

	it('takes a status change posted by the fake TalkNTalk from its dashboard endpoint', async () => {
		const before = (await executionsOf(signed)).length;
		const sent = await fetchSend();
		stack.fake.setWebhook({ url: signed.url, secret: SECRET, format: 'sha256=base64' });
		const answer = await stack.fake.setStatus(sent.id, 'undelivered');
		expect(answer.status).toBe(200);
		const [latest] = await settled(signed, before + 1);
		expect(nodeOutput(latest, TRIGGER)[0].json).toMatchObject({ event: 'sms.undelivered', mobile: '254712345678', status: 'undelivered', id: String(sent.seq) });
	});

	it('acknowledges an event the trigger does not listen to, and starts nothing', async () => {
		const before = (await executionsOf(open)).length;
		const answer = await postWebhook(open.url, eventBody('sms.sent'));
		expect([answer.status, answer.json]).toEqual([200, { received: true, ignored: 'sms.sent is not selected in this trigger' }]);
		expect(await postWebhook(open.url, eventBody('sms.failed'))).toMatchObject({ status: 200 });
		expect(await settled(open, before + 1)).toHaveLength(before + 1);
	});
});

/** A message queued through the fake's own state, as if sent by the node earlier. */
async function fetchSend() {
	stack.fake.messages.push({ id: 'uuid-1', seq: 9041, mobile: '254712345678', sender_id: 'TALKNTALK', message: 'OTP', status: 'queued', network: 'safaricom', source: 'api', created_at: 'c', updated_at: 'c' });
	return stack.fake.messages[stack.fake.messages.length - 1];
}

describe('signing secret', () => {
	it.each(FORMATS)('accepts the signature as %s', async (format) => {
		const before = (await executionsOf(signed)).length;
		const answer = await postWebhook(signed.url, eventBody('sms.sent', { id: format }), { secret: SECRET, format });
		expect(answer.status).toBe(200);
		expect(await settled(signed, before + 1)).toHaveLength(before + 1);
	});

	it('answers 401 and starts nothing for a missing, wrong, or other-body signature', async () => {
		const before = (await executionsOf(signed)).length;
		const body = eventBody('sms.delivered');
		const otherBody = JSON.stringify({ ...body, data: { ...body.data, mobile: '254700000000' } });
		const attempts = [
			await postWebhook(signed.url, body),
			await postWebhook(signed.url, body, { secret: 'not-the-secret' }),
			await postWebhook(signed.url, body, { signature: sign(otherBody, SECRET) }),
			await postWebhook(signed.url, body, { signature: SECRET }),
			// Same parsed JSON, other bytes: the signature is over the raw body.
			await postWebhook(signed.url, JSON.stringify(body, null, 2), { signature: sign(JSON.stringify(body), SECRET), event: 'sms.delivered' }),
		];
		expect(attempts.map((a) => [a.status, a.json])).toEqual(Array(5).fill([401, { error: 'Invalid or missing X-TalkNTalk-Signature' }]));
		expect(await settled(signed, before)).toHaveLength(before);
	});

	it('never stores the secret: not in any execution (workflow snapshot included), not in the log', async () => {
		const executions = await executionsOf(signed);
		expect(executions.length).toBeGreaterThanOrEqual(5);
		for (const execution of executions) expect(JSON.stringify(execution)).not.toContain(SECRET);
		const workflow = await stack.n8n.rest('GET', `/workflows/${signed.created.id}`);
		expect(JSON.stringify(workflow)).not.toContain(SECRET);
		expect(stack.n8n.log).not.toContain(SECRET);
		// n8n's own database (credentials are stored encrypted): the plain secret is in no table.
		for (const file of ['database.sqlite', 'database.sqlite-wal']) {
			const dbPath = path.join(stack.n8n.userFolder, '.n8n', file);
			if (fs.existsSync(dbPath)) expect(fs.readFileSync(dbPath).includes(Buffer.from(SECRET))).toBe(false);
		}
	});
});

describe('hostile bodies (a small fuzz)', () => {
	const base = eventBody('sms.delivered');
	const hostileValues = [{ toString: 1, valueOf: 2 }, { toString: 'x' }, [], [[[]]], null, true, 1e308, -0, '', 'x'.repeat(20000), { __proto__: { polluted: 1 } }, JSON.parse('{"__proto__":{"polluted":1}}')];
	const variants = [];
	for (const value of hostileValues) {
		variants.push({ ...base, event: value });
		variants.push({ ...base, timestamp: value });
		variants.push({ ...base, data: value });
		for (const key of ['id', 'mobile', 'sender_id', 'message', 'status', 'network', 'source', 'created_at', 'updated_at', 'constructor', '__proto__']) {
			variants.push({ ...base, data: { ...base.data, [key]: value } });
		}
	}

	it(`answers ${variants.length} hostile bodies without a 5xx, signed or not, and starts only valid events`, async () => {
		const before = { signed: (await executionsOf(signed)).length, open: (await executionsOf(open)).length };
		const statuses = [];
		let accepted = 0;
		for (const body of variants) {
			const signedAnswer = await postWebhook(signed.url, body, { secret: SECRET, event: 'sms.delivered' });
			const openAnswer = await postWebhook(open.url, body, { event: 'sms.delivered' });
			statuses.push(signedAnswer.status, openAnswer.status);
			if (signedAnswer.status === 200) accepted += 1;
			expect(signedAnswer.status).toBe(openAnswer.status);
		}
		expect(statuses.filter((status) => status >= 500)).toEqual([]);
		expect(new Set(statuses)).toEqual(new Set([200, 400]));
		const executions = await settled(signed, before.signed + accepted);
		expect(executions).toHaveLength(before.signed + accepted);
		expect(await settled(open, before.open + accepted)).toHaveLength(before.open + accepted);
		for (const execution of executions) expect(JSON.stringify(execution)).not.toContain(SECRET);
		expect(({}).polluted).toBeUndefined();
	});
});

describe('requests that are not a TalkNTalk webhook', () => {
	const body = eventBody('sms.delivered');
	// Written as text: JSON.stringify itself cannot serialise 20,000 levels.
	const deep = JSON.stringify({ ...body, data: { ...body.data, message: '@' } }).replace('"@"', `${'['.repeat(20000)}1${']'.repeat(20000)}`);
	it.each([
		['GET', { method: 'GET' }, 400, 'TalkNTalk posts webhooks with POST'],
		['PUT', { method: 'PUT' }, 400, 'TalkNTalk posts webhooks with POST'],
		['form content', { contentType: 'application/x-www-form-urlencoded' }, 400, 'TalkNTalk posts JSON: the Content-Type must be application/json'],
		['an unknown event', { body: { ...body, event: 'sms.exploded' } }, 400, 'Unknown event "sms.exploded": expected one of sms.sent, sms.delivered, sms.failed, sms.undelivered, sms.cancelled'],
		['body and header disagreeing', { event: 'sms.failed' }, 400, 'The event in the body ("sms.delivered") differs from X-TalkNTalk-Event ("sms.failed")'],
		['an id with its own toString', { body: { ...body, data: { ...body.data, id: { toString: 1, valueOf: 2 } } } }, 400, '"data.id" must be a string or a number'],
		['no data', { body: { event: 'sms.sent' } }, 400, '"data" (the message) must be a JSON object'],
		['20,000 nested arrays', { body: deep, event: 'sms.delivered' }, 400, 'The body is nested more than 16 levels deep'],
	])('%s: answered with the reason, nothing started', async (_what, request, status, reason) => {
		const before = (await executionsOf(open)).length;
		const answer = await postWebhook(open.url, request.body ?? body, request);
		expect([answer.status, answer.json]).toEqual([status, { error: reason }]);
		expect(await settled(open, before)).toHaveLength(before);
	});

	it('unparseable JSON is refused before anything starts (n8n itself answers)', async () => {
		const before = (await executionsOf(open)).length;
		const answer = await postWebhook(open.url, '{"event":"sms.delivered",', { event: 'sms.delivered' });
		expect(answer.status).toBeGreaterThanOrEqual(400);
		expect(answer.status).toBeLessThan(500);
		expect(await settled(open, before)).toHaveLength(before);
	});
});
