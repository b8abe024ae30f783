import type { IDataObject } from 'n8n-workflow';
import { chatDescription } from '../../nodes/AfricasTalking/resources/chat';
import * as chatSendMessage from '../../nodes/AfricasTalking/resources/chat/sendMessage';
import * as updateConsent from '../../nodes/AfricasTalking/resources/chat/updateConsent';
import { CHAT_RULE } from '../../nodes/AfricasTalking/shared/chatApi';
import { judgeStatus } from '../../nodes/common/statusRule';
import { SANDBOX_CREDENTIALS } from './context.cjs';
import { receive, refuse, request } from './routingSteps.cjs';

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
			"Africa's Talking has no sandbox for Chat (item 2). Nothing was sent to Africa's Talking.",
		);
	});

	it('treats a JSON statusCode of 400 or more as a failure even with HTTP 200', async () => {
		expect(judgeStatus(CHAT_RULE, { statusCode: 200 }).verdict).toBe('success');
		expect(judgeStatus(CHAT_RULE, { statusCode: '404' })).toMatchObject({ verdict: 'failure', code: 404 });
		expect(judgeStatus(CHAT_RULE, 'Success').verdict).toBe('success');
		await expect(receive(chatSendMessage, { statusCode: 403, status: 'Failed', description: 'Customer opted out' })).rejects.toThrow(
			"Africa's Talking could not send the chat message: Customer opted out (statusCode 403)",
		);
		expect(await receive(chatSendMessage, { statusCode: 200, status: 'Sent', messageId: 'm1' })).toEqual([{ statusCode: 200, status: 'Sent', messageId: 'm1' }]);
	});
});

describe('Chat in the editor', () => {
	it('says under the Operation selector, for every Chat operation, that AT has not released this API in its SDKs', () => {
		const [selector, notice] = chatDescription;
		expect(selector.name).toBe('operation');
		expect(notice).toMatchObject({ type: 'notice', displayOptions: { show: { resource: ['chat'] } } });
		expect(notice.displayName).toMatch(/not released in its SDKs/);
	});
});
