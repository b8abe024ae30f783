// The fake TalkNTalk is a fixture the other tests trust: it must reject what TalkNTalk rejects.
import axios, { type AxiosRequestConfig } from 'axios';
import { createHmac } from 'crypto';
import { createServer, type Server } from 'http';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { FakeTalkNTalk, API_KEY } = require('../fake-tnt/server');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sign, FORMATS } = require('../fake-tnt/webhooks');

let fake: InstanceType<typeof FakeTalkNTalk>;
beforeAll(async () => {
	fake = await new FakeTalkNTalk().listen();
});
afterAll(async () => fake.close());
beforeEach(() => fake.reset());

/** A request as n8n sends it to api.talkntalk.africa (the fake reads the host from the Host header). */
async function call(method: string, path: string, config: AxiosRequestConfig = {}) {
	return await axios.request({
		method,
		url: `http://127.0.0.1:${fake.port}${path}`,
		validateStatus: () => true,
		maxRedirects: 0,
		...config,
		headers: { Host: 'api.talkntalk.africa', Authorization: `Bearer ${API_KEY}`, ...(config.data !== undefined ? { 'Content-Type': 'application/json' } : {}), ...config.headers },
	});
}
const post = (path: string, data: unknown, headers = {}) => call('POST', path, { data, headers });
const phones = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `2547${String(from + i).padStart(8, '0')}`);

