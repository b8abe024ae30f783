'use strict';
// WhatsApp in real n8n: the exact request the fake AT received (byte for byte what AT's Node SDK
// 0.8.3 sends for the same input), the items the node output, the checks made before anything is
// sent, the sandbox refused, the WhatsApp or Chat Callback trigger event, and the "notify a
// customer on WhatsApp" recipe.
const fs = require('node:fs');
const path = require('node:path');
const { useStack } = require('./stack');
const { runCase, expectRefusedItem, startsWith, describeLiveOnlyCases } = require('./requestCases');
const { triggerWorkflow } = require('../harness/workflows');
const { nodeOutput } = require('../harness/n8n');
const { CALLBACKS, postCallback } = require('../fake-at/callbacks');

jest.setTimeout(240000);

const stack = useStack();

const WA = '+254711082000';
const CUSTOMER = '+254711000001';
const whatsApp = (extra) => ({ resource: 'whatsapp', operation: 'sendMessage', waNumber: WA, phoneNumber: CUSTOMER, ...extra });
const template = (extra) => ({
	resource: 'whatsapp', operation: 'createTemplate', waNumber: WA, templateName: 'order_update', language: 'en', category: 'UTILITY',
	bodyText: 'Hi {{1}}, order {{2}} is on its way.', bodyExamples: 'Amina\nORD-1', ...extra,
});
const message = (body) => ({ host: 'chat', path: '/whatsapp/message/send', body: { waNumber: WA, phoneNumber: CUSTOMER, body } });
const sendMessage = (body) => (sdk) => sdk.WHATSAPP.sendMessage({ waNumber: WA, phoneNumber: CUSTOMER, body });
const sent = (items) => expect(items).toEqual([{ messageId: 'ATXid_00000001', phoneNumber: CUSTOMER, status: 'SENT' }]);

const LIST = {
	action: {
		button: 'Choose',
		sections: [
			{ title: 'Drinks', rows: [{ id: 'tea', title: 'Tea', description: 'Hot' }, { id: 'juice', title: 'Juice' }] },
			{ title: 'Food', rows: [{ id: 'chapati', title: 'Chapati' }] },
		],
	},
	body: { text: 'What would you like?' },
	header: { text: 'Our menu' },
	footer: { text: 'Acme' },
};
const TEMPLATE_COMPONENTS = {
	header: { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: 'ORD-1' } },
	body: { type: 'BODY', text: 'Hi {{1}}, order {{2}} is on its way.', example: { body_text: ['Amina', 'ORD-1'] } },
	footer: { type: 'FOOTER', text: 'Reply STOP to opt out' },
	buttons: { type: 'BUTTONS', buttons: [{ type: 'URL', url: 'https://example.com/track/{{1}}', text: 'Track', example: ['https://example.com/track/ORD-1'] }, { type: 'QUICK_REPLY', text: 'Stop' }] },
};

/** Live only: AT has no sandbox for WhatsApp. */
const WHATSAPP_CASES = [
	{
		name: 'WhatsApp → Send Message (text)',
		parameters: whatsApp({ whatsAppMessageType: 'text', message: 'Your order has shipped' }),
		request: message({ message: 'Your order has shipped' }),
		sdk: sendMessage({ message: 'Your order has shipped' }),
		output: sent,
	},
	{
		name: 'WhatsApp → Send Message (template, body values from an expression)',
		parameters: whatsApp({ whatsAppMessageType: 'template', templateId: 'tmpl_order_update', headerValue: 'ORD-1', bodyValues: "={{ ['Amina', 'ORD-1, express'] }}" }),
		request: message({ templateId: 'tmpl_order_update', headerValue: 'ORD-1', bodyValues: ['Amina', 'ORD-1, express'] }),
		sdk: sendMessage({ templateId: 'tmpl_order_update', headerValue: 'ORD-1', bodyValues: ['Amina', 'ORD-1, express'] }),
		output: sent,
	},
	{
		name: 'WhatsApp → Send Message (template without a header value)',
		parameters: whatsApp({ whatsAppMessageType: 'template', templateId: 'tmpl_payment_receipt', bodyValues: 'KES 1,200' }),
		request: message({ templateId: 'tmpl_payment_receipt', bodyValues: ['KES 1,200'] }),
		output: sent,
	},
	{
		name: 'WhatsApp → Send Message (document with caption)',
		parameters: whatsApp({ whatsAppMessageType: 'media', mediaType: 'Document', url: 'https://example.com/invoice.pdf', caption: 'Your invoice' }),
		request: message({ mediaType: 'Document', url: 'https://example.com/invoice.pdf', caption: 'Your invoice' }),
		sdk: sendMessage({ mediaType: 'Document', url: 'https://example.com/invoice.pdf', caption: 'Your invoice' }),
		output: sent,
	},
	{
		name: 'WhatsApp → Send Message (interactive list)',
		parameters: whatsApp({
			whatsAppMessageType: 'list', buttonLabel: 'Choose', headerText: 'Our menu', bodyText: 'What would you like?', footerText: 'Acme',
			sections: {
				section: [
					{ title: 'Drinks', rows: { row: [{ id: 'tea', title: 'Tea', description: 'Hot' }, { id: 'juice', title: 'Juice' }] } },
					{ title: 'Food', rows: { row: [{ id: 'chapati', title: 'Chapati' }] } },
				],
			},
		}),
		request: message(LIST),
		sdk: sendMessage(LIST),
		output: sent,
	},
	{
		name: 'WhatsApp → Send Message (reply buttons)',
		parameters: whatsApp({ whatsAppMessageType: 'buttons', headerText: 'Order 42', bodyText: 'Confirm delivery?', replyButtons: { button: [{ id: 'yes', title: 'Yes' }, { id: 'no', title: 'No' }] } }),
		request: message({ action: { buttons: [{ id: 'yes', title: 'Yes' }, { id: 'no', title: 'No' }] }, body: { text: 'Confirm delivery?' }, header: { text: 'Order 42' } }),
		sdk: sendMessage({ action: { buttons: [{ id: 'yes', title: 'Yes' }, { id: 'no', title: 'No' }] }, body: { text: 'Confirm delivery?' }, header: { text: 'Order 42' } }),
		output: sent,
	},
	{
		name: 'WhatsApp → Create Template (text header, footer, URL and quick-reply buttons)',
		parameters: template({
			headerFormat: 'TEXT', headerText: 'Order {{1}}', headerExample: 'ORD-1', footerText: 'Reply STOP to opt out',
			templateButtons: { button: [{ type: 'URL', text: 'Track', url: 'https://example.com/track/{{1}}', urlExample: 'https://example.com/track/ORD-1' }, { type: 'QUICK_REPLY', text: 'Stop' }] },
		}),
		request: { host: 'chat', path: '/whatsapp/template/send', body: { waNumber: WA, name: 'order_update', language: 'en', category: 'UTILITY', components: TEMPLATE_COMPONENTS } },
		sdk: (sdk) => sdk.WHATSAPP.createTemplate({ waNumber: WA, name: 'order_update', language: 'en', category: 'UTILITY', components: TEMPLATE_COMPONENTS }),
		output: (items) => expect(items).toEqual([{ templateId: 'ATTpl_00000001', templateStatus: 'PENDING' }]),
	},
];

