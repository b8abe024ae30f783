import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, IN8nHttpFullResponse, INodePropertyOptions } from 'n8n-workflow';
import { AT_BASE_URL, baseUrlForEnvironment } from '../../nodes/AfricasTalkingCommon/environment';
import { prepareRequest } from '../../nodes/AfricasTalking/shared/request';
import * as checkSimSwap from '../../nodes/AfricasTalking/resources/insight/checkSimSwap';
import * as waSendMessage from '../../nodes/AfricasTalking/resources/whatsapp/sendMessage';
import * as waSendTemplate from '../../nodes/AfricasTalking/resources/whatsapp/sendTemplate';
import * as chatSendMessage from '../../nodes/AfricasTalking/resources/chat/sendMessage';
import * as updateConsent from '../../nodes/AfricasTalking/resources/chat/updateConsent';
import { refusedStatusCode, type Refuse } from '../../nodes/AfricasTalking/shared/chatApi';
import { EVENTS, readCallback } from '../../nodes/AfricasTalkingTrigger/events';
import { isoDate, simSwapResult } from '../../nodes/AfricasTalkingTrigger/simSwap';
import { LIVE_CREDENTIALS, NODE, SANDBOX_CREDENTIALS } from './context.cjs';

const refuse: Refuse = Object.assign(
	(message: string, description: string): never => {
		throw new Error(`${message} | ${description}`);
	},
	{ node: NODE, itemIndex: 0 },
);

/** n8n's per-item context with parameters, as the operations' preSend and postReceive steps read it. */
function context(parameters: IDataObject, { credentials = LIVE_CREDENTIALS as IDataObject, itemIndex = 0, continueOnFail = false } = {}) {
	return {
		getCredentials: async () => credentials,
		getNode: () => NODE,
		getItemIndex: () => itemIndex,
		continueOnFail: () => continueOnFail,
		getNodeParameter: (name: string, fallback: unknown) => (parameters[name] === undefined ? fallback : parameters[name]),
	} as unknown as IExecuteSingleFunctions;
}

/** Runs an operation's own steps, then the node's shared request step, as n8n does; returns the request. */
async function request(operation: { option: INodePropertyOptions }, parameters: IDataObject, credentials: IDataObject = LIVE_CREDENTIALS) {
	const routing = operation.option.routing!;
	let options: IHttpRequestOptions = { ...(routing.request as IHttpRequestOptions), body: {}, qs: {}, headers: { ...((routing.request?.headers ?? {}) as IDataObject) } };
	const ctx = context(parameters, { credentials, itemIndex: 1 });
	for (const step of (routing.send?.preSend ?? []) as Array<(this: IExecuteSingleFunctions, o: IHttpRequestOptions) => Promise<IHttpRequestOptions>>) {
		options = await step.call(ctx, options);
	}
	return await prepareRequest.call(ctx, options);
}

async function receive(operation: { option: INodePropertyOptions }, body: unknown, { statusCode = 200, continueOnFail = false } = {}) {
	let items = [{ json: {} }];
	const ctx = context({}, { continueOnFail });
	for (const step of (operation.option.routing!.output!.postReceive ?? []) as Array<(this: IExecuteSingleFunctions, i: unknown, r: IN8nHttpFullResponse) => Promise<typeof items>>) {
		items = await step.call(ctx, items, { body: body as IN8nHttpFullResponse['body'], statusCode, headers: {} });
	}
	return items.map((item) => item.json);
}

describe('hosts of the new products', () => {
	it('Insights has a sandbox host like every other product; WhatsApp and Chat share chat.africastalking.com', () => {
		expect(baseUrlForEnvironment(AT_BASE_URL.insights, 'live')).toBe('https://insights.africastalking.com');
		expect(baseUrlForEnvironment(AT_BASE_URL.insights, 'sandbox')).toBe('https://insights.sandbox.africastalking.com');
		expect(AT_BASE_URL.chat).toBe('https://chat.africastalking.com');
	});
});