describe('fake TalkNTalk: authentication and wire format', () => {
	it('answers GET /v1/ with the organisation', async () => {
		const res = await call('GET', '/v1/');
		expect([res.status, res.data.organisation.name]).toEqual([200, 'Acme Corp']);
	});

	it('refuses a missing and a wrong Bearer key with 401 {detail}', async () => {
		expect((await call('GET', '/v1/balance/', { headers: { Authorization: '' } })).data).toEqual({ detail: 'Authentication credentials were not provided.' });
		const wrong = await call('GET', '/v1/balance/', { headers: { Authorization: 'Bearer tk_live_wrong' } });
		expect([wrong.status, wrong.data]).toEqual([401, { detail: 'Invalid or revoked API key.' }]);
		const noBearer = await call('GET', '/v1/balance/', { headers: { Authorization: API_KEY } });
		expect(noBearer.status).toBe(401);
	});

	it('needs the trailing slash: a GET is redirected, a POST fails', async () => {
		const get = await call('GET', '/v1/balance');
		expect([get.status, get.headers.location]).toEqual([301, '/v1/balance/']);
		expect((await post('/v1/sms/send', { mobile: '254712345678', message: 'hi' })).status).toBe(500);
		expect(fake.messages).toHaveLength(0);
	});

	it('takes only JSON bodies and says what is wrong with them', async () => {
		const form = await call('POST', '/v1/sms/send/', { data: 'mobile=254712345678&message=hi', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
		expect([form.status, form.data.detail]).toEqual([415, 'Unsupported media type "application/x-www-form-urlencoded" in request.']);
		const broken = await call('POST', '/v1/sms/send/', { data: '{"mobile":', transformRequest: [(data) => data], headers: { 'Content-Type': 'application/json' } });
		expect(broken.status).toBe(400);
		expect(broken.data.detail).toMatch(/^JSON parse error/);
	});

	it('answers unknown paths 404 and wrong methods 405', async () => {
		expect((await call('GET', '/v1/nothing/')).status).toBe(404);
		expect((await call('GET', '/v1/sms/send/')).status).toBe(405);
	});
});

describe('fake TalkNTalk: sends', () => {
	it('queues a single SMS (201) and lists it in Fetch Messages', async () => {
		const res = await post('/v1/sms/send/', { mobile: '254712345678', message: 'Hello', sender_id: 'acme_ltd' });
		expect(res.status).toBe(201);
		expect(res.data).toEqual({ id: expect.any(String), mobile: '254712345678', sender_id: 'ACME_LTD', message: 'Hello', status: 'queued', created_at: expect.stringMatching(/\+03:00$/) });
		const list = await call('GET', '/v1/bulk-sms/messages/?mobile=712345');
		expect(list.data.results.map((m: { id: string }) => m.id)).toEqual([res.data.id]);
		expect(fake.acceptedCount('254712345678')).toBe(1);
	});

	it('names missing and invalid fields the DRF way (400)', async () => {
		expect((await post('/v1/sms/send/', { message: 'x' })).data).toEqual({ mobile: ['This field is required.'] });
		expect((await post('/v1/sms/send/', { mobile: '+254712345678', message: 'x' })).data).toEqual({ mobile: ['Enter a valid mobile number in the format 254XXXXXXXXX.'] });
		expect((await post('/v1/sms/send/', { mobile: '254712345678', message: ' ' })).data).toEqual({ message: ['This field may not be blank.'] });
		const sender = await post('/v1/sms/send/', { mobile: '254712345678', message: 'x', sender_id: 'PENDING_ID' });
		expect([sender.status, Object.keys(sender.data)]).toEqual([400, ['sender_id']]);
		expect(fake.messages).toHaveLength(0);
	});

	it('refuses a send the wallet cannot pay with 402', async () => {
		fake.balanceCents = 50;
		const res = await post('/v1/sms/send/', { mobile: '254712345678', message: 'x' });
		expect([res.status, res.data.detail]).toEqual([402, 'Insufficient balance. Required KES 1.00, available KES 0.50.']);
	});

	it('bulk: 201 when all are queued, de-duplicated, at most 10,000 recipients', async () => {
		const ok = await post('/v1/sms/send-bulk/', { recipients: ['254712345678', '254712345678', '254722000000'], message: 'hi' });
		expect([ok.status, ok.data.queued, ok.data.total, ok.data.failed]).toEqual([201, 2, 2, 0]);
		expect(fake.acceptedCount('254712345678')).toBe(1);
		const tooMany = await post('/v1/sms/send-bulk/', { recipients: phones(10001), message: 'hi' });
		expect([tooMany.status, tooMany.data]).toEqual([400, { recipients: ['Ensure this field has no more than 10000 elements.'] }]);
		fake.balanceCents = 1e9;
		expect((await post('/v1/sms/send-bulk/', { recipients: phones(10000), message: 'hi' })).status).toBe(201);
		expect((await post('/v1/sms/send-bulk/', { recipients: [], message: 'hi' })).data).toEqual({ recipients: ['This list may not be empty.'] });
		expect((await post('/v1/sms/send-bulk/', { recipients: '254712345678', message: 'hi' })).status).toBe(400);
	});

	it('bulk: 207 when the wallet runs out mid-list, the rest reported insufficient_balance; 402 when nothing is affordable', async () => {
		fake.balanceCents = 200;
		const res = await post('/v1/sms/send-bulk/', { recipients: phones(3), message: 'hi' });
		expect(res.status).toBe(207);
		expect([res.data.queued, res.data.failed, res.data.total]).toEqual([2, 1, 3]);
		expect(res.data.errors[0]).toEqual({ mobile: phones(3)[2], error: 'insufficient_balance', detail: 'Insufficient balance. Required KES 1.00, available KES 0.00.' });
		const none = await post('/v1/sms/send-bulk/', { recipients: phones(3, 10), message: 'hi' });
		expect(none.status).toBe(402);
	});

	it('send-group takes integer or string book ids, 202 with the campaign, and its status', async () => {
		const res = await post('/v1/sms/send-group/', { group_ids: [1, '2'], message: 'Hi all' });
		expect(res.status).toBe(202);
		expect(res.data).toMatchObject({ campaign_id: 84, status: 'queued', recipients_count: 4, group_names: ['Premium Customers', 'Staff'] });
		const status = await post('/v1/sms/campaigns/status/', { campaign_id: '84' });
		expect([status.status, status.data.sent_count]).toEqual([200, 4]);
		expect((await post('/v1/sms/campaigns/status/', { campaign_id: 'nope' })).status).toBe(404);
		expect((await post('/v1/sms/send-group/', { group_ids: [99], message: 'x' })).status).toBe(400);
	});
});

describe('fake TalkNTalk: lists', () => {
	it('pages with total, page, page_size, total_pages, next, previous; page_size capped at 500; past the end 404', async () => {
		for (const mobile of phones(7)) fake.messages.push({ id: mobile, seq: 1, mobile, sender_id: 'TALKNTALK', message: 'm', status: 'delivered', network: 'safaricom', source: 'api' });
		const first = await call('GET', '/v1/bulk-sms/messages/?page_size=3');
		expect(first.data).toMatchObject({ total: 7, page: 1, page_size: 3, total_pages: 3, previous: null, next: 'https://api.talkntalk.africa/v1/bulk-sms/messages/?page_size=3&page=2' });
		expect(first.data.results.map((m: { mobile: string }) => m.mobile)).toEqual(phones(7).reverse().slice(0, 3));
		expect((await call('GET', '/v1/bulk-sms/messages/?page=3&page_size=3')).data.next).toBeNull();
		expect((await call('GET', '/v1/bulk-sms/messages/?page=4&page_size=3')).data).toEqual({ detail: 'Invalid page.' });
		expect((await call('GET', '/v1/bulk-sms/messages/?page_size=900')).data.page_size).toBe(500);
	});

	it('lists contacts of a book with a POST carrying the id, and the book', async () => {
		const res = await call('POST', '/v1/address-books/contacts/?page_size=2', { data: { id: 1 } });
		expect(res.data).toMatchObject({ total: 3, address_book: { id: 1, name: 'Premium Customers' } });
		expect(res.data.results[0].phone).toBe('+254700000001');
		expect((await call('POST', '/v1/address-books/contacts/', { data: {} })).data).toEqual({ id: ['This field is required.'] });
		expect((await call('POST', '/v1/address-books/contacts/', { data: { id: 42 } })).status).toBe(404);
	});

	it('answers sender IDs, address books and the balance as a decimal string', async () => {
		expect((await call('GET', '/v1/bulk-sms/sender-ids/')).data.count).toBe(4);
		expect((await call('GET', '/v1/address-books/')).data.results[0]).toMatchObject({ id: 1, contact_count: 3 });
		expect((await call('GET', '/v1/balance/')).data).toMatchObject({ balance: '1250.00', currency: 'KES' });
	});
});

describe('fake TalkNTalk: rate limits', () => {
	it('allows 60 bulk requests per window, then 429 with Retry-After and the DRF message; other endpoints have their own window', async () => {
		fake.limits.bulk = 2;
		fake.windowMs = 5000;
		const bulk = () => post('/v1/sms/send-bulk/', { recipients: ['254712345678'], message: 'x' });
		expect((await bulk()).status).toBe(201);
		expect((await bulk()).status).toBe(201);
		const throttled = await bulk();
		expect(throttled.status).toBe(429);
		expect(Number(throttled.headers['retry-after'])).toBeGreaterThanOrEqual(1);
		expect(throttled.data.detail).toMatch(/^Request was throttled\. Expected available in \d+ seconds\.$/);
		expect((await call('GET', '/v1/balance/')).status).toBe(200);
		expect(fake.acceptedCount('254712345678')).toBe(2);
	});

	it('has the documented limits by default', () => {
		expect(fake.limits).toEqual({ send: 300, bulk: 60, other: 300 });
	});
});

describe('fake TalkNTalk: webhooks', () => {
	let server: Server;
	let received: Array<{ headers: Record<string, unknown>; raw: string }>;
	let answers: number[];
	let url: string;
	beforeAll(async () => {
		server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c) => chunks.push(c));
			req.on('end', () => {
				received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString() });
				res.writeHead(answers.shift() ?? 200).end('ok');
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
	});
	afterAll(() => new Promise((resolve) => server.close(resolve)));
	beforeEach(() => {
		received = [];
		answers = [];
	});

	it.each(FORMATS as string[])('signs the raw body (%s) when the endpoint has a secret', async (format: string) => {
		const sent = await post('/v1/sms/send/', { mobile: '254712345678', message: 'OTP 1' });
		fake.setWebhook({ url, secret: 's3cret', format });
		await fake.setStatus(sent.data.id, 'delivered');
		const [{ headers, raw }] = received;
		const hex = createHmac('sha256', 's3cret').update(raw).digest('hex');
		const expected = ({ hex, HEX: hex.toUpperCase(), 'sha256=hex': `sha256=${hex}`, base64: Buffer.from(hex, 'hex').toString('base64'), 'sha256=base64': `sha256=${Buffer.from(hex, 'hex').toString('base64')}` } as Record<string, string>)[format];
		expect(headers['x-talkntalk-signature']).toBe(expected);
		expect(headers['x-talkntalk-event']).toBe('sms.delivered');
		expect(JSON.parse(raw)).toMatchObject({ event: 'sms.delivered', data: { id: expect.any(Number), mobile: '254712345678', status: 'delivered' } });
		expect(sign(raw, 's3cret', format)).toBe(expected);
	});

	it('retries a delivery without a 2xx 3 times with the same bytes, then gives up', async () => {
		const sent = await post('/v1/sms/send/', { mobile: '254712345678', message: 'OTP 1' });
		fake.setWebhook({ url, secret: 's3cret' });
		fake.retryDelaysMs = [5, 5, 5];
		answers = [500, 401];
		expect((await fake.setStatus(sent.data.id, 'sent')).status).toBe(200);
		expect(fake.deliveries.map((d: { status: number }) => d.status)).toEqual([500, 401, 200]);
		expect(new Set(received.map((r) => `${String(r.headers['x-talkntalk-signature'])}|${r.raw}`)).size).toBe(1);
		answers = [500, 500, 500, 500, 500];
		expect((await fake.setStatus(sent.data.id, 'delivered')).status).toBe(500);
		expect(fake.deliveries.filter((d: { event: string }) => d.event === 'sms.delivered')).toHaveLength(4);
	});

	it('sends no signature without a secret, and nothing for events the endpoint did not subscribe to', async () => {
		const sent = await post('/v1/sms/send/', { mobile: '254712345678', message: 'OTP 1' });
		fake.setWebhook({ url, events: ['sms.failed'] });
		await fake.setStatus(sent.data.id, 'delivered');
		expect(received).toHaveLength(0);
		await fake.setStatus(sent.data.id, 'failed');
		expect(received[0].headers['x-talkntalk-signature']).toBeUndefined();
	});
});
