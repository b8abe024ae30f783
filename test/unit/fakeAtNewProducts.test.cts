// The fake's Insights, WhatsApp and Chat routes: it must reject what AT (and AT's SDK) rejects.
import axios from 'axios';

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

async function post(host: string, path: string, body: Record<string, unknown>, account = LIVE) {
	return await axios.request({
		method: 'POST',
		url: `http://127.0.0.1:${fake.port}${path}`,
		validateStatus: () => true,
		headers: { Host: host, apiKey: account.apiKey, Accept: 'application/json', 'Content-Type': 'application/json' },
		data: JSON.stringify({ username: account.username, ...body }),
	});
}

const chat = (path: string, body: Record<string, unknown>, account = LIVE) => post(account === LIVE ? 'chat.africastalking.com' : 'chat.sandbox.africastalking.com', path, body, account);

describe('fake AT: Insights', () => {
	it('queues each number with a request ID and its carrier, live and sandbox', async () => {
		for (const [host, account] of [['insights.africastalking.com', LIVE], ['insights.sandbox.africastalking.com', SANDBOX]] as const) {
			fake.reset();
			const res = await post(host, '/v1/sim-swap', { phoneNumbers: ['+254711000001'] }, account);
			expect(res.status).toBe(200);
			expect(res.data).toMatchObject({ status: 'Processed', responses: [{ status: 'Queued', requestId: 'ATSwpid_00000001', phoneNumber: { number: '+254711000001', carrierName: 'Safaricom' } }] });
			expect(fake.simSwapChecks.get('ATSwpid_00000001')).toBe('+254711000001');
		}
	});

	it('rejects a missing or empty list, and marks a bad number', async () => {
		expect((await post('insights.africastalking.com', '/v1/sim-swap', {})).data).toBe("Request is missing required field 'phoneNumbers'");
		expect((await post('insights.africastalking.com', '/v1/sim-swap', { phoneNumbers: [] })).status).toBe(400);
		const bad = await post('insights.africastalking.com', '/v1/sim-swap', { phoneNumbers: ['0711000001'] });
		expect(bad.data.responses[0]).toMatchObject({ status: 'InvalidPhoneNumber', requestId: 'None' });
	});
});

describe('fake AT: WhatsApp and Chat', () => {
	const message = { waNumber: '+254711082000', phoneNumber: '+254711000001', body: { message: 'Hi' } };

	it('sends a WhatsApp message, and has no sandbox', async () => {
		const res = await chat('/whatsapp/message/send', message);
		expect(res.data).toEqual({ messageId: 'ATXid_00000001', phoneNumber: '+254711000001', status: 'SENT' });
		expect((await chat('/whatsapp/message/send', message, SANDBOX)).status).toBe(404);
	});

	it.each([
		[{ ...message, phoneNumber: '0711000001' }, 'Invalid phone number: 0711000001'],
		[{ ...message, body: { mediaType: 'Image' } }, 'url required for mediaType'],
		[{ ...message, body: { caption: 'x', message: 'Hi' } }, 'url required for caption key'],
		[{ ...message, body: { message: 'Hi', mediaType: 'Image', url: 'https://e.com/a.jpg' } }, 'mediaType cannot be used with message key'],
		[{ ...message, body: { message: '' } }, 'message must not be empty'],
	])('rejects a bad WhatsApp message %#', async (body, description) => {
		const res = await chat('/whatsapp/message/send', body);
		expect([res.status, res.data.description]).toEqual([400, description]);
	});

	it('rejects a missing field, and an unknown template name inside an HTTP 200 answer', async () => {
		expect((await chat('/whatsapp/template/send', { waNumber: '+254711082000', name: 'order_update' })).data).toBe("Request is missing required field 'language'");
		const template = { waNumber: '+254711082000', language: 'en', category: 'UTILITY', components: { body: { type: 'BODY', text: 'Hi', example: { body_text: [] } } } };
		expect((await chat('/whatsapp/template/send', { ...template, name: 'order_update' })).data).toMatchObject({ statusCode: 200 });
		const unknown = await chat('/whatsapp/template/send', { ...template, name: 'order_updat' });
		expect([unknown.status, unknown.data.statusCode]).toEqual([200, 404]);
	});

	it('sends chat messages, checks the location and records consent', async () => {
		const base = { productId: 'p', channel: 'WhatsApp', channelNumber: '+254711082000', customerNumber: '+254711000001' };
		expect((await chat('/message/send', { ...base, body: { type: 'Location', latitude: -1.2 } })).status).toBe(400);
		expect((await chat('/message/send', { ...base, channel: 'Signal', body: { type: 'Text', text: 'x' } })).data.statusCode).toBe(400);
		expect((await chat('/message/send', { ...base, body: { type: 'Text', text: 'Hi' } })).data).toMatchObject({ statusCode: 200, status: 'Sent' });
		expect((await chat('/chat/consent', { ...base, action: 'OptOut' })).data.status).toBe('OptOutRequestSent');
		expect((await chat('/message/send', { ...base, body: { type: 'Text', text: 'Hi' } })).data).toMatchObject({ statusCode: 403 });
		expect((await chat('/chat/consent', { ...base, action: 'Maybe' })).status).toBe(400);
	});
});