describe('Insights → Check SIM Swap', () => {
	it('sends the numbers as a JSON array with the username, on the credential\'s host', async () => {
		const live = await request(checkSimSwap, { phoneNumbers: '+254711000001\n+254711000002' });
		expect([live.method, live.baseURL, live.url]).toEqual(['POST', 'https://insights.africastalking.com', '/v1/sim-swap']);
		expect(live.body).toEqual({ username: 'liveapp', phoneNumbers: ['+254711000001', '+254711000002'] });
		const sandbox = await request(checkSimSwap, { phoneNumbers: ['+254711000001'] }, SANDBOX_CREDENTIALS);
		expect(sandbox.baseURL).toBe('https://insights.sandbox.africastalking.com');
		expect(sandbox.body).toEqual({ username: 'sandbox', phoneNumbers: ['+254711000001'] });
	});

	it('reads the list by the rule every list of numbers follows: spaces inside a number are ignored (issue 27)', async () => {
		// SIM swap had its own splitter, which cut "+254 711 000 002" at its spaces ("Invalid phone number \"+254\"").
		const spaced = await request(checkSimSwap, { phoneNumbers: '+254711000001, +254 711 000 002' });
		expect(spaced.body).toEqual({ username: 'liveapp', phoneNumbers: ['+254711000001', '+254711000002'] });
		const dashed = await request(checkSimSwap, { phoneNumbers: '+254-711-000-001;+254 (711) 000002' });
		expect((dashed.body as IDataObject).phoneNumbers).toEqual(['+254711000001', '+254711000002']);
	});

	it('refuses a number not in E.164 and more numbers than one request takes, naming field and item', async () => {
		await expect(request(checkSimSwap, { phoneNumbers: '+254711000001, 0711000002' })).rejects.toThrow('Invalid phone number "0711000002" in "Phone Numbers" (item 2)');
		const many = Array.from({ length: checkSimSwap.SIM_SWAP_MAX_NUMBERS + 1 }, (_, i) => `+2547110${String(i).padStart(5, '0')}`);
		await expect(request(checkSimSwap, { phoneNumbers: many })).rejects.toThrow(`"Phone Numbers" holds 101 entries (item 2); Africa's Talking takes 1 to 100`);
		await expect(request(checkSimSwap, { phoneNumbers: '' })).rejects.toThrow('"Phone Numbers" is empty (item 2)');
	});

	const answer = (status = 'Queued') => ({
		transactionId: 'tx-1', status: 'Processed', totalCost: { amount: 10, currencyCode: 'KES' },
		responses: [
			{ phoneNumber: { carrierName: 'Safaricom', countryCode: 'KE', networkCode: '63902', number: '+254711000001', numberType: 'Mobile' }, status: 'Queued', requestId: 'ATSwpid_1', cost: { amount: 5, currencyCode: 'KES' } },
			{ phoneNumber: { carrierName: 'Airtel', countryCode: 'KE', networkCode: '63903', number: '+254733000002', numberType: 'Mobile' }, status, requestId: 'ATSwpid_2', cost: { amount: 5, currencyCode: 'KES' } },
		],
	});

	it('outputs one item per number with its request ID, status, cost and carrier fields', async () => {
		expect(await receive(checkSimSwap, answer())).toEqual([
			{ phoneNumber: '+254711000001', requestId: 'ATSwpid_1', status: 'Queued', cost: 5, currencyCode: 'KES', carrierName: 'Safaricom', countryCode: 'KE', networkCode: '63902', numberType: 'Mobile', transactionId: 'tx-1' },
			{ phoneNumber: '+254733000002', requestId: 'ATSwpid_2', status: 'Queued', cost: 5, currencyCode: 'KES', carrierName: 'Airtel', countryCode: 'KE', networkCode: '63903', numberType: 'Mobile', transactionId: 'tx-1' },
		]);
	});

	it('fails the item when a number was not queued, saying how many were; Continue On Fail marks that number', async () => {
		await expect(receive(checkSimSwap, answer('UnsupportedPhoneNumber'))).rejects.toThrow("Africa's Talking rejected 1 of 2 recipients: +254733000002: UnsupportedPhoneNumber");
		const items = await receive(checkSimSwap, answer('UnsupportedPhoneNumber'), { continueOnFail: true });
		expect(items.map((i) => (i as { error?: string }).error)).toEqual([undefined, '+254733000002: UnsupportedPhoneNumber']);
	});

	it('fails an answer without numbers with AT\'s reason', async () => {
		await expect(receive(checkSimSwap, { status: 'Failed', errorMessage: 'Insights is not enabled' })).rejects.toThrow("Africa's Talking did not check the SIM swap: Insights is not enabled");
	});
});

