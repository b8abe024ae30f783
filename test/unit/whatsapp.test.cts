import type { IDataObject } from 'n8n-workflow';
import * as checkSimSwap from '../../nodes/AfricasTalking/resources/insight/checkSimSwap';
import * as waSendMessage from '../../nodes/AfricasTalking/resources/whatsapp/sendMessage';
import * as waCreateTemplate from '../../nodes/AfricasTalking/resources/whatsapp/createTemplate';
import * as chatSendMessage from '../../nodes/AfricasTalking/resources/chat/sendMessage';
import * as updateConsent from '../../nodes/AfricasTalking/resources/chat/updateConsent';
import { SANDBOX_CREDENTIALS } from './context.cjs';
import { refuse, request } from './routingSteps.cjs';

describe('WhatsApp message bodies', () => {
	const body = (input: IDataObject) => waSendMessage.whatsAppMessageBody(input as unknown as waSendMessage.WhatsAppMessage, refuse);
	const rows = (...list: IDataObject[]) => ({ row: list });
	const list = (extra: IDataObject) => ({ messageType: 'list', buttonLabel: 'Choose', bodyText: 'Pick one', sections: { section: [{ title: 'A', rows: rows({ id: 'a', title: 'A' }) }] }, ...extra });
	const buttons = (...list: IDataObject[]) => ({ messageType: 'buttons', bodyText: 'Confirm?', replyButtons: { button: list } });

	it('trims values and leaves out empty optional texts (AT\'s SDK refuses empty strings)', () => {
		expect(body({ messageType: 'text', message: ' Hello ' })).toEqual({ message: 'Hello' });
		expect(body({ messageType: 'template', templateId: ' t1 ', headerValue: '', bodyValues: '\n Amina \n\nORD-1\n' })).toEqual({ templateId: 't1', bodyValues: ['Amina', 'ORD-1'] });
		expect(body(list({ headerText: ' ', footerText: '' }))).toEqual({ action: { button: 'Choose', sections: [{ title: 'A', rows: [{ id: 'a', title: 'A' }] }] }, body: { text: 'Pick one' } });
	});

	it.each([
		[{ messageType: 'text', message: '  ' }, '"Message" is empty'],
		[{ messageType: 'template', templateId: ' ', bodyValues: 'Amina' }, '"Template ID" is empty'],
		[{ messageType: 'template', templateId: 't1', bodyValues: ['Amina', ''] }, 'Value 2 of "Body Values" is empty'],
		[{ messageType: 'template', templateId: 't1', bodyValues: [{ name: 'Amina' }] }, 'Value 1 of "Body Values" is not text'],
		[{ messageType: 'media', mediaType: 'Image', url: '' }, '"Media URL" is empty'],
		[{ messageType: 'media', mediaType: 'Image', url: '', caption: 'Hi' }, '"Caption" is set but "Media URL" is empty: a caption needs media'],
		[{ messageType: 'text', message: 'Hi', caption: 'Hi' }, '"Caption" is set but the message has no media'],
		[{ messageType: 'media', mediaType: 'Voice', url: 'https://example.com/a.ogg', caption: 'Hi' }, '"Caption" is set but a Voice message has no caption'],
		[{ messageType: 'media', mediaType: 'Sticker', url: 'https://example.com/s.webp' }, 'Unknown media type "Sticker" in "Media Type"'],
		[{ messageType: 'media', mediaType: 'Image', url: 'http://example.com/a.jpg' }, 'Invalid URL "http://example.com/a.jpg" in "Media URL"'],
		[list({ sections: {} }), '"Sections" is empty: a list needs at least one section with a row'],
		[list({ sections: { section: [{ title: 'A', rows: {} }] } }), '"Sections → section 1 → Rows" is empty: a list section needs at least one row'],
		[list({ sections: { section: [{ title: 'A', rows: rows({ id: 'a', title: 'A' }, { id: '', title: 'B' }) }] } }), '"Sections → section 1 → row 2 → ID" is empty'],
		[list({ sections: { section: [{ title: 'A', rows: rows({ id: 'a', title: ' ' }) }] } }), '"Sections → section 1 → row 1 → Title" is empty'],
		[list({ sections: { section: [{ title: 'A', rows: rows({ id: 'a', title: 'A' }) }, { title: '', rows: rows({ id: 'b', title: 'B' }) }] } }), '"Sections → section 2 → Title" is empty'],
		[list({ sections: { section: [{ rows: rows(...Array.from({ length: 11 }, (_, i) => ({ id: `r${i}`, title: `R${i}` }))) }] } }), '"Sections" holds 11 rows; WhatsApp takes at most 10 in one list'],
		[list({ buttonLabel: '' }), '"Button Label" is empty'],
		[list({ bodyText: '' }), '"Body Text" is empty'],
		[buttons(), '"Buttons" is empty'],
		[buttons(...['a', 'b', 'c', 'd'].map((id) => ({ id, title: id }))), '"Buttons" holds 4 buttons; WhatsApp takes at most 3'],
		[buttons({ id: 'yes', title: 'Yes' }, { id: 'no' }), '"Buttons → button 2 → Title" is empty'],
		[{ messageType: 'interactive', bodyText: 'Hi' }, 'Unknown message type "interactive" in "Message Type"'],
	])('refuses %j', (input, message) => {
		expect(() => body(input)).toThrow(message);
	});

	it('sends waNumber, phoneNumber and body to chat.africastalking.com, the username last as AT\'s SDK does', async () => {
		const sent = await request(waSendMessage, { waNumber: '+254711082000', phoneNumber: '+254711000001', whatsAppMessageType: 'text', message: 'Hello' });
		expect([sent.baseURL, sent.url]).toEqual(['https://chat.africastalking.com', '/whatsapp/message/send']);
		expect(JSON.stringify(sent.body)).toBe('{"waNumber":"+254711082000","phoneNumber":"+254711000001","body":{"message":"Hello"},"username":"liveapp"}');
	});

	it('refuses a sandbox credential before anything is sent, and a bad number naming field and item', async () => {
		await expect(request(waSendMessage, { waNumber: '+254711082000', phoneNumber: '+254711000001', whatsAppMessageType: 'text', message: 'Hi' }, SANDBOX_CREDENTIALS)).rejects.toThrow(
			"Africa's Talking has no sandbox for WhatsApp (item 2). Nothing was sent to Africa's Talking.",
		);
		await expect(request(waSendMessage, { waNumber: '+254711082000', phoneNumber: '254711000001', whatsAppMessageType: 'text', message: 'Hi' })).rejects.toThrow(
			'Invalid phone number "254711000001" in "Phone Number" (item 2)',
		);
		await expect(request(waSendMessage, { waNumber: '+254711082000', phoneNumber: '+254711000001', whatsAppMessageType: 'template', templateId: '' })).rejects.toThrow(
			"\"Template ID\" is empty (item 2). Nothing was sent to Africa's Talking.",
		);
	});
});

