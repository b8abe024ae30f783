'use strict';
// Insights (SIM swap), WhatsApp and Chat in real n8n: the exact request the fake AT received for
// live and sandbox credentials, the items the node output, the checks made before anything is
// sent, the SIM Swap Result trigger event, and the "pay only if the SIM was not swapped" recipe.
const fs = require('node:fs');
const path = require('node:path');
const { useStack, uniquePath, LIVE } = require('./stack');
const { webhookWorkflow, triggerWorkflow, AT_NODE_NAME } = require('../harness/workflows');
const { nodeOutput, nodeError } = require('../harness/n8n');
const { CALLBACKS, postCallback } = require('../fake-at/callbacks');

jest.setTimeout(240000);

const stack = useStack();

const JSON_TYPE = 'application/json';
/** A refusal's message starts with this text (a sentence may follow, e.g. that nothing was sent). */
const startsWith = (text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
const HOSTS = { live: { insights: 'insights.africastalking.com', chat: 'chat.africastalking.com' }, sandbox: { insights: 'insights.sandbox.africastalking.com' } };

async function runCase(environment, parameters, items = [{}], options = {}) {
	const webhookPath = uniquePath('new');
	const workflow = await stack.n8n.createWorkflow(
		webhookWorkflow({ name: webhookPath, path: webhookPath, parameters, credential: stack.credentials[environment], onError: options.onError }),
		{ activate: true },
	);
	const response = await stack.n8n.webhook(webhookPath, { items });
	const execution = (await stack.n8n.executions(workflow.id))[0];
	return { response, output: nodeOutput(execution, AT_NODE_NAME), error: nodeError(execution, AT_NODE_NAME) };
}

function expectRequest(received, expected, environment) {
	const account = stack.fake.accounts.find((a) => a.environment === environment);
	expect(received.host).toBe(HOSTS[environment][expected.host]);
	expect([received.method, received.path]).toEqual(['POST', expected.path]);
	expect(received.headers.accept).toBe('application/json');
	expect(received.headers.apikey).toBe(account.apiKey);
	expect(received.headers['content-type']).toBe(JSON_TYPE);
	expect(received.body).toEqual({ username: account.username, ...expected.body });
	expect(received.headers['idempotency-key']).toBeUndefined();
}

const WA = '+254711082000';
const CUSTOMER = '+254711000001';
const whatsApp = (extra) => ({ resource: 'whatsapp', operation: 'sendMessage', waNumber: WA, phoneNumber: CUSTOMER, ...extra });
const template = (extra) => ({
	resource: 'whatsapp', operation: 'sendTemplate', waNumber: WA, templateName: 'order_update', language: 'en', category: 'UTILITY',
	bodyText: 'Hi {{1}}, order {{2}} is on its way.', bodyExamples: 'Amina\nORD-1', ...extra,
});
const chat = (extra) => ({ resource: 'chat', operation: 'sendMessage', productId: 'prod-1', channel: 'WhatsApp', channelNumber: WA, customerNumber: CUSTOMER, ...extra });
const consent = (action) => ({ resource: 'chat', operation: 'updateConsent', channel: 'WhatsApp', channelNumber: WA, customerNumber: CUSTOMER, consentAction: action });

const SIM_SWAP = {
	name: 'Insights → Check SIM Swap',
	parameters: { resource: 'insight', operation: 'checkSimSwap', phoneNumbers: '+254711000001\n+256772000002' },
	request: { host: 'insights', path: '/v1/sim-swap', body: { phoneNumbers: ['+254711000001', '+256772000002'] } },
	output: (items) => expect(items).toEqual([
		{ phoneNumber: '+254711000001', requestId: 'ATSwpid_00000001', status: 'Queued', cost: 5, currencyCode: 'KES', carrierName: 'Safaricom', countryCode: 'KE', networkCode: '63902', numberType: 'Mobile', transactionId: 'ATTxid_00000003' },
		{ phoneNumber: '+256772000002', requestId: 'ATSwpid_00000002', status: 'Queued', cost: 5, currencyCode: 'KES', carrierName: 'MTN Uganda', countryCode: 'UG', networkCode: '64110', numberType: 'Mobile', transactionId: 'ATTxid_00000003' },
	]),
};

/** Live only: AT has no sandbox for WhatsApp and Chat. */
const LIVE_ONLY_CASES = [
	{
		name: 'WhatsApp → Send Message (text)',
		parameters: whatsApp({ whatsAppMessageType: 'text', message: 'Your order has shipped' }),
		request: { host: 'chat', path: '/whatsapp/message/send', body: { waNumber: WA, phoneNumber: CUSTOMER, body: { message: 'Your order has shipped' } } },
		output: (items) => expect(items).toEqual([{ messageId: 'ATXid_00000001', phoneNumber: CUSTOMER, status: 'SENT' }]),
	},
	{
		name: 'WhatsApp → Send Message (media with caption)',
		parameters: whatsApp({ whatsAppMessageType: 'media', mediaType: 'Image', url: 'https://example.com/receipt.jpg', caption: 'Your receipt' }),
		request: { host: 'chat', path: '/whatsapp/message/send', body: { waNumber: WA, phoneNumber: CUSTOMER, body: { mediaType: 'Image', url: 'https://example.com/receipt.jpg', caption: 'Your receipt' } } },
		output: (items) => expect(items[0].status).toBe('SENT'),
	},
	{
		name: 'WhatsApp → Send Message (interactive)',
		parameters: whatsApp({ whatsAppMessageType: 'interactive', headerText: 'Order 42', bodyText: 'Reply 1 to confirm', footerText: 'Acme' }),
		request: { host: 'chat', path: '/whatsapp/message/send', body: { waNumber: WA, phoneNumber: CUSTOMER, body: { header: { text: 'Order 42' }, body: { text: 'Reply 1 to confirm' }, footer: { text: 'Acme' } } } },
		output: (items) => expect(items[0].status).toBe('SENT'),
	},
	{
		name: 'WhatsApp → Send Template (header, footer and a button from fields)',
		parameters: template({
			templateComponents: {
				header: { type: 'TEXT', format: '', text: 'Order {{1}}', example: 'ORD-1' },
				footer: { text: 'Reply STOP to opt out' },
				buttons: { type: 'URL', text: 'Track', url: 'https://example.com/track', phoneNumber: '', example: '' },
			},
		}),
		request: {
			host: 'chat', path: '/whatsapp/template/send',
			body: {
				waNumber: WA, name: 'order_update', language: 'en', category: 'UTILITY',
				components: {
					header: { type: 'TEXT', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['ORD-1'] } },
					body: { type: 'BODY', text: 'Hi {{1}}, order {{2}} is on its way.', example: { body_text: ['Amina', 'ORD-1'] } },
					footer: { type: 'FOOTER', text: 'Reply STOP to opt out' },
					buttons: { type: 'URL', text: 'Track', url: 'https://example.com/track', example: [] },
				},
			},
		},
		output: (items) => expect(items).toEqual([{ statusCode: 200, status: 'Success', description: 'Template order_update accepted', name: 'order_update' }]),
	},
	{
		name: 'Chat → Send Message (text)',
		parameters: chat({ chatMessageType: 'text', message: 'Hello' }),
		request: { host: 'chat', path: '/message/send', body: { productId: 'prod-1', channelNumber: WA, channel: 'WhatsApp', customerNumber: CUSTOMER, body: { type: 'Text', text: 'Hello' } } },
		output: (items) => expect(items).toEqual([{ statusCode: 200, status: 'Sent', description: 'Message sent', messageId: 'ATCid_00000001' }]),
	},
	{
		name: 'Chat → Send Message (media, Telegram)',
		parameters: chat({ channel: 'Telegram', channelNumber: 'acme_bot', customerNumber: '123456789', chatMessageType: 'media', mediaType: 'Video', url: 'https://example.com/v.mp4' }),
		request: { host: 'chat', path: '/message/send', body: { productId: 'prod-1', channelNumber: 'acme_bot', channel: 'Telegram', customerNumber: '123456789', body: { type: 'Media', media: 'Video', url: 'https://example.com/v.mp4' } } },
		output: (items) => expect(items[0].status).toBe('Sent'),
	},
	{
		name: 'Chat → Send Message (location)',
		parameters: chat({ chatMessageType: 'location', latitude: '-1.2921', longitude: '36.8219' }),
		request: { host: 'chat', path: '/message/send', body: { productId: 'prod-1', channelNumber: WA, channel: 'WhatsApp', customerNumber: CUSTOMER, body: { type: 'Location', latitude: -1.2921, longitude: 36.8219 } } },
		output: (items) => expect(items[0].status).toBe('Sent'),
	},
	{
		name: 'Chat → Update Consent (opt in)',
		parameters: consent('optIn'),
		request: { host: 'chat', path: '/chat/consent', body: { channelNumber: WA, channel: 'WhatsApp', customerNumber: CUSTOMER, action: 'OptIn' } },
		output: (items) => expect(items).toEqual([{ statusCode: 200, status: 'OptInRequestSent', description: 'OptIn recorded' }]),
	},
	{
		name: 'Chat → Update Consent (opt out)',
		parameters: consent('optOut'),
		request: { host: 'chat', path: '/chat/consent', body: { channelNumber: WA, channel: 'WhatsApp', customerNumber: CUSTOMER, action: 'OptOut' } },
		output: (items) => expect(items[0].status).toBe('OptOutRequestSent'),
	},
];