describe('WhatsApp message bodies', () => {
	const body = (input: IDataObject) => waSendMessage.whatsAppMessageBody(input as unknown as waSendMessage.WhatsAppMessage, refuse);

	it('builds text, media and interactive bodies as AT\'s SDK sends them', () => {
		expect(body({ messageType: 'text', message: ' Hello ' })).toEqual({ message: 'Hello' });
		expect(body({ messageType: 'media', mediaType: 'Image', url: 'https://example.com/a.jpg', caption: 'Receipt' })).toEqual({ mediaType: 'Image', url: 'https://example.com/a.jpg', caption: 'Receipt' });
		expect(body({ messageType: 'media', mediaType: 'Voice', url: 'https://example.com/a.ogg' })).toEqual({ mediaType: 'Voice', url: 'https://example.com/a.ogg' });
		expect(body({ messageType: 'interactive', bodyText: 'Pick one', headerText: 'Menu', footerText: '' })).toEqual({ body: { text: 'Pick one' }, header: { text: 'Menu' } });
	});

	it.each([
		[{ messageType: 'text', message: '  ' }, '"Message" is empty'],
		[{ messageType: 'media', mediaType: 'Image', url: '' }, '"Media URL" is empty'],
		[{ messageType: 'media', mediaType: 'Image', url: '', caption: 'Hi' }, '"Caption" is set but "Media URL" is empty: a caption needs media'],
		[{ messageType: 'text', message: 'Hi', caption: 'Hi' }, '"Caption" is set but the message has no media'],
		[{ messageType: 'media', mediaType: 'Sticker', url: 'https://example.com/s.webp', caption: 'Hi' }, '"Caption" is set but a Sticker message has no caption'],
		[{ messageType: 'media', mediaType: 'Document', url: 'https://example.com/a.pdf' }, 'Unknown media type "Document" in "Media Type"'],
		[{ messageType: 'media', mediaType: 'Image', url: 'http://example.com/a.jpg' }, 'Invalid URL "http://example.com/a.jpg" in "Media URL"'],
		[{ messageType: 'interactive', bodyText: '' }, '"Body Text" is empty'],
	])('refuses %j', (input, message) => {
		expect(() => body(input)).toThrow(message);
	});

	it('sends waNumber, phoneNumber and body to chat.africastalking.com with the username', async () => {
		const sent = await request(waSendMessage, { waNumber: '+254711082000', phoneNumber: '+254711000001', whatsAppMessageType: 'text', message: 'Hello' });
		expect([sent.baseURL, sent.url]).toEqual(['https://chat.africastalking.com', '/whatsapp/message/send']);
		expect(sent.body).toEqual({ username: 'liveapp', waNumber: '+254711082000', phoneNumber: '+254711000001', body: { message: 'Hello' } });
	});

	it('refuses a sandbox credential before anything is sent, and a bad number naming field and item', async () => {
		await expect(request(waSendMessage, { waNumber: '+254711082000', phoneNumber: '+254711000001', whatsAppMessageType: 'text', message: 'Hi' }, SANDBOX_CREDENTIALS)).rejects.toThrow(
			"Africa's Talking has no sandbox for WhatsApp: nothing was sent (item 2)",
		);
		await expect(request(waSendMessage, { waNumber: '+254711082000', phoneNumber: '254711000001', whatsAppMessageType: 'text', message: 'Hi' })).rejects.toThrow(
			'Invalid phone number "254711000001" in "Phone Number" (item 2)',
		);
	});
});

