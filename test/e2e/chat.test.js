'use strict';
// Chat (WhatsApp and Telegram through AT's unreleased Chat API) in real n8n: the exact request the
// fake AT received, the items the node output, the checks made before anything is sent, and the
// sandbox refused.
const { useStack } = require('./stack');
const { runCase, expectRefusedItem, describeLiveOnlyCases } = require('./requestCases');

jest.setTimeout(240000);

const stack = useStack();

const WA = '+254711082000';
const CUSTOMER = '+254711000001';
const chat = (extra) => ({ resource: 'chat', operation: 'sendMessage', productId: 'prod-1', channel: 'WhatsApp', channelNumber: WA, customerNumber: CUSTOMER, ...extra });
const consent = (action) => ({ resource: 'chat', operation: 'updateConsent', channel: 'WhatsApp', channelNumber: WA, customerNumber: CUSTOMER, consentAction: action });

/** Live only: AT has no sandbox for Chat. */
const CHAT_CASES = [
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

describeLiveOnlyCases(stack, 'Chat', CHAT_CASES);

describe('bad input: refused before anything is sent, naming the field and the item', () => {
	it.each([
		['a location without its longitude', chat({ chatMessageType: 'location', latitude: '-1.29', longitude: '={{ $json.v }}' }), ['36.8', ''], '"Longitude" is empty: a location needs both coordinates (item 2)'],
	])('%s', async (_what, parameters, values, message) => expectRefusedItem(stack, parameters, values, message));
});

describe('refusals inside an HTTP 200 answer (statusCode 400 or more)', () => {
	it('fails a chat message to a customer who opted out, and gives an error item under Continue', async () => {
		stack.fake.optedOut.add(`WhatsApp:${CUSTOMER}`);
		const { error } = await runCase(stack, 'live', chat({ chatMessageType: 'text', message: 'Hi' }));
		expect(error.message).toMatch(/^Africa's Talking could not send the chat message: \+254711000001 opted out .* \(statusCode 403\)$/);
		const lenient = await runCase(stack, 'live', chat({ chatMessageType: 'text', message: 'Hi' }), [{}], { onError: 'continueRegularOutput' });
		expect(lenient.output[0].json.error).toMatch(/opted out/);
	});
});

