import type { IDataObject } from 'n8n-workflow';
import * as checkSimSwap from '../../nodes/AfricasTalking/resources/insight/checkSimSwap';
import * as waSendMessage from '../../nodes/AfricasTalking/resources/whatsapp/sendMessage';
import * as waSendTemplate from '../../nodes/AfricasTalking/resources/whatsapp/sendTemplate';
import * as chatSendMessage from '../../nodes/AfricasTalking/resources/chat/sendMessage';
import * as updateConsent from '../../nodes/AfricasTalking/resources/chat/updateConsent';
import { SANDBOX_CREDENTIALS } from './context.cjs';
import { refuse, request } from './routingSteps.cjs';

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

describe("what n8n's editor shows for Insights, WhatsApp and Chat", () => {
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
