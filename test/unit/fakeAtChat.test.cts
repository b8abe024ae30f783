// The fake's Chat routes: they must reject what AT's (unreleased) Chat SDK rejects.
import { chatPost, useFake } from './fakeAtClient.cjs';

const holder = useFake();
const chat = (path: string, body: Record<string, unknown>) => chatPost(holder.fake.port, path, body);

describe('fake AT: Chat', () => {
	it('sends chat messages, checks the location and records consent', async () => {
		const base = { productId: 'p', channel: 'WhatsApp', channelNumber: '+254711082000', customerNumber: '+254711000001' };
		expect((await chat('/message/send', { ...base, body: { type: 'Location', latitude: -1.2 } })).status).toBe(400);
		expect((await chat('/message/send', { ...base, channel: 'Signal', body: { type: 'Text', text: 'x' } })).data.statusCode).toBe(400);
		expect((await chat('/message/send', { ...base, body: { type: 'Text', text: 'Hi' } })).data).toMatchObject({ statusCode: 200, status: 'Sent' });
		expect((await chat('/chat/consent', { ...base, action: 'OptOut' })).data.status).toBe('OptOutRequestSent');
		expect((await chat('/message/send', { ...base, body: { type: 'Text', text: 'Hi' } })).data).toMatchObject({ statusCode: 403 });
		expect((await chat('/chat/consent', { ...base, action: 'Maybe' })).status).toBe(400);
	});
});