describe('WhatsApp templates', () => {
	const input = { name: 'order_update', language: 'en', category: 'UTILITY', bodyText: 'Hi {{1}}, order {{2}} is on its way.', bodyExamples: 'Amina\nORD-1, express' };

	it('builds the components from fields: body with examples, and header, footer and buttons when given', () => {
		expect(waSendTemplate.templateBody(input, refuse)).toEqual({
			name: 'order_update', language: 'en', category: 'UTILITY',
			components: { body: { type: 'BODY', text: 'Hi {{1}}, order {{2}} is on its way.', example: { body_text: ['Amina', 'ORD-1, express'] } } },
		});
		const full = waSendTemplate.templateBody(
			{
				...input, bodyExamples: ['Amina', ' ORD-1 '],
				header: { type: 'TEXT', format: '', text: 'Order {{1}}', example: 'ORD-1' },
				footer: { text: 'Reply STOP to opt out' },
				buttons: { type: 'URL', text: 'Track', url: 'https://example.com/t', phoneNumber: '', example: '' },
			},
			refuse,
		);
		expect(full.components).toEqual({
			header: { type: 'TEXT', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['ORD-1'] } },
			body: { type: 'BODY', text: 'Hi {{1}}, order {{2}} is on its way.', example: { body_text: ['Amina', 'ORD-1'] } },
			footer: { type: 'FOOTER', text: 'Reply STOP to opt out' },
			buttons: { type: 'URL', text: 'Track', url: 'https://example.com/t', example: [] },
		});
	});

	it.each([
		[{ ...input, name: ' ' }, '"Template Name" is empty'],
		[{ ...input, name: 'Order Update' }, 'Invalid template name "Order Update" in "Template Name"'],
		[{ ...input, bodyText: '' }, '"Body Text" is empty'],
		[{ ...input, category: 'SALES' }, 'Unknown category "SALES" in "Category"'],
		[{ ...input, buttons: { type: 'PHONE_NUMBER', text: 'Call', phoneNumber: '0711000001' } }, 'Invalid phone number "0711000001" in "Components → Buttons → Phone Number"'],
		[{ ...input, header: { type: 'TEXT', text: '' } }, '"Components → Header → Text" is empty'],
	])('refuses %j', (bad, message) => {
		expect(() => waSendTemplate.templateBody(bad, refuse)).toThrow(message);
	});
});

