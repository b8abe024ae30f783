// Every WhatsApp request the node builds (and the SIM swap check) against AT's official Node SDK
// (africastalking 0.8.3, lib/whatsapp.js and lib/insights.js) for the same input: the SDK runs with
// its HTTP layer replaced by an axios adapter that records the request (nothing leaves the machine),
// the node runs its routing steps and the credential's authentication, and method, URL, the
// headers that matter and the body's bytes must be equal.
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { AfricasTalkingApi } from '../../credentials/AfricasTalkingApi.credentials';
import * as waSendMessage from '../../nodes/AfricasTalking/resources/whatsapp/sendMessage';
import * as waCreateTemplate from '../../nodes/AfricasTalking/resources/whatsapp/createTemplate';
import * as checkSimSwap from '../../nodes/AfricasTalking/resources/insight/checkSimSwap';
import { LIVE_CREDENTIALS } from './context.cjs';
import { request } from './routingSteps.cjs';

interface WireRequest {
	method: string;
	url: string;
	headers: Record<string, string>;
	body: string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sdkRequest: recordSdk, headersThatMatter } = require('../harness/atSdk') as {
	sdkRequest: (credentials: { username: string; apiKey: string }, call: (sdk: AtSdk) => Promise<unknown>) => Promise<WireRequest>;
	headersThatMatter: (headers: Record<string, unknown>) => Record<string, string>;
};

interface AtSdk {
	WHATSAPP: { sendMessage(payload: IDataObject): Promise<unknown>; createTemplate(payload: IDataObject): Promise<unknown> };
	INSIGHTS: { checkSimSwapState(numbers: string[]): Promise<unknown> };
}

const sdkRequest = (call: (sdk: AtSdk) => Promise<unknown>) => recordSdk(LIVE_CREDENTIALS, call);

async function nodeRequest(operation: Parameters<typeof request>[0], parameters: IDataObject): Promise<WireRequest> {
	const options = await request(operation, parameters);
	const authenticated = (await new AfricasTalkingApi().authenticate(LIVE_CREDENTIALS, options)) as IHttpRequestOptions;
	return {
		method: String(authenticated.method),
		url: `${authenticated.baseURL}${authenticated.url}`,
		headers: headersThatMatter(authenticated.headers as Record<string, unknown>),
		body: JSON.stringify(authenticated.body),
	};
}

const WA = '+254711082000';
const CUSTOMER = '+254711000001';
const message = (parameters: IDataObject) => ({ waNumber: WA, phoneNumber: CUSTOMER, ...parameters });

