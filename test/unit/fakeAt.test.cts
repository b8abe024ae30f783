// The fake Africa's Talking is a fixture the other tests trust: it must reject what AT rejects.
import axios, { type AxiosRequestConfig } from 'axios';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { FakeAfricasTalking } = require('../fake-at/server');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DEFAULT_ACCOUNTS } = require('../fake-at/accounts');

const LIVE = DEFAULT_ACCOUNTS[0];
const SANDBOX = DEFAULT_ACCOUNTS[1];

let fake: InstanceType<typeof FakeAfricasTalking>;
beforeAll(async () => {
	fake = await new FakeAfricasTalking().listen();
});
afterAll(async () => fake.close());
beforeEach(() => fake.reset());

/** A request as n8n would send it to `host`; the fake reads the product from the Host header. */
async function call(host: string, method: string, path: string, config: AxiosRequestConfig & { form?: Record<string, string> } = {}) {
	const { form, ...rest } = config;
	return await axios.request({
		method,
		url: `http://127.0.0.1:${fake.port}${path}`,
		validateStatus: () => true,
		...rest,
		headers: {
			Host: host,
			apiKey: LIVE.apiKey,
			Accept: 'application/json',
			...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
			...rest.headers,
		},
		data: form ? new URLSearchParams(form).toString() : rest.data,
	});
}

const sms = (form: Record<string, string>, headers = {}) =>
	call('api.africastalking.com', 'POST', '/version1/messaging', { form: { username: LIVE.username, ...form }, headers });