describeLiveOnlyCases(stack, 'WhatsApp', WHATSAPP_CASES);

describe('bad input: refused before anything is sent, naming the field and the item', () => {
	it.each([
		['an empty WhatsApp message', whatsApp({ whatsAppMessageType: 'text', message: '={{ $json.v }}' }), ['Hi', ' '], '"Message" is empty (item 2)'],
		['a WhatsApp number without "+"', whatsApp({ phoneNumber: '={{ $json.v }}', whatsAppMessageType: 'text', message: 'Hi' }), [CUSTOMER, '254711000001'], 'Invalid phone number "254711000001" in "Phone Number" (item 2)'],
		['media without a URL', whatsApp({ whatsAppMessageType: 'media', mediaType: 'Image', url: '={{ $json.v }}' }), ['https://example.com/a.jpg', ''], '"Media URL" is empty (item 2)'],
		['media that is not HTTPS', whatsApp({ whatsAppMessageType: 'media', mediaType: 'Image', url: '={{ $json.v }}' }), ['https://example.com/a.jpg', 'http://example.com/a.jpg'], 'Invalid URL "http://example.com/a.jpg" in "Media URL" (item 2)'],
		['a template message without a template ID', whatsApp({ whatsAppMessageType: 'template', templateId: '={{ $json.v }}', headerValue: 'x', bodyValues: 'Amina\nORD-1' }), ['tmpl_order_update', ''], '"Template ID" is empty (item 2)'],
		['an empty template name', template({ templateName: '={{ $json.v }}' }), ['order_update', ''], '"Template Name" is empty (item 2)'],
		['a language AT refuses', template({ language: '={{ $json.v }}' }), ['en', 'en_US'], 'Language "en_US" is not a code Africa\'s Talking takes, in "Language" (item 2)'],
	])('%s', async (_what, parameters, values, message) => expectRefusedItem(stack, parameters, values, message));

	const rows = (...list) => ({ row: list });
	it.each([
		['more than three reply buttons', whatsApp({ whatsAppMessageType: 'buttons', bodyText: 'Pick', replyButtons: { button: ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id })) } }), '"Buttons" holds 4 buttons; WhatsApp takes at most 3 (item 1)'],
		['a list without rows', whatsApp({ whatsAppMessageType: 'list', buttonLabel: 'Choose', bodyText: 'Pick', sections: { section: [{ title: 'A' }] } }), '"Sections → section 1 → Rows" is empty: a list section needs at least one row (item 1)'],
		['a row without an ID', whatsApp({ whatsAppMessageType: 'list', buttonLabel: 'Choose', bodyText: 'Pick', sections: { section: [{ title: 'A', rows: rows({ title: 'Tea' }) }] } }), '"Sections → section 1 → row 1 → ID" is empty (item 1)'],
		['a row without a title', whatsApp({ whatsAppMessageType: 'list', buttonLabel: 'Choose', bodyText: 'Pick', sections: { section: [{ title: 'A', rows: rows({ id: 'tea' }) }] } }), '"Sections → section 1 → row 1 → Title" is empty (item 1)'],
		['a URL button without its URL', template({ templateButtons: { button: [{ type: 'URL', text: 'Track' }] } }), '"Buttons → button 1 → URL" is empty (item 1)'],
		['a Phone Number button without its number', template({ templateButtons: { button: [{ type: 'QUICK_REPLY', text: 'Stop' }, { type: 'PHONE_NUMBER', text: 'Call' }] } }), '"Buttons → button 2 → Phone Number" is empty (item 1)'],
	])('%s', async (_what, parameters, message) => {
		const { error } = await runCase(stack, 'live', parameters);
		expect(error.message).toMatch(startsWith(message));
		expect(`${error.message} ${error.description}`).toMatch(/Nothing was sent/);
		expect(stack.fake.requests).toHaveLength(0);
	});
});