async function expectCase(environment, testCase) {
	const { response, output, error } = await runCase(environment, testCase.parameters);
	expect(error).toBeUndefined();
	expect(response.status).toBe(200);
	expect(stack.fake.requests).toHaveLength(1);
	expectRequest(stack.fake.requests[0], testCase.request, environment);
	testCase.output(output.map((item) => item.json));
	expect(output.every((item) => item.pairedItem && item.pairedItem.item === 0)).toBe(true);
}

describe.each(['live', 'sandbox'])('Insights with a %s credential', (environment) => {
	it(SIM_SWAP.name, async () => expectCase(environment, SIM_SWAP));
});

describe('WhatsApp and Chat with a live credential', () => {
	it.each(LIVE_ONLY_CASES.map((c) => [c.name, c]))('%s', async (_name, testCase) => expectCase('live', testCase));
});

describe('WhatsApp and Chat with a sandbox credential: refused before sending', () => {
	it.each(LIVE_ONLY_CASES.map((c) => [c.name, c]))('%s', async (_name, testCase) => {
		const { error } = await runCase('sandbox', testCase.parameters);
		expect(error.message).toBe(`Africa's Talking has no sandbox for ${testCase.parameters.resource === 'whatsapp' ? 'WhatsApp' : 'Chat'} (item 1). Nothing was sent to Africa's Talking.`);
		expect(error.description).toMatch(/Environment: Live/);
		expect(stack.fake.requests).toHaveLength(0);
	});
});