describe('Chat', () => {
	const body = (input: IDataObject) => chatSendMessage.chatMessageBody(input as unknown as chatSendMessage.ChatMessage, refuse);

	it('builds text, media and location bodies', () => {
		expect(body({ messageType: 'text', message: 'Hi' })).toEqual({ type: 'Text', text: 'Hi' });
		expect(body({ messageType: 'media', mediaType: 'Video', url: 'https://example.com/v.mp4' })).toEqual({ type: 'Media', media: 'Video', url: 'https://example.com/v.mp4' });
		expect(body({ messageType: 'location', latitude: '-1.2921', longitude: ' 36.8219' })).toEqual({ type: 'Location', latitude: -1.2921, longitude: 36.8219 });
	});

	it.each([
		[{ messageType: 'text', message: '' }, '"Text" is empty'],
		[{ messageType: 'media', mediaType: 'Image', url: '' }, '"Media URL" is empty'],
		[{ messageType: 'location', latitude: '-1.29', longitude: '' }, '"Longitude" is empty: a location needs both coordinates'],
		[{ messageType: 'location', latitude: '', longitude: '36.8' }, '"Latitude" is empty: a location needs both coordinates'],
		[{ messageType: 'location', latitude: '95', longitude: '36.8' }, 'Invalid latitude "95" in "Latitude"'],
	])('refuses %j', (input, message) => {
		expect(() => body(input)).toThrow(message);
	});

	it('sends the message with product, channel and numbers; Telegram IDs need not be phone numbers', async () => {
		const sent = await request(chatSendMessage, { productId: 'prod-1', channel: 'WhatsApp', channelNumber: '+254711082000', customerNumber: '+254711000001', chatMessageType: 'text', message: 'Hi' });
		expect([sent.baseURL, sent.url]).toEqual(['https://chat.africastalking.com', '/message/send']);
		expect(sent.body).toEqual({ username: 'liveapp', productId: 'prod-1', channelNumber: '+254711082000', channel: 'WhatsApp', customerNumber: '+254711000001', body: { type: 'Text', text: 'Hi' } });
		const telegram = await request(chatSendMessage, { productId: 'prod-1', channel: 'Telegram', channelNumber: 'shop_bot', customerNumber: '123456789', chatMessageType: 'text', message: 'Hi' });
		expect(telegram.body).toMatchObject({ channel: 'Telegram', channelNumber: 'shop_bot', customerNumber: '123456789' });
		await expect(request(chatSendMessage, { productId: 'p', channel: 'WhatsApp', channelNumber: '+254711082000', customerNumber: '0711000001', chatMessageType: 'text', message: 'Hi' })).rejects.toThrow(
			'Invalid phone number "0711000001" in "Customer Number" (item 2)',
		);
	});

	it('updates consent with OptIn or OptOut, and refuses the sandbox', async () => {
		const sent = await request(updateConsent, { channel: 'WhatsApp', channelNumber: '+254711082000', customerNumber: '+254711000001', consentAction: 'optOut' });
		expect([sent.url, sent.body]).toEqual(['/chat/consent', { username: 'liveapp', channelNumber: '+254711082000', channel: 'WhatsApp', customerNumber: '+254711000001', action: 'OptOut' }]);
		await expect(request(updateConsent, { channel: 'WhatsApp', channelNumber: '+254711082000', customerNumber: '+254711000001', consentAction: 'optIn' }, SANDBOX_CREDENTIALS)).rejects.toThrow(
			"Africa's Talking has no sandbox for Chat",
		);
	});

	it('treats a JSON statusCode of 400 or more as a failure even with HTTP 200', async () => {
		expect(refusedStatusCode({ statusCode: 200 })).toBeUndefined();
		expect(refusedStatusCode({ statusCode: '404' })).toBe(404);
		expect(refusedStatusCode('Success')).toBeUndefined();
		await expect(receive(chatSendMessage, { statusCode: 403, status: 'Failed', description: 'Customer opted out' })).rejects.toThrow(
			"Africa's Talking could not send the chat message: Customer opted out (statusCode 403)",
		);
		expect(await receive(chatSendMessage, { statusCode: 200, status: 'Sent', messageId: 'm1' })).toEqual([{ statusCode: 200, status: 'Sent', messageId: 'm1' }]);
	});
});

