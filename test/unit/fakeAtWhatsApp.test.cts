// The fake's WhatsApp routes: they must reject what AT's official Node SDK 0.8.3 rejects (its joi
// schemas, asked of the SDK itself), and take what it sends.
import { SANDBOX, chatPost, useFake } from './fakeAtClient.cjs';

const holder = useFake();
const chat = (path: string, body: Record<string, unknown>, account?: typeof SANDBOX) => chatPost(holder.fake.port, path, body, account);

const NOT_ALLOWED = '"body" does not match any of the allowed types';

describe('fake AT: WhatsApp messages', () => {
	const message = (body: Record<string, unknown>) => ({ waNumber: '+254711082000', phoneNumber: '+254711000001', body });

	it('sends a text message, and has no sandbox', async () => {
		const res = await chat('/whatsapp/message/send', message({ message: 'Hi' }));
		expect(res.data).toEqual({ messageId: 'ATXid_00000001', phoneNumber: '+254711000001', status: 'SENT' });
		expect((await chat('/whatsapp/message/send', message({ message: 'Hi' }), SANDBOX)).status).toBe(404);
	});

	it.each([
		['a list', { action: { button: 'Choose', sections: [{ title: 'A', rows: [{ id: 'a', title: 'A' }] }] }, body: { text: 'Pick' }, footer: { text: 'Acme' } }],
		['reply buttons', { action: { buttons: [{ id: 'y', title: 'Yes' }] }, body: { text: 'OK?' }, header: { text: 'Order' } }],
		['a document', { mediaType: 'Document', url: 'https://example.com/a.pdf', caption: 'Invoice' }],
		['an approved template', { templateId: 'tmpl_order_update', headerValue: 'ORD-1', bodyValues: ['Amina', 'ORD-1'] }],
		['an approved template without headerValue (the node leaves an empty one out)', { templateId: 'tmpl_payment_receipt', bodyValues: ['KES 10'] }],
	])('takes %s', async (_what, body) => {
		const res = await chat('/whatsapp/message/send', message(body));
		expect([res.status, res.data.status]).toEqual([200, 'SENT']);
	});

	it.each([
		[message({ message: 'Hi' }), '"phoneNumber" failed custom validation because Invalid country calling code', { phoneNumber: '0711000001' }],
		[message({ message: '' }), NOT_ALLOWED],
		[message({ mediaType: 'Sticker', url: 'https://example.com/s.webp' }), NOT_ALLOWED],
		[message({ mediaType: 'Image', url: 'http://example.com/a.jpg' }), NOT_ALLOWED],
		[message({ message: 'Hi', mediaType: 'Image', url: 'https://e.com/a.jpg' }), NOT_ALLOWED],
		[message({ templateId: 'tmpl_order_update', headerValue: '', bodyValues: ['Amina', 'ORD-1'] }), NOT_ALLOWED],
		[message({ action: { button: 'Choose', sections: [{ title: 'A' }] }, body: { text: 'Pick' } }), NOT_ALLOWED],
		[message({ action: { buttons: [{ id: 'y', title: 'Yes' }] }, body: { text: 'OK?' }, footer: { text: 'Acme' } }), NOT_ALLOWED],
	])('refuses what the SDK refuses %#', async (body: Record<string, unknown>, description: string, override: Record<string, unknown> = {}) => {
		const res = await chat('/whatsapp/message/send', { ...body, ...override });
		expect([res.status, res.data.description]).toEqual([400, description]);
	});

	it('refuses an unknown template, or the wrong number of body values, inside an HTTP 200 answer', async () => {
		const unknown = await chat('/whatsapp/message/send', message({ templateId: 'tmpl_nope', headerValue: 'x', bodyValues: [] }));
		expect([unknown.status, unknown.data.statusCode]).toEqual([200, 404]);
		const short = await chat('/whatsapp/message/send', message({ templateId: 'tmpl_order_update', headerValue: 'x', bodyValues: ['Amina'] }));
		expect([short.status, short.data.statusCode, short.data.description]).toEqual([200, 400, 'Template tmpl_order_update takes 2 body values, got 1']);
	});
});

describe('fake AT: WhatsApp templates', () => {
	const template = { waNumber: '+254711082000', name: 'order_update', language: 'en', category: 'UTILITY', components: { body: { type: 'BODY', text: 'Hi {{1}}', example: { body_text: ['Amina'] } } } };

	it('answers a templateId and a PENDING status, and refuses a name already taken inside an HTTP 200 answer', async () => {
		expect((await chat('/whatsapp/template/send', template)).data).toEqual({ templateId: 'ATTpl_00000001', templateStatus: 'PENDING' });
		const again = await chat('/whatsapp/template/send', template);
		expect([again.status, again.data.statusCode]).toEqual([200, 409]);
	});

	it.each([
		[{ name: 'order_update' }, "Request is missing required field 'language'"],
		[{ ...template, language: 'en_US' }, '"language" length must be 2 characters long'],
		[{ ...template, category: 'SALES' }, '"category" must be one of [MARKETING, UTILITY, AUTHENTICATION]'],
		[{ ...template, components: { ...template.components, header: { type: 'MEDIA', format: 'IMAGE' } } }, '"components.header.type" must be [HEADER]'],
		[{ ...template, components: { ...template.components, buttons: { type: 'URL', text: 'Track' } } }, '"components.buttons.type" must be [BUTTONS]'],
	])('refuses what the SDK refuses %#', async (body, description) => {
		const res = await chat('/whatsapp/template/send', { waNumber: '+254711082000', ...body });
		expect(res.status).toBe(400);
		expect(typeof res.data === 'string' ? res.data : res.data.description).toBe(description);
	});
});
