'use strict';
// WhatsApp in real n8n: the exact request the fake AT received, the items the node output, the
// checks made before anything is sent, and the sandbox refused.
const { useStack } = require('./stack');
const { runCase, expectCase, expectRefusedItem, startsWith } = require('./requestCases');

jest.setTimeout(240000);

const stack = useStack();

const WA = '+254711082000';
const CUSTOMER = '+254711000001';
const whatsApp = (extra) => ({ resource: 'whatsapp', operation: 'sendMessage', waNumber: WA, phoneNumber: CUSTOMER, ...extra });
const template = (extra) => ({
	resource: 'whatsapp', operation: 'sendTemplate', waNumber: WA, templateName: 'order_update', language: 'en', category: 'UTILITY',
	bodyText: 'Hi {{1}}, order {{2}} is on its way.', bodyExamples: 'Amina\nORD-1', ...extra,
});

/** Live only: AT has no sandbox for WhatsApp. */
const WHATSAPP_CASES = [
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
];

describe('WhatsApp with a live credential', () => {
	it.each(WHATSAPP_CASES.map((c) => [c.name, c]))('%s', async (_name, testCase) => expectCase(stack, 'live', testCase));
});

describe('WhatsApp with a sandbox credential: refused before sending', () => {
	it.each(WHATSAPP_CASES.map((c) => [c.name, c]))('%s', async (_name, testCase) => {
		const { error } = await runCase(stack, 'sandbox', testCase.parameters);
		expect(error.message).toMatch(startsWith("Africa's Talking has no sandbox for WhatsApp: nothing was sent (item 1)"));
		expect(error.description).toMatch(/Environment: Live/);
		expect(stack.fake.requests).toHaveLength(0);
	});
});

describe('bad input: refused before anything is sent, naming the field and the item', () => {
	it.each([
		['an empty WhatsApp message', whatsApp({ whatsAppMessageType: 'text', message: '={{ $json.v }}' }), ['Hi', ' '], '"Message" is empty (item 2)'],
		['a WhatsApp number without "+"', whatsApp({ phoneNumber: '={{ $json.v }}', whatsAppMessageType: 'text', message: 'Hi' }), [CUSTOMER, '254711000001'], 'Invalid phone number "254711000001" in "Phone Number" (item 2)'],
		['media without a URL', whatsApp({ whatsAppMessageType: 'media', mediaType: 'Image', url: '={{ $json.v }}' }), ['https://example.com/a.jpg', ''], '"Media URL" is empty (item 2)'],
		['an empty template name', template({ templateName: '={{ $json.v }}' }), ['order_update', ''], '"Template Name" is empty (item 2)'],
	])('%s', async (_what, parameters, values, message) => expectRefusedItem(stack, parameters, values, message));
});

describe('refusals inside an HTTP 200 answer (statusCode 400 or more)', () => {
	it('fails a template AT does not know, with its reason', async () => {
		const { error } = await runCase(stack, 'live', template({ templateName: 'order_updat' }));
		expect(error.message).toBe("Africa's Talking could not send the WhatsApp template: Template order_updat not found for +254711082000 (statusCode 404)");
		expect(stack.fake.requests[0].status).toBe(200);
	});
});