describe('trigger: SIM Swap Result', () => {
	const base = { requestId: 'ATSwpid_1', transactionId: 'tx-1', providerRefId: 'p-1' };

	it('reads DD-MM-YYYY dates as ISO dates, and only real calendar dates', () => {
		expect(isoDate('15-03-2026')).toBe('2026-03-15');
		expect(isoDate('31-02-2026')).toBeUndefined();
		expect(isoDate('2026-03-15')).toBeUndefined();
	});

	it('says "never swapped" for 01-01-1900, in words and as a flag, not only the raw value', () => {
		expect(simSwapResult({ ...base, status: 'NotSwapped', lastSimSwapDate: '01-01-1900' })).toMatchObject({
			status: 'NotSwapped', swapped: false, neverSwapped: true, lastSimSwapDate: '01-01-1900', lastSimSwapDateIso: undefined,
			lastSimSwapDescription: expect.stringMatching(/^Never swapped/),
		});
		expect(simSwapResult({ ...base, status: 'Swapped', lastSimSwapDate: '02-12-2026' })).toMatchObject({ swapped: true, neverSwapped: false, lastSimSwapDateIso: '2026-12-02' });
	});

	it('passes an unknown status on as sent, never dropped, and Failed without a date', () => {
		const unknown = readCallback('simSwapResult', 'json', { ...base, status: 'Pending' });
		expect(unknown).toEqual({
			output: expect.objectContaining({ event: 'simSwapResult', status: 'Pending', statusDescription: expect.stringContaining('passed on as sent'), dedupeKey: 'simswap:ATSwpid_1:Pending' }),
		});
		expect('output' in unknown && 'swapped' in unknown.output).toBe(false);
		const failed = readCallback('simSwapResult', 'form', { ...base, status: 'Failed' });
		expect(failed).toEqual({ output: expect.objectContaining({ status: 'Failed', statusDescription: 'The check failed: no result for this number' }) });
	});

	it('takes JSON and form, and refuses a body without requestId or status', () => {
		expect(EVENTS.simSwapResult.accepts).toEqual(['json', 'form']);
		expect(readCallback('simSwapResult', 'json', { status: 'Swapped' })).toEqual({ reason: 'Missing requestId for the SIM Swap Result event' });
		expect(readCallback('simSwapResult', 'json', { requestId: { a: 1 }, status: 'Swapped' })).toEqual({ reason: 'Unexpected value for requestId: expected text or a number' });
	});
});

describe("what n8n's editor shows for the new resources", () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { AfricasTalking } = require('../../nodes/AfricasTalking/AfricasTalking.node');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { AfricasTalkingTrigger } = require('../../nodes/AfricasTalkingTrigger/AfricasTalkingTrigger.node');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const codex = (folder: string) => require(`../../nodes/${folder}/${folder}.node.json`) as { alias: string[] };
	const node = new AfricasTalking();
	const subtitle = (resource: string, operation: string) =>
		new Function('$parameter', `return ${String(node.description.subtitle).replace(/^=\{\{/, '').replace(/\}\}$/, '')}`)({ resource, operation });

	it('labels the new operations in the subtitle and in the action list', () => {
		expect(subtitle('insight', 'checkSimSwap')).toBe('Insight: Check SIM Swap');
		expect(subtitle('whatsapp', 'sendTemplate')).toBe('WhatsApp: Send Template');
		expect(subtitle('chat', 'updateConsent')).toBe('Chat: Update Consent');
		const actions = [checkSimSwap, waSendMessage, waSendTemplate, chatSendMessage, updateConsent].map((op) => op.option.action);
		expect(actions).toEqual(['Check whether a SIM was swapped', 'Send a WhatsApp message', 'Send a WhatsApp template', 'Send a chat message', 'Update a customer consent']);
	});

	it('can be found as WhatsApp, Telegram, Chat and SIM swap in the node panel, and the trigger shows the event', () => {
		expect(codex('AfricasTalking').alias).toEqual(expect.arrayContaining(['WhatsApp', 'Telegram', 'Chat', 'SIM Swap']));
		expect(codex('AfricasTalkingTrigger').alias).toContain('SIM Swap');
		const trigger = new AfricasTalkingTrigger();
		const event = trigger.description.properties.find((p: { name: string }) => p.name === 'event');
		expect(event.options).toContainEqual(expect.objectContaining({ value: 'simSwapResult', name: 'SIM Swap Result', action: 'On SIM Swap Result' }));
		expect(trigger.description.description).toMatch(/WhatsApp.*SIM swap/);
	});
});