describe('bad input: refused before anything is sent, naming the field and the item', () => {
	const many = Array.from({ length: 101 }, (_, i) => `+2547110${String(i).padStart(5, '0')}`).join(',');
	// Item 1 is good, item 2 is not: the error names item 2 and its value never reaches AT.
	it.each([
		['a SIM swap number not in E.164', { resource: 'insight', operation: 'checkSimSwap', phoneNumbers: '={{ $json.v }}' }, ['+254711000001', '+254711000001, 0711000002'], 'Invalid phone number "0711000002" in "Phone Numbers" (item 2)'],
		['more numbers than one check takes', { resource: 'insight', operation: 'checkSimSwap', phoneNumbers: '={{ $json.v }}' }, ['+254711000001', many], '"Phone Numbers" holds 101 entries (item 2); Africa\'s Talking takes 1 to 100'],
		['an empty WhatsApp message', whatsApp({ whatsAppMessageType: 'text', message: '={{ $json.v }}' }), ['Hi', ' '], '"Message" is empty (item 2)'],
		['a WhatsApp number without "+"', whatsApp({ phoneNumber: '={{ $json.v }}', whatsAppMessageType: 'text', message: 'Hi' }), [CUSTOMER, '254711000001'], 'Invalid phone number "254711000001" in "Phone Number" (item 2)'],
		['media without a URL', whatsApp({ whatsAppMessageType: 'media', mediaType: 'Image', url: '={{ $json.v }}' }), ['https://example.com/a.jpg', ''], '"Media URL" is empty (item 2)'],
		['an empty template name', template({ templateName: '={{ $json.v }}' }), ['order_update', ''], '"Template Name" is empty (item 2)'],
		['a location without its longitude', chat({ chatMessageType: 'location', latitude: '-1.29', longitude: '={{ $json.v }}' }), ['36.8', ''], '"Longitude" is empty: a location needs both coordinates (item 2)'],
	])('%s', async (_what, parameters, values, message) => {
		const { error } = await runCase('live', parameters, values.map((v) => ({ v })));
		expect(error.message).toMatch(startsWith(message));
		expect(stack.fake.requests.length).toBeLessThanOrEqual(1);
		for (const request of stack.fake.requests) expect(JSON.stringify(request.body)).toContain(JSON.stringify(values[0]).slice(1, -1));
	});
});