describe('refusals inside an HTTP 200 answer (statusCode 400 or more)', () => {
	it('fails a template message for a template AT does not know, and a template name already taken, with the reason', async () => {
		const unknown = await runCase(stack, 'live', whatsApp({ whatsAppMessageType: 'template', templateId: 'tmpl_nope', headerValue: 'x', bodyValues: 'a' }));
		expect(unknown.error.message).toBe(`Africa's Talking could not send the WhatsApp message: Template tmpl_nope is not an approved template of ${WA} (statusCode 404)`);
		expect((await runCase(stack, 'live', template())).error).toBeUndefined();
		const taken = await runCase(stack, 'live', template());
		expect(taken.error.message).toBe(`Africa's Talking could not create the WhatsApp template: A template named order_update already exists for ${WA} (statusCode 409)`);
	});
});

describe('trigger: WhatsApp or Chat Callback (as Received)', () => {
	it("passes AT's JSON body on unchanged, refuses what is not a JSON object, and is protected like every event", async () => {
		const credential = await stack.n8n.createCredential({ name: `AT webhook ${Date.now()}`, type: 'africasTalkingWebhookApi', data: { secretToken: 'chat-callback-secret-0123456789' } });
		const { workflow, path: webhookPath } = triggerWorkflow({ name: `chat callback ${Date.now()}`, parameters: { event: 'chatCallback' }, protection: credential });
		const created = await stack.n8n.createWorkflow(workflow, { activate: true });
		const url = `${stack.n8n.url}/webhook/${webhookPath}`;
		const signed = `${url}?token=chat-callback-secret-0123456789`;
		expect((await postCallback(url, 'chatCallback')).status).toBe(401);
		expect(await postCallback(signed, 'chatCallback')).toMatchObject({ status: 200, text: 'OK' });
		const form = await postCallback(signed, 'chatCallback', {}, { type: 'form' });
		expect([form.status, form.text]).toEqual([400, 'Expected application/json']);
		await stack.n8n.waitForExecutions(created.id, 1);
		const [execution] = await stack.n8n.executions(created.id);
		expect(nodeOutput(execution, 'AT Trigger')[0].json).toEqual(CALLBACKS.chatCallback.body);
		expect(await stack.n8n.waitForExecutions(created.id, 2, 1000)).toHaveLength(1);
	});
});

describe('test/examples/whatsapp-notify.json (the README recipe), imported as a user would', () => {
	it('sends a template when the customer last wrote more than 24 hours ago (or never), a text reply inside the window', async () => {
		const workflow = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'examples', 'whatsapp-notify.json'), 'utf8'));
		for (const n of workflow.nodes) if (n.credentials) n.credentials.africasTalkingApi = stack.credentials.live;
		const created = await stack.n8n.createWorkflow(workflow, { activate: true });
		const hoursAgo = (hours) => new Date(Date.now() - hours * 3600000).toISOString();
		const notify = async (phoneNumber, lastCustomerMessageAt) => {
			const answer = await stack.n8n.webhook('whatsapp-notify', { phoneNumber, name: 'Amina', orderId: 'ORD-1042', ...(lastCustomerMessageAt ? { lastCustomerMessageAt } : {}) });
			expect(answer.status).toBe(200);
			return answer.json;
		};
		await notify('+254711000001', hoursAgo(2));
		await notify('+254711000002', hoursAgo(30));
		await notify('+254711000003');
		await stack.n8n.waitForExecutions(created.id, 3);
		expect(stack.fake.requestsTo('/whatsapp/message/send').map((r) => [r.body.phoneNumber, r.body.body])).toEqual([
			['+254711000001', { message: 'Hi Amina, your order ORD-1042 has shipped.' }],
			['+254711000002', { templateId: 'tmpl_order_update', bodyValues: ['Amina', 'ORD-1042'] }],
			['+254711000003', { templateId: 'tmpl_order_update', bodyValues: ['Amina', 'ORD-1042'] }],
		]);
		expect(stack.fake.acceptedCount('whatsappTemplate', '+254711000002')).toBe(1);
		expect((await stack.n8n.executions(created.id)).map((e) => e.status)).toEqual(['success', 'success', 'success']);
	});
});