describe('WhatsApp → Create Template', () => {
	const input = { name: 'order_update', language: 'en', category: 'UTILITY', bodyText: 'Hi {{1}}, order {{2}} is on its way.', bodyExamples: 'Amina\nORD-1, express' };
	const withButton = (button: IDataObject) => ({ ...input, buttons: [button] });

	it('builds the components from fields: the body with its examples, and header, footer and buttons only when given', () => {
		expect(waCreateTemplate.templateBody(input, refuse)).toEqual({
			name: 'order_update', language: 'en', category: 'UTILITY',
			components: { body: { type: 'BODY', text: 'Hi {{1}}, order {{2}} is on its way.', example: { body_text: ['Amina', 'ORD-1, express'] } } },
		});
		expect(waCreateTemplate.templateBody({ ...input, headerFormat: 'LOCATION', headerText: 'ignored', footerText: ' ' }, refuse).components).toEqual({
			header: { type: 'HEADER', format: 'LOCATION' },
			body: expect.objectContaining({ type: 'BODY' }),
		});
	});

	it.each([
		[{ ...input, name: ' ' }, '"Template Name" is empty'],
		[{ ...input, name: 'Order Update' }, 'Invalid template name "Order Update" in "Template Name"'],
		[{ ...input, language: 'en_US' }, 'Language "en_US" is not a code Africa\'s Talking takes, in "Language"'],
		[{ ...input, language: 'EN' }, 'Language "EN" is not a code Africa\'s Talking takes'],
		[{ ...input, category: 'SALES' }, 'Unknown category "SALES" in "Category"'],
		[{ ...input, bodyText: '' }, '"Body Text" is empty'],
		[{ ...input, bodyExamples: 'Amina' }, '"Body Examples" gives 1 values but "Body Text" has 2 variables'],
		[{ ...input, headerFormat: 'TEXT', headerText: '' }, '"Header Text" is empty'],
		[{ ...input, headerFormat: 'TEXT', headerText: 'Order {{1}}' }, '"Header Example" is empty but "Header Text" has a variable'],
		[withButton({ type: 'URL', text: 'Track', url: '' }), '"Buttons → button 1 → URL" is empty'],
		[withButton({ type: 'URL', text: 'Track', url: 'example.com' }), 'Invalid URL "example.com" in "Buttons → button 1 → URL"'],
		[withButton({ type: 'PHONE_NUMBER', text: 'Call', phoneNumber: '' }), '"Buttons → button 1 → Phone Number" is empty'],
		[withButton({ type: 'PHONE_NUMBER', text: 'Call', phoneNumber: '0711000001' }), 'Invalid phone number "0711000001" in "Buttons → button 1 → Phone Number"'],
		[withButton({ type: 'QUICK_REPLY', text: '' }), '"Buttons → button 1 → Text" is empty'],
		[withButton({ type: 'FLOW', text: 'Book', flowId: '' }), '"Buttons → button 1 → Flow ID" is empty'],
		[withButton({ type: 'COPY_CODE' }), '"Buttons → button 1 → Code Example" is empty'],
	])('refuses %j', (bad, message) => {
		expect(() => waCreateTemplate.templateBody(bad, refuse)).toThrow(message);
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
		expect(subtitle('whatsapp', 'createTemplate')).toBe('WhatsApp: Create Template');
		expect(subtitle('chat', 'updateConsent')).toBe('Chat: Update Consent');
		const actions = [checkSimSwap, waSendMessage, waCreateTemplate, chatSendMessage, updateConsent].map((op) => op.option.action);
		expect(actions).toEqual(['Check whether a SIM was swapped', 'Send a WhatsApp message', 'Create a WhatsApp template', 'Send a chat message', 'Update a customer consent']);
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