describe('refusals inside an HTTP 200 answer (statusCode 400 or more)', () => {
	it('fails a template AT does not know, with its reason', async () => {
		const { error } = await runCase('live', template({ templateName: 'order_updat' }));
		expect(error.message).toBe("Africa's Talking could not send the WhatsApp template: Template order_updat not found for +254711082000 (statusCode 404)");
		expect(stack.fake.requests[0].status).toBe(200);
	});

	it('fails a chat message to a customer who opted out, and gives an error item under Continue', async () => {
		stack.fake.optedOut.add(`WhatsApp:${CUSTOMER}`);
		const { error } = await runCase('live', chat({ chatMessageType: 'text', message: 'Hi' }));
		expect(error.message).toMatch(/^Africa's Talking could not send the chat message: \+254711000001 opted out .* \(statusCode 403\)$/);
		const lenient = await runCase('live', chat({ chatMessageType: 'text', message: 'Hi' }), [{}], { onError: 'continueRegularOutput' });
		expect(lenient.output[0].json.error).toMatch(/opted out/);
	});
});

describe('trigger: SIM Swap Result', () => {
	async function publish(protection) {
		const { workflow, path: webhookPath } = triggerWorkflow({ name: `sim swap ${Date.now()}`, parameters: { event: 'simSwapResult' }, protection });
		const created = await stack.n8n.createWorkflow(workflow, { activate: true });
		return { url: `${stack.n8n.url}/webhook/${webhookPath}`, id: created.id };
	}
	const outputs = async (workflowId, count) => {
		await stack.n8n.waitForExecutions(workflowId, count);
		const executions = (await stack.n8n.executions(workflowId)).sort((a, b) => Number(a.id) - Number(b.id));
		return executions.map((e) => nodeOutput(e, 'AT Trigger')[0].json);
	};

	it('starts the workflow with clean fields (JSON or form), passes an unknown status on, and refuses what is not a result', async () => {
		const wf = await publish();
		expect(await postCallback(wf.url, 'simSwapResult')).toMatchObject({ status: 200, text: 'OK' });
		expect((await postCallback(wf.url, 'simSwapResult', { status: 'Swapped', lastSimSwapDate: '28-11-2026', requestId: 'ATSwpid_2' }, { type: 'form' })).status).toBe(200);
		expect((await postCallback(wf.url, 'simSwapResult', { status: 'Pending', requestId: 'ATSwpid_3' })).status).toBe(200);
		const missing = await postCallback(wf.url, 'simSwapResult', { requestId: '' });
		expect([missing.status, missing.text]).toEqual([400, 'Missing requestId for the SIM Swap Result event']);
		const [never, swapped, unknown] = await outputs(wf.id, 3);
		expect(never).toMatchObject({
			event: 'simSwapResult', requestId: 'ATSwpid_00000001', status: 'NotSwapped', swapped: false, neverSwapped: true, lastSimSwapDate: '01-01-1900',
			transactionId: CALLBACKS.simSwapResult.body.transactionId, providerRefId: CALLBACKS.simSwapResult.body.providerRefId, dedupeKey: 'simswap:ATSwpid_00000001:NotSwapped',
		});
		expect(never.lastSimSwapDescription).toMatch(/^Never swapped/);
		expect(never.raw).toEqual(CALLBACKS.simSwapResult.body);
		expect(swapped).toMatchObject({ status: 'Swapped', swapped: true, neverSwapped: false, lastSimSwapDateIso: '2026-11-28' });
		expect(unknown).toMatchObject({ status: 'Pending', statusDescription: expect.stringContaining('passed on as sent') });
		expect(unknown.swapped).toBeUndefined();
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect(await stack.n8n.waitForExecutions(wf.id, 4, 1000)).toHaveLength(3);
	});

	it("is protected by the Africa's Talking Webhook credential like every event", async () => {
		const credential = await stack.n8n.createCredential({ name: `AT webhook ${Date.now()}`, type: 'africasTalkingWebhookApi', data: { secretToken: 'simswap-secret-token-0123456789' } });
		const wf = await publish(credential);
		expect((await postCallback(wf.url, 'simSwapResult')).status).toBe(401);
		expect((await postCallback(`${wf.url}?token=simswap-secret-token-0123456789`, 'simSwapResult')).status).toBe(200);
		expect(await outputs(wf.id, 1)).toHaveLength(1);
	});
});

describe('test/examples/sim-swap-payout.json (the README recipe), imported as a user would', () => {
	it('checks the SIM, then pays only when the result for that requestId says NotSwapped, once', async () => {
		const workflow = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'examples', 'sim-swap-payout.json'), 'utf8'));
		for (const n of workflow.nodes) if (n.credentials) n.credentials.africasTalkingApi = stack.credentials.live;
		const trigger = workflow.nodes.find((n) => n.type === 'n8n-nodes-africastalking.africasTalkingTrigger');
		const created = await stack.n8n.createWorkflow(workflow, { activate: true });
		const resultUrl = `${stack.n8n.url}/webhook/${trigger.webhookId}/webhook`;
		const b2c = () => stack.fake.requestsTo('/mobile/b2c/request');

		const ask = async (phoneNumber, amount) => {
			const answer = await stack.n8n.webhook('sim-swap-payout', { phoneNumber, amount, currencyCode: 'KES', name: 'Amina', reference: `INV-${amount}` });
			expect(answer.status).toBe(200);
			await new Promise((resolve) => setTimeout(resolve, 300));
			return answer.json[0];
		};
		const safe = await ask('+254711000001', 250);
		await stack.n8n.waitForExecutions(created.id, 1);
		const risky = await ask('+254711000002', 900);
		await stack.n8n.waitForExecutions(created.id, 2);
		expect(safe).toEqual({ requestId: 'ATSwpid_00000001', phoneNumber: '+254711000001', status: 'Waiting for the SIM swap result' });
		expect(stack.fake.requestsTo('/v1/sim-swap').map((r) => r.body.phoneNumbers)).toEqual([['+254711000001'], ['+254711000002']]);
		expect(b2c()).toHaveLength(0);

		// The results arrive in the other order, AT retries one of them, and one is not ours.
		const result = async (count, overrides) => {
			expect((await postCallback(resultUrl, 'simSwapResult', overrides)).status).toBe(200);
			await stack.n8n.waitForExecutions(created.id, count);
		};
		await result(3, { requestId: risky.requestId, status: 'Swapped', lastSimSwapDate: '01-12-2026' });
		await result(4, { requestId: safe.requestId, status: 'NotSwapped', lastSimSwapDate: '01-01-1900' });
		await result(5, { requestId: safe.requestId, status: 'NotSwapped', lastSimSwapDate: '01-01-1900' });
		await result(6, { requestId: 'ATSwpid_unknown', status: 'NotSwapped' });

		expect(b2c()).toHaveLength(1);
		expect(b2c()[0].body).toEqual({
			username: LIVE.username, productName: 'My Payouts',
			recipients: [{ phoneNumber: '+254711000001', currencyCode: 'KES', amount: 250, name: 'Amina', reason: 'BusinessPayment', metadata: { reference: 'INV-250', simSwapRequestId: safe.requestId } }],
		});
		expect(b2c()[0].headers['idempotency-key']).toBe(`payout-${safe.requestId}`);
		expect(stack.fake.acceptedCount('b2c', '+254711000002')).toBe(0);
		const executions = await stack.n8n.executions(created.id);
		expect(executions.map((e) => e.status)).toEqual(Array(6).fill('success'));
		const decisions = executions.filter((e) => e.data.resultData.runData['Find Payout']).map((e) => nodeOutput(e, 'Find Payout')[0].json.decision).sort();
		expect(decisions).toEqual([
			'No payout waits for this requestId (already handled, or not ours)',
			'No payout waits for this requestId (already handled, or not ours)',
			'Not paid: the SIM swap check said Swapped (last swap 2026-12-01)',
			'Not swapped: pay',
		]);

		// A retry that overlaps the first delivery reads the payout before it is marked done: the
		// Idempotency-Key (payout-<requestId>) makes AT refuse the second payment.
		const third = await ask('+254711000003', 120);
		await stack.n8n.waitForExecutions(created.id, 7);
		await Promise.all([1, 2].map(() => postCallback(resultUrl, 'simSwapResult', { requestId: third.requestId, status: 'NotSwapped' })));
		await stack.n8n.waitForExecutions(created.id, 9);
		expect(stack.fake.acceptedCount('b2c', '+254711000003')).toBe(1);
	});
});
