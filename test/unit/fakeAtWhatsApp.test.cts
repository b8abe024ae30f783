// The fake's WhatsApp routes: they must reject what AT (and AT's SDK) rejects.
import { SANDBOX, chatPost, useFake } from './fakeAtClient.cjs';

const holder = useFake();
const chat = (path: string, body: Record<string, unknown>, account?: typeof SANDBOX) => chatPost(holder.fake.port, path, body, account);

describe('fake AT: WhatsApp', () => {
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
});
