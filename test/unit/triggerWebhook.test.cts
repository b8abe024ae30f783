import type { IDataObject, INodeParameters, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { AfricasTalkingTrigger } from '../../nodes/AfricasTalkingTrigger/AfricasTalkingTrigger.node';
import { DYNAMIC_FIELDS } from '../../nodes/AfricasTalkingTrigger/webhookDescription';

/**
 * When the trigger answers a callback itself (OK, a fixed Voice answer, a validation rule), n8n
 * must send that answer, not the trigger: n8n 2.x sends an on-received answer only once it has
 * stored the execution, so a callback that n8n could not store (e.g. SQLite busy in a burst) is
 * answered with an error and Africa's Talking retries it. Sent by the trigger, the OK went out
 * first and such a callback was lost (measured: 713 of 2,000 delivery reports on n8n 2.41.1).
 */
const trigger = new AfricasTalkingTrigger();

function call(parameters: INodeParameters, body: IDataObject, requestType = 'application/x-www-form-urlencoded') {
	const sent: Array<{ status?: number; type?: string; body?: unknown }> = [];
	const headers: Record<string, string> = {};
	const res = {
		status(code: number) {
			sent.push({ status: code });
			return res;
		},
		type(value: string) {
			headers['content-type'] = value;
			return res;
		},
		send(value: unknown) {
			sent.push({ body: value });
			return res;
		},
	};
	const ctx = {
		getWebhookName: () => 'default',
		getNode: () => ({ name: 'AT Trigger', type: 'n8n-nodes-africastalking.africasTalkingTrigger', typeVersion: 2, parameters }),
		getNodeParameter: (name: string, fallback?: unknown) => (name in parameters ? parameters[name] : fallback),
		getRequestObject: () => ({ headers: { 'content-type': requestType }, url: '/webhook/x/webhook', query: {} }),
		getResponseObject: () => res,
		getBodyData: () => body,
		getChildNodes: () => [],
	} as unknown as IWebhookFunctions;
	return { run: () => trigger.webhook.call(ctx) as Promise<IWebhookResponseData>, sent, headers };
}

const DELIVERY = { id: 'ATXid_1', status: 'Success', phoneNumber: '+254711000001', networkCode: '63902', retryCount: '0' };
const VOICE = { sessionId: 'ATVId_1', isActive: '1', direction: 'Inbound', callerNumber: '+254711000001', destinationNumber: '+254711082000' };
const VALIDATION = { transactionId: 'ATPid_1', phoneNumber: '+254711000001', amount: '100', currencyCode: 'KES', provider: 'Mpesa', productName: 'Shop', sourceType: 'PhoneNumber', source: '+254711000001', destinationType: 'Wallet', destination: 'Shop', clientAccount: 'A1', metadata: {} };

describe('answers the trigger gives itself are sent by n8n, after it stored the execution', () => {
	it.each([
		['a delivery report: OK', { event: 'deliveryReport' }, DELIVERY, 'OK', 'text/plain'],
		['a voice call it answers itself', { event: 'voiceCall', voiceAnswer: 'say', voiceText: 'Hello' }, VOICE, '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Hello</Say></Response>', 'application/xml'],
		["a voice call's final request", { event: 'voiceCall', voiceAnswer: 'say', voiceText: 'Hello' }, { ...VOICE, isActive: '0' }, '', 'text/plain'],
		['a payment validation by rule', { event: 'paymentValidation', validationAnswer: 'acceptAll' }, VALIDATION, '{"status":"Validated"}', 'application/json'],
	])('%s', async (what, parameters, body, answer, contentType) => {
		const { run, sent, headers } = call(parameters, body, /validation/.test(what) ? 'application/json' : undefined);
		const result = await run();
		expect(sent).toEqual([]);
		expect(result.noWebhookResponse).toBeUndefined();
		expect(result.webhookResponse).toBe(answer);
		expect(headers['content-type']).toBe(contentType);
		expect(result.workflowData?.[0]?.[0]?.json).toMatchObject({ event: parameters.event });
		// n8n sends webhookResponse in its on-received mode only when responseData is empty.
		expect(DYNAMIC_FIELDS.responseMode.resolve(parameters)).toBe('onReceived');
		expect(DYNAMIC_FIELDS.responseData.resolve(parameters)).toBe('');
	});

	it('keeps answering at once itself where the workflow answers otherwise (last node)', async () => {
		const parameters = { event: 'voiceCall', voiceAnswer: 'workflow' };
		const { run, sent } = call(parameters, { ...VOICE, isActive: '0' });
		const result = await run();
		expect(sent).toEqual([{ status: 200 }, { body: '' }]);
		expect(result.noWebhookResponse).toBe(true);
		expect(DYNAMIC_FIELDS.responseMode.resolve(parameters)).toBe('lastNode');
		expect(DYNAMIC_FIELDS.responseData.resolve(parameters)).toBe('firstEntryJson');
	});
});

describe("TalkNTalk's trigger: an accepted event is acknowledged by n8n, after it stored the execution", () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { TalkNTalkTrigger } = require('../../packages/talkntalk/nodes/TalkNTalkTrigger/TalkNTalkTrigger.node');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { eventBody } = require('../fake-tnt/webhooks');
	const tntTrigger = new TalkNTalkTrigger();

	function post(events: string[], body: IDataObject) {
		const sent: unknown[] = [];
		const res = {
			status: (code: number) => (sent.push({ status: code }), res),
			json: (value: unknown) => (sent.push({ json: value }), res),
		};
		const ctx = {
			getWebhookName: () => 'default',
			getNode: () => ({ name: 'TalkNTalk Trigger', parameters: { events } }),
			getNodeParameter: (name: string, fallback?: unknown) => (name === 'events' ? events : fallback),
			getRequestObject: () => ({ headers: { 'content-type': 'application/json', 'x-talkntalk-event': body.event }, rawBody: Buffer.from(JSON.stringify(body)) }),
			getResponseObject: () => res,
			getBodyData: () => body,
		} as unknown as IWebhookFunctions;
		return { run: () => tntTrigger.webhook.call(ctx) as Promise<IWebhookResponseData>, sent };
	}

	it('returns { received: true } for n8n to send, with the event to run', async () => {
		const { run, sent } = post(['sms.delivered'], eventBody('sms.delivered'));
		const result = await run();
		expect(sent).toEqual([]);
		expect(result).toMatchObject({ webhookResponse: { received: true }, workflowData: [[{ json: expect.objectContaining({ event: 'sms.delivered' }) }]] });
		expect(result.noWebhookResponse).toBeUndefined();
		// n8n sends webhookResponse in on-received mode only when responseData is empty.
		expect(tntTrigger.description.webhooks.find((w: { name: string }) => w.name === 'default').responseData).toBe('');
	});

	it('still answers an event the trigger does not want itself: nothing runs, nothing to store', async () => {
		const { run, sent } = post(['sms.failed'], eventBody('sms.delivered'));
		const result = await run();
		expect(sent).toEqual([{ status: 200 }, { json: { received: true, ignored: 'sms.delivered is not selected in this trigger' } }]);
		expect(result).toEqual({ noWebhookResponse: true });
	});
});