/** [what, the node's parameters, the payload a developer passes to the SDK's sendMessage] */
const MESSAGES: Array<[string, IDataObject, IDataObject]> = [
	['text', { whatsAppMessageType: 'text', message: 'Your order has shipped' }, { message: 'Your order has shipped' }],
	[
		'template, body values one per line',
		{ whatsAppMessageType: 'template', templateId: 'tmpl_order_update', headerValue: 'ORD-1042', bodyValues: 'Amina\nORD-1042, express' },
		{ templateId: 'tmpl_order_update', headerValue: 'ORD-1042', bodyValues: ['Amina', 'ORD-1042, express'] },
	],
	[
		'template, body values from an expression',
		{ whatsAppMessageType: 'template', templateId: 'tmpl_payment_receipt', headerValue: 'Receipt', bodyValues: ['KES 1,200', 42] },
		{ templateId: 'tmpl_payment_receipt', headerValue: 'Receipt', bodyValues: ['KES 1,200', '42'] },
	],
	['template without body values', { whatsAppMessageType: 'template', templateId: 't1', headerValue: 'Hi', bodyValues: '' }, { templateId: 't1', headerValue: 'Hi', bodyValues: [] }],
	...(['Image', 'Video', 'Document'] as const).map((mediaType): [string, IDataObject, IDataObject] => [
		`${mediaType} with a caption`,
		{ whatsAppMessageType: 'media', mediaType, url: 'https://example.com/file', caption: 'Your receipt' },
		{ mediaType, url: 'https://example.com/file', caption: 'Your receipt' },
	]),
	...(['Audio', 'Voice', 'Image'] as const).map((mediaType): [string, IDataObject, IDataObject] => [
		`${mediaType} without a caption`,
		{ whatsAppMessageType: 'media', mediaType, url: 'https://example.com/a.ogg', caption: '' },
		{ mediaType, url: 'https://example.com/a.ogg' },
	]),
	[
		'interactive list with header, footer, two sections, a row without description',
		{
			whatsAppMessageType: 'list', buttonLabel: 'Choose', headerText: 'Our menu', bodyText: 'What would you like?', footerText: 'Acme',
			sections: {
				section: [
					{ title: 'Drinks', rows: { row: [{ id: 'tea', title: 'Tea', description: 'Hot' }, { id: 'juice', title: 'Juice', description: '' }] } },
					{ title: 'Food', rows: { row: [{ id: 'chapati', title: 'Chapati', description: 'Two pieces' }] } },
				],
			},
		},
		{
			action: {
				button: 'Choose',
				sections: [
					{ title: 'Drinks', rows: [{ id: 'tea', title: 'Tea', description: 'Hot' }, { id: 'juice', title: 'Juice' }] },
					{ title: 'Food', rows: [{ id: 'chapati', title: 'Chapati', description: 'Two pieces' }] },
				],
			},
			body: { text: 'What would you like?' },
			header: { text: 'Our menu' },
			footer: { text: 'Acme' },
		},
	],
	[
		'interactive list, one untitled section, no header or footer',
		{ whatsAppMessageType: 'list', buttonLabel: 'Pick', bodyText: 'Pick a day', sections: { section: [{ title: '', rows: { row: [{ id: 'mon', title: 'Monday' }] } }] } },
		{ action: { button: 'Pick', sections: [{ rows: [{ id: 'mon', title: 'Monday' }] }] }, body: { text: 'Pick a day' } },
	],
	[
		'three reply buttons with a header',
		{
			whatsAppMessageType: 'buttons', headerText: 'Order 42', bodyText: 'Confirm delivery?',
			replyButtons: { button: [{ id: 'yes', title: 'Yes' }, { id: 'no', title: 'No' }, { id: 'later', title: 'Later' }] },
		},
		{ action: { buttons: [{ id: 'yes', title: 'Yes' }, { id: 'no', title: 'No' }, { id: 'later', title: 'Later' }] }, body: { text: 'Confirm delivery?' }, header: { text: 'Order 42' } },
	],
	['one reply button, no header', { whatsAppMessageType: 'buttons', bodyText: 'Done?', replyButtons: { button: [{ id: 'ok', title: 'OK' }] } }, { action: { buttons: [{ id: 'ok', title: 'OK' }] }, body: { text: 'Done?' } }],
];

describe("WhatsApp → Send Message equals AT's Node SDK sendMessage, byte for byte", () => {
	it.each(MESSAGES)('%s', async (_what, parameters, body) => {
		const fromSdk = await sdkRequest((sdk) => sdk.WHATSAPP.sendMessage({ waNumber: WA, phoneNumber: CUSTOMER, body }));
		const fromNode = await nodeRequest(waSendMessage, message(parameters));
		expect(fromNode).toEqual(fromSdk);
		expect(fromSdk).toMatchObject({ method: 'POST', url: 'https://chat.africastalking.com/whatsapp/message/send' });
	});

	it('leaves out an empty Header Value, which the SDK refuses (README: the one request the SDK cannot send)', async () => {
		await expect(sdkRequest((sdk) => sdk.WHATSAPP.sendMessage({ waNumber: WA, phoneNumber: CUSTOMER, body: { templateId: 't1', bodyValues: ['Amina'] } }))).rejects.toThrow(
			'"body" does not match any of the allowed types',
		);
		const fromNode = await nodeRequest(waSendMessage, message({ whatsAppMessageType: 'template', templateId: 't1', headerValue: ' ', bodyValues: 'Amina' }));
		expect(fromNode.body).toBe(`{"waNumber":"${WA}","phoneNumber":"${CUSTOMER}","body":{"templateId":"t1","bodyValues":["Amina"]},"username":"liveapp"}`);
	});
});

const template = (parameters: IDataObject) => ({ waNumber: WA, templateName: 'order_update', language: 'en', category: 'UTILITY', bodyText: 'Your order has shipped.', ...parameters });