describe('fake Africa\'s Talking', () => {
	it('answers a good SMS send with 201 and AT\'s shape, and records it', async () => {
		const res = await sms({ to: '+254711000001', message: 'hi' });
		expect(res.status).toBe(201);
		expect(res.data.SMSMessageData.Message).toBe('Sent to 1/1 Total Cost: KES 0.8000');
		expect(fake.requests[0]).toMatchObject({ host: 'api.africastalking.com', environment: 'live', body: { to: '+254711000001' } });
		expect(fake.acceptedCount('sms', '+254711000001')).toBe(1);
	});

	it('in the older answers mode, gives SMS recipients without statusCode and fewer fields, keeping the status word', async () => {
		fake.olderAnswers = true;
		fake.recipientStatus.set('+254711000002', 406);
		const res = await sms({ to: '+254711000001,+254711000002', message: 'hi' });
		expect(res.data.SMSMessageData.Recipients).toEqual([
			{ number: '+254711000001', status: 'Success', messageId: expect.stringMatching(/^ATXid_/) },
			{ number: '+254711000002', status: 'UserInBlacklist', messageId: 'None' },
		]);
	});

	it('rejects a bad key with 401 text/plain', async () => {
		const res = await sms({ to: '+254711000001', message: 'hi' }, { apiKey: 'nope' });
		expect([res.status, res.headers['content-type'], res.data]).toEqual([401, 'text/plain; charset=UTF-8', 'The supplied authentication is invalid']);
	});

	it('rejects a sandbox key on a live host and a live key on a sandbox host', async () => {
		expect((await sms({ to: '+254711000001', message: 'hi' }, { apiKey: SANDBOX.apiKey })).status).toBe(401);
		const res = await call('api.sandbox.africastalking.com', 'GET', '/version1/user?username=sandbox');
		expect(res.status).toBe(401);
	});

	it('rejects a username that is not the key\'s', async () => {
		expect((await call('api.africastalking.com', 'GET', '/version1/user?username=other')).status).toBe(401);
	});

	it('names a missing form field in a plain-text 400', async () => {
		const res = await sms({ message: 'hi' });
		expect([res.status, res.data]).toEqual([400, "Request is missing required form field 'to'"]);
	});

	it('refuses JSON where AT takes a form, and a form where it takes JSON', async () => {
		const json = await call('api.africastalking.com', 'POST', '/version1/messaging', { data: { username: LIVE.username, to: '+254711000001', message: 'x' } });
		expect(json.status).toBe(415);
		const form = await call('payments.africastalking.com', 'POST', '/mobile/checkout/request', { form: { username: LIVE.username } });
		expect(form.status).toBe(415);
	});

	it('answers XML without Accept: application/json', async () => {
		const res = await sms({ to: '+254711000001', message: 'hi' }, { Accept: '*/*' });
		expect(res.headers['content-type']).toBe('application/xml');
		expect(res.data).toMatch(/^<\?xml/);
	});

	it('reports non-E.164 numbers and unapproved sender IDs inside 2xx answers', async () => {
		const bad = await sms({ to: '0711000001', message: 'hi' });
		expect(bad.data.SMSMessageData.Recipients[0]).toMatchObject({ statusCode: 403, status: 'InvalidPhoneNumber' });
		const sender = await sms({ to: '+254711000001', message: 'hi', from: 'Unknown' });
		expect(sender.data).toEqual({ SMSMessageData: { Message: 'InvalidSenderId', Recipients: [] } });
	});

	it('serves premium SMS on content.africastalking.com live and on the API host in the sandbox', async () => {
		const form = { username: LIVE.username, to: '+254711000001', message: 'hi', keyword: 'NEWS' };
		expect((await call('content.africastalking.com', 'POST', '/version1/messaging', { form })).status).toBe(201);
		const sandboxForm = { ...form, username: 'sandbox' };
		const headers = { apiKey: SANDBOX.apiKey };
		expect((await call('api.sandbox.africastalking.com', 'POST', '/version1/messaging', { form: sandboxForm, headers })).status).toBe(201);
		expect((await call('content.sandbox.africastalking.com', 'POST', '/version1/messaging', { form: sandboxForm, headers })).status).toBe(404);
	});

	it('refuses a repeated Idempotency-Key', async () => {
		const send = () => call('api.africastalking.com', 'POST', '/version1/airtime/send', {
			form: { username: LIVE.username, recipients: JSON.stringify([{ phoneNumber: '+254711000001', amount: 'KES 10' }]) },
			headers: { 'Idempotency-Key': 'k-1' },
		});
		expect((await send()).status).toBe(201);
		expect((await send()).status).toBe(409);
		expect(fake.acceptedCount('airtime', '+254711000001')).toBe(1);
	});

	it('injects 429 with and without Retry-After, 5xx and dropped connections', async () => {
		fake.injectFault({ status: 429, retryAfter: 2 });
		fake.injectFault({ status: 429 });
		fake.injectFault({ status: 503 });
		fake.injectFault({ status: 'drop' });
		const first = await sms({ to: '+254711000001', message: 'hi' });
		expect([first.status, first.headers['retry-after']]).toEqual([429, '2']);
		const second = await sms({ to: '+254711000001', message: 'hi' });
		expect([second.status, second.headers['retry-after']]).toEqual([429, undefined]);
		expect((await sms({ to: '+254711000001', message: 'hi' })).status).toBe(503);
		await expect(sms({ to: '+254711000001', message: 'hi' })).rejects.toThrow(/socket hang up|ECONNRESET/);
		expect((await sms({ to: '+254711000001', message: 'hi' })).status).toBe(201);
		expect(fake.acceptedCount('sms', '+254711000001')).toBe(1);
	});

	it('waits the configured latency', async () => {
		fake.latencyMs = 120;
		const started = Date.now();
		await call('api.africastalking.com', 'GET', `/version1/user?username=${LIVE.username}`);
		expect(Date.now() - started).toBeGreaterThanOrEqual(110);
		fake.latencyMs = 0;
	});

	it('pages the inbox by lastReceivedId, 100 at a time', async () => {
		for (let id = 1; id <= 130; id++) fake.inbox.push({ id, from: '+254711000001', to: '20880', text: `m${id}`, date: '2026-11-23', linkId: '' });
		const page = async (last: number) => (await call('api.africastalking.com', 'GET', `/version1/messaging?username=${LIVE.username}&lastReceivedId=${last}`)).data.SMSMessageData.Messages;
		expect((await page(0)).length).toBe(100);
		expect((await page(100)).map((m: { id: number }) => m.id)).toEqual(Array.from({ length: 30 }, (_, i) => 101 + i));
		expect(await page(130)).toEqual([]);
	});

	it('holds B2C to 10 recipients', async () => {
		const recipients = Array.from({ length: 11 }, (_, i) => ({ phoneNumber: `+2547110000${String(i).padStart(2, '0')}`, currencyCode: 'KES', amount: 10 }));
		const res = await call('payments.africastalking.com', 'POST', '/mobile/b2c/request', { data: { username: LIVE.username, productName: 'shop', recipients } });
		expect(res.status).toBe(400);
	});
});