/** [what, the node's parameters, the payload a developer passes to the SDK's createTemplate] */
const TEMPLATES: Array<[string, IDataObject, IDataObject]> = [
	[
		'body only, no variables',
		{},
		{ name: 'order_update', language: 'en', category: 'UTILITY', components: { body: { type: 'BODY', text: 'Your order has shipped.' } } },
	],
	[
		'text header with example, body with examples, footer, and one button of each type',
		{
			category: 'MARKETING', headerFormat: 'TEXT', headerText: 'Order {{1}}', headerExample: 'ORD-1042',
			bodyText: 'Hi {{1}}, order {{2}} is on its way.', bodyExamples: 'Amina\nORD-1042', footerText: 'Reply STOP to opt out',
			templateButtons: {
				button: [
					{ type: 'PHONE_NUMBER', text: 'Call us', phoneNumber: '+254711082000' },
					{ type: 'URL', text: 'Track', url: 'https://example.com/t/{{1}}', urlExample: 'https://example.com/t/ORD-1042' },
					{ type: 'QUICK_REPLY', text: 'Stop' },
					{ type: 'FLOW', text: 'Book', flowId: '1234567890', flowAction: 'navigate', navigateScreen: 'WELCOME' },
					{ type: 'COPY_CODE', codeExample: 'SAVE20' },
				],
			},
		},
		{
			name: 'order_update', language: 'en', category: 'MARKETING',
			components: {
				header: { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: 'ORD-1042' } },
				body: { type: 'BODY', text: 'Hi {{1}}, order {{2}} is on its way.', example: { body_text: ['Amina', 'ORD-1042'] } },
				footer: { type: 'FOOTER', text: 'Reply STOP to opt out' },
				buttons: {
					type: 'BUTTONS',
					buttons: [
						{ type: 'PHONE_NUMBER', phone_number: '+254711082000', text: 'Call us' },
						{ type: 'URL', url: 'https://example.com/t/{{1}}', text: 'Track', example: ['https://example.com/t/ORD-1042'] },
						{ type: 'QUICK_REPLY', text: 'Stop' },
						{ type: 'FLOW', text: 'Book', flow_id: '1234567890', flow_action: 'navigate', navigate_screen: 'WELCOME' },
						{ type: 'COPY_CODE', example: 'SAVE20' },
					],
				},
			},
		},
	],
	[
		'image header with an example handle, a URL button without example, a flow without screen',
		{
			category: 'AUTHENTICATION', headerFormat: 'IMAGE', headerHandle: '4::aW1hZ2U=', templateButtons: {
				button: [{ type: 'URL', text: 'Open', url: 'https://example.com' }, { type: 'FLOW', text: 'Go', flowId: '99', flowAction: 'data_exchange' }],
			},
		},
		{
			name: 'order_update', language: 'en', category: 'AUTHENTICATION',
			components: {
				header: { type: 'HEADER', format: 'IMAGE', example: { header_handle: '4::aW1hZ2U=' } },
				body: { type: 'BODY', text: 'Your order has shipped.' },
				buttons: { type: 'BUTTONS', buttons: [{ type: 'URL', url: 'https://example.com', text: 'Open' }, { type: 'FLOW', text: 'Go', flow_id: '99', flow_action: 'data_exchange' }] },
			},
		},
	],
	...(['LOCATION', 'DOCUMENT', 'VIDEO'] as const).map((format): [string, IDataObject, IDataObject] => [
		`${format} header without example`,
		{ headerFormat: format, language: 'sw' },
		{ name: 'order_update', language: 'sw', category: 'UTILITY', components: { header: { type: 'HEADER', format }, body: { type: 'BODY', text: 'Your order has shipped.' } } },
	]),
];

describe("WhatsApp → Create Template equals AT's Node SDK createTemplate, byte for byte", () => {
	it.each(TEMPLATES)('%s', async (_what, parameters, payload) => {
		const fromSdk = await sdkRequest((sdk) => sdk.WHATSAPP.createTemplate({ waNumber: WA, ...payload }));
		const fromNode = await nodeRequest(waCreateTemplate, template(parameters));
		expect(fromNode).toEqual(fromSdk);
		expect(fromSdk).toMatchObject({ method: 'POST', url: 'https://chat.africastalking.com/whatsapp/template/send' });
	});
});

describe("Insights → Check SIM Swap equals AT's Node SDK checkSimSwapState, byte for byte", () => {
	it.each([
		['one number', '+254711000001', ['+254711000001']],
		['several numbers', '+254711000001\n+256772000002', ['+254711000001', '+256772000002']],
	])('%s', async (_what, phoneNumbers, list) => {
		const fromSdk = await sdkRequest((sdk) => sdk.INSIGHTS.checkSimSwapState(list));
		const fromNode = await nodeRequest(checkSimSwap, { phoneNumbers });
		expect(fromNode).toEqual(fromSdk);
		expect(fromSdk).toMatchObject({ method: 'POST', url: 'https://insights.africastalking.com/v1/sim-swap' });
	});
});
