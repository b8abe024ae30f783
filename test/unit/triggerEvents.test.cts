import { EVENTS, eventOutput, readCallback, rejectionReason, type EventName, type EventSpec } from '../../nodes/AfricasTalkingTrigger/events';
import { invalidAllowlistEntries, ipAllowed, protectionProblem, protectionRefusal, tokenReadings, webhookRefusal } from '../../nodes/AfricasTalkingTrigger/protection';
import type { IWebhookFunctions } from 'n8n-workflow';
import { AfricasTalkingTrigger } from '../../nodes/AfricasTalkingTrigger/AfricasTalkingTrigger.node';
import { ruleValidation, fixedVoiceAnswer } from '../../nodes/AfricasTalkingTrigger/answers';

describe('trigger events', () => {
	it('turns a delivery report into clean fields, with descriptions and the raw body', () => {
		const raw = { id: 'ATXid_1', status: 'Failed', phoneNumber: '+254711000001', networkCode: '63902', failureReason: 'UserInBlackList', retryCount: '2' };
		expect(eventOutput('deliveryReport', raw)).toEqual({
			event: 'deliveryReport', dedupeKey: 'dlr:ATXid_1:Failed', messageId: 'ATXid_1', status: 'Failed', statusDescription: 'Could not be delivered',
			delivered: false, phoneNumber: '+254711000001', networkCode: '63902', network: 'Safaricom', failureReason: 'UserInBlackList',
			failureReasonDescription: 'The subscriber opted out of messages from this sender', retryCount: 2, final: true, retryable: false, raw,
		});
	});

	it.each([
		['Success', undefined, true, false],
		['Failed', 'DeliveryFailure', true, true],
		['AbsentSubscriber', undefined, true, true],
		['Failed', 'AbsentSubscriber', true, true],
		['Expired', undefined, true, true],
		['Failed', 'UserInBlackList', true, false],
		['Failed', 'DoNotDisturbRejection', true, false],
		['Rejected', 'UserDoesNotExist', true, false],
		['Failed', undefined, true, false],
		['Sent', undefined, false, false],
		['Buffered', undefined, false, false],
		['Teleported', 'Cosmic', false, false],
		['absentsubscriber', undefined, true, true],
		['failed', 'userinblacklist', true, false],
	])('a delivery report with status %s and failure reason %s is final: %s, worth resending: %s', (status, failureReason, final, retryable) => {
		const raw = { id: 'ATXid_1', status, phoneNumber: '+254711000001', ...(failureReason ? { failureReason } : {}) };
		expect(eventOutput('deliveryReport', raw)).toMatchObject({ final, retryable });
	});

	it('normalises the subscription update type and voice numbers and booleans', () => {
		expect(eventOutput('subscriptionUpdate', { phoneNumber: '+254711000001', shortCode: '20880', keyword: 'NEWS', updateType: 'Addition ' })).toMatchObject({ updateType: 'addition', subscribed: true });
		const call = eventOutput('voiceCall', { sessionId: 'S1', isActive: '0', durationInSeconds: '17', amount: '0.40', hangupCause: 'NORMAL_CLEARING' });
		expect(call).toMatchObject({ isActive: false, durationInSeconds: 17, amount: 0.4, hangupCauseDescription: 'The call ended normally' });
	});

	it('splits USSD input', () => {
		expect(eventOutput('ussd', { sessionId: 'S', serviceCode: '*384#', phoneNumber: '+254711000001', text: '1*2' })).toMatchObject({ inputs: ['1', '2'], lastInput: '2', level: 2 });
		expect(eventOutput('ussd', { sessionId: 'S', serviceCode: '*384#', phoneNumber: '+254711000001', text: '' })).toMatchObject({ inputs: [], lastInput: '', level: 0 });
	});

	it('gives each step of a USSD session its own dedupe key, and a repeat of a step the same one', () => {
		const step = (text: string) => eventOutput('ussd', { sessionId: 'S', serviceCode: '*384#', phoneNumber: '+254711000001', text }).dedupeKey;
		expect(step('')).toBe('ussd:S:');
		expect(step('1*2')).toBe('ussd:S:1*2');
		expect(step('1*2')).toBe(step('1*2'));
		expect(new Set([step(''), step('1'), step('1*2')]).size).toBe(3);
	});

	it('refuses what is not the event', () => {
		expect(rejectionReason(EVENTS.ussd, 'form', { sessionId: 'S', phoneNumber: '+1' })).toBe('Missing serviceCode, text for the USSD Session event');
		expect(rejectionReason(EVENTS.paymentNotification, 'form', {})).toBe('Expected application/json');
		expect(rejectionReason(EVENTS.airtimeStatus, 'form', { requestId: 'r', status: 'Success', phoneNumber: '+1' })).toBeUndefined();
		expect(rejectionReason(EVENTS.airtimeStatus, 'json', { requestId: 'r', status: 'Success', phoneNumber: '+1' })).toBeUndefined();
		expect(rejectionReason(EVENTS.incomingSms, 'form', { id: { a: 1 }, from: 'x', to: 'y', date: 'd', text: '' })).toBe('Unexpected value for id: expected text or a number');
	});
});

/** A valid body of each event, as AT sends it. */
const VALID: Record<EventName, Record<string, unknown>> = {
	incomingSms: { id: 'ATSid_1', from: '+254711000111', to: '20880', date: '2026-11-23 10:30:00', text: 'Hi', linkId: 'L1', networkCode: '63902', cost: 'KES 0' },
	deliveryReport: { id: 'ATXid_1', status: 'Failed', phoneNumber: '+254711000222', networkCode: '63903', failureReason: 'DeliveryFailure', retryCount: '1' },
	bulkSmsOptOut: { senderId: 'MyBrand', phoneNumber: '+254711000333' },
	subscriptionUpdate: { phoneNumber: '+254711000444', shortCode: '20880', keyword: 'NEWS', updateType: 'Addition' },
	voiceCall: { sessionId: 'ATVId_1', isActive: '1', direction: 'Inbound', callerNumber: '+254711000555', dtmfDigits: '1', hangupCause: 'NORMAL_CLEARING' },
	voiceEvent: { sessionId: 'ATVId_1', isActive: '0', durationInSeconds: '42', amount: '1.50', status: 'Success', hangupCause: 'NORMAL_CLEARING' },
	ussd: { sessionId: 'ATUid_1', serviceCode: '*384#', phoneNumber: '+254711000666', networkCode: '63902', text: '1*2' },
	airtimeStatus: { requestId: 'ATQid_1', status: 'Success', phoneNumber: '+254711000777', description: 'Delivered', value: 'KES 10.0000', discount: 'KES 0.4' },
	airtimeValidation: { transactionId: 'ATPid_v1', phoneNumber: '+254711000888', sourceIpAddress: '1.2.3.4', currencyCode: 'KES', amount: 500 },
	paymentNotification: {
		transactionId: 'ATPid_n1', category: 'MobileCheckout', provider: 'Mpesa', status: 'Success', description: 'Received', value: 'KES 100.0000',
		requestMetadata: { orderId: '42' }, providerMetadata: {}, transactionDate: '2026-11-23T10:30:00.000Z',
	},
	paymentValidation: { transactionId: 'ATPid_pv1', phoneNumber: '+254711001000', currencyCode: 'TZS', amount: 8909.77, provider: 'Mpesa', metadata: {} },
	simSwapResult: { requestId: 'ATSwpId_1', status: 'NotSwapped', lastSimSwapDate: '01-01-1900', transactionId: 'tx-1', providerRefId: 'ref-1' },
	// Any JSON object: AT documents no fields for WhatsApp and Chat callbacks.
	chatCallback: { type: 'message', from: '+254711000999', message: { text: 'Hi', id: { toString: 1 } } },
};
const EVENT_NAMES = Object.keys(VALID) as EventName[];
const contentOf = (event: EventName) => EVENTS[event].accepts[0];
/** Every field of the event's valid body that holds text or a number (required and optional). */
const scalarFields = (event: EventName) => EVENT_NAMES.includes(event) ? Object.keys(VALID[event]).filter((k) => typeof VALID[event][k] !== 'object') : [];
/** Events whose fields the trigger reads (an event passed on as received reads none). */
const READ_EVENTS = EVENT_NAMES.filter((event) => !(EVENTS[event] as EventSpec).asReceived);
const cases = READ_EVENTS.flatMap((event) => scalarFields(event).map((field) => [event, field] as const));

describe('hostile callback bodies (issue 10)', () => {
	it.each(READ_EVENTS)('%s: the valid body is read', (event) => {
		expect(readCallback(event, contentOf(event), VALID[event])).toEqual({ output: expect.objectContaining({ event }) });
	});

	it('chatCallback: the body is passed on exactly as received, objects included; only JSON objects no deeper than the limit are taken', () => {
		expect(readCallback('chatCallback', 'json', VALID.chatCallback)).toEqual({ output: VALID.chatCallback });
		expect(readCallback('chatCallback', 'json', {})).toEqual({ output: {} });
		expect(readCallback('chatCallback', 'form', { a: '1' })).toEqual({ reason: 'Expected application/json' });
		expect(readCallback('chatCallback', 'json', ['a'])).toEqual({ reason: 'Expected an object body' });
		expect(readCallback('chatCallback', 'json', { deep: JSON.parse(`${'['.repeat(40)}${']'.repeat(40)}`) })).toEqual({ reason: 'The body is nested more than 32 levels deep' });
	});

	it.each(cases)('%s: an object with its own toString/valueOf in %s is refused naming the field, not converted', (event, field) => {
		const body = { ...VALID[event], [field]: JSON.parse('{"toString":1,"valueOf":2}') };
		expect(readCallback(event, contentOf(event), body)).toEqual({ reason: `Unexpected value for ${field}: expected text or a number` });
	});

	it.each(cases)('%s: an array in %s is refused naming the field', (event, field) => {
		expect(readCallback(event, contentOf(event), { ...VALID[event], [field]: ['a', 'b'] })).toEqual({ reason: `Unexpected value for ${field}: expected text or a number` });
	});

	it('refuses the independent fuzz\'s Payment Validation body', () => {
		const body = JSON.parse('{"transactionId":{"toString":1,"valueOf":2},"phoneNumber":"+254711000000","currencyCode":"TZS","amount":8909.77}');
		expect(readCallback('paymentValidation', 'json', body)).toEqual({ reason: 'Unexpected value for transactionId: expected text or a number' });
	});

	it.each([
		['paymentValidation', 'transactionId'],
		['airtimeStatus', 'description'],
		['paymentNotification', 'requestMetadata'],
	] as const)('%s: 20,000 nested arrays in %s are refused, without walking them recursively', (event, field) => {
		const deep = JSON.parse(`${'['.repeat(20000)}${']'.repeat(20000)}`);
		expect(readCallback(event, 'json', { ...VALID[event], [field]: deep })).toEqual({ reason: 'The body is nested more than 32 levels deep' });
	});

	it('keeps metadata objects as they are, up to the depth limit', () => {
		const metadata = { orderId: '42', customer: { tags: ['a', { b: 1 }] } };
		expect(readCallback('paymentNotification', 'json', { ...VALID.paymentNotification, requestMetadata: metadata })).toEqual({ output: expect.objectContaining({ requestMetadata: metadata }) });
	});

	it('describes only real codes: "constructor" or "__proto__" as a network code is no description', () => {
		for (const code of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
			const output = eventOutput('incomingSms', { ...VALID.incomingSms, networkCode: code });
			expect(output.network).toBeUndefined();
			expect(output.networkCode).toBe(code);
		}
	});
});

describe('trigger protection', () => {
	const BASE64_SECRET = 'q8K+tZ/3vW9xLr2==';
	const WEIRD_SECRET = 'a+b/c=d&e%f g#h?i';

	it('reads the token as pasted: percent-encoded, or with + / = as they are', () => {
		expect(tokenReadings(`/webhook/x/webhook?token=${encodeURIComponent(BASE64_SECRET)}`)).toEqual([BASE64_SECRET]);
		expect(tokenReadings(`/webhook/x/webhook?token=${BASE64_SECRET}`)).toEqual([BASE64_SECRET, 'q8K tZ/3vW9xLr2==']);
		expect(tokenReadings(`/webhook/x/webhook?a=1&token=${encodeURIComponent(WEIRD_SECRET)}&b=2`)).toContain(WEIRD_SECRET);
		expect(tokenReadings(`/webhook/x/webhook?token=${new URLSearchParams({ t: WEIRD_SECRET }).toString().slice(2)}`)).toContain(WEIRD_SECRET);
	});

	it('reads no token when it is absent, repeated or not decodable', () => {
		expect(tokenReadings('/webhook/x/webhook')).toEqual([]);
		expect(tokenReadings('/webhook/x/webhook?tokens=abc')).toEqual([]);
		expect(tokenReadings('/webhook/x/webhook?token=a&token=b')).toEqual([]);
		expect(tokenReadings('/webhook/x/webhook?token=%E0%A4%A')).toEqual([]);
		expect(tokenReadings('/webhook/x/webhook?token[]=a')).toEqual([]);
	});

	it.each([BASE64_SECRET, WEIRD_SECRET, 'plain-hex-0123456789abcdef', '%41%42 raw percent'])('accepts the right token and only it: %s', (secret) => {
		const at = (query: string) => protectionRefusal({ secretToken: secret }, { url: `/webhook/x/webhook?${query}`, ip: '127.0.0.1' });
		expect(at(`token=${encodeURIComponent(secret)}`)).toBeUndefined();
		expect(at(`x=1&token=${encodeURIComponent(secret)}#frag`)).toBeUndefined();
		expect(at(new URLSearchParams({ token: secret }).toString())).toBeUndefined();
		expect(at('')).toEqual({ status: 401, reason: 'Unauthorized' });
		expect(at(`token=${encodeURIComponent(secret.slice(0, -1))}`)).toEqual({ status: 401, reason: 'Unauthorized' });
		if (encodeURIComponent(secret) !== secret) expect(at(`token=${encodeURIComponent(encodeURIComponent(secret))}`)).toEqual({ status: 401, reason: 'Unauthorized' });
		expect(at(`token=${encodeURIComponent(secret)}&token=${encodeURIComponent(secret)}`)).toEqual({ status: 401, reason: 'Unauthorized' });
	});

	it('checks the allowlist after the token, and nothing when the credential is empty', () => {
		expect(protectionRefusal({ ipAllowlist: '192.0.2.0/24' }, { url: '/w', ip: '::ffff:192.0.2.9' })).toBeUndefined();
		expect(protectionRefusal({ ipAllowlist: '192.0.2.0/24' }, { url: '/w', ip: '198.51.100.1' })).toEqual({ status: 403, reason: 'Forbidden' });
		expect(protectionRefusal({ secretToken: BASE64_SECRET, ipAllowlist: '192.0.2.0/24' }, { url: '/w', ip: '198.51.100.1' })).toEqual({ status: 401, reason: 'Unauthorized' });
		expect(protectionRefusal({ secretToken: '', ipAllowlist: '' }, { url: '/w', ip: '198.51.100.1' })).toBeUndefined();
	});

	it("checks the credential's values for its Test button, never repeating the secret", async () => {
		expect(protectionProblem({})).toMatch(/Set a Secret Token, an IP Allowlist or both/);
		expect(protectionProblem({ secretToken: 'short+/=' })).toMatch(/too short/);
		expect(protectionProblem({ secretToken: 'short+/=' })).not.toContain('short+/=');
		expect(protectionProblem({ secretToken: ` ${BASE64_SECRET}` })).toMatch(/starts or ends with a space/);
		expect(protectionProblem({ ipAllowlist: '192.0.2.0/24, 300.1.1.1, 10.0.0.0/33, 2001:db8::1, example.com' })).toBe(
			'IP Allowlist: 300.1.1.1, 10.0.0.0/33, example.com is not an address or an IPv4 range such as 192.0.2.0/24',
		);
		expect(protectionProblem({ secretToken: BASE64_SECRET, ipAllowlist: '192.0.2.0/24 198.51.100.7' })).toBeUndefined();
		expect(invalidAllowlistEntries('192.0.2.1/24/1')).toEqual(['192.0.2.1/24/1']);
		const check = new AfricasTalkingTrigger().methods.credentialTest.africasTalkingWebhookCheck;
		const test = (data: Record<string, string>) => check.call({} as never, { id: '1', name: 'c', type: 'africasTalkingWebhookApi', data });
		expect(await test({ secretToken: BASE64_SECRET })).toEqual({ status: 'OK', message: 'The protection settings are valid' });
		expect(await test({ secretToken: 'tiny' })).toMatchObject({ status: 'Error' });
	});

	it('uses the credential only when the trigger has one, and refuses everything when it cannot be read', async () => {
		const context = (credentials: object | undefined, read: () => Promise<object>, url = '/webhook/x/webhook') =>
			({
				getNode: () => ({ credentials }),
				getCredentials: read,
				getRequestObject: () => ({ originalUrl: url, ip: '127.0.0.1' }),
			}) as unknown as IWebhookFunctions;
		const never = async () => {
			throw new Error('not called');
		};
		const chosen = { africasTalkingWebhookApi: { id: '1', name: 'AT webhook' } };
		expect(await webhookRefusal.call(context(undefined, never))).toBeUndefined();
		expect(await webhookRefusal.call(context(chosen, never))).toEqual({ status: 500, reason: "The trigger's Africa's Talking Webhook credential could not be read" });
		const stored = async () => ({ secretToken: BASE64_SECRET });
		expect(await webhookRefusal.call(context(chosen, stored))).toEqual({ status: 401, reason: 'Unauthorized' });
		expect(await webhookRefusal.call(context(chosen, stored, `/webhook/x/webhook?token=${BASE64_SECRET}`))).toBeUndefined();
	});

	it('declares the credential as optional and tested by the trigger', () => {
		expect(new AfricasTalkingTrigger().description.credentials).toEqual([{ name: 'africasTalkingWebhookApi', required: false, testedBy: 'africasTalkingWebhookCheck' }]);
		const names = new AfricasTalkingTrigger().description.properties.map((p) => p.name);
		expect(names).not.toContain('options');
	});

	it('matches addresses and IPv4 ranges', () => {
		expect(ipAllowed('::ffff:127.0.0.1', '127.0.0.1')).toBe(true);
		expect(ipAllowed('196.201.214.7', '10.0.0.0/8, 196.201.214.0/24')).toBe(true);
		expect(ipAllowed('196.201.215.7', '196.201.214.0/24')).toBe(false);
		expect(ipAllowed('1.2.3.4', '0.0.0.0/0')).toBe(true);
		expect(ipAllowed('192.0.2.1', '192.0.2.1/24/1, nonsense')).toBe(false);
	});
});

describe('trigger answers', () => {
	it('validates by rule', () => {
		const rule = { validationAnswer: 'rule', maxAmount: 100, currencies: 'kes' };
		expect(ruleValidation(rule, { amount: 50, currencyCode: 'KES' })).toBe('Validated');
		expect(ruleValidation(rule, { amount: 150, currencyCode: 'KES' })).toBe('Failed');
		expect(ruleValidation(rule, { amount: 50, currencyCode: 'UGX' })).toBe('Failed');
		expect(ruleValidation({ validationAnswer: 'acceptAll' }, {})).toBe('Validated');
	});

	it('builds the fixed menu', () => {
		expect(fixedVoiceAnswer({ voiceAnswer: 'menu', voiceText: 'Press 1', menuDigits: 1, menuTimeout: 10, menuFinishOnKey: '#', menuNoInputText: 'Bye' })).toBe(
			'<?xml version="1.0" encoding="UTF-8"?><Response><GetDigits numDigits="1" timeout="10" finishOnKey="#"><Say>Press 1</Say></GetDigits><Say>Bye</Say></Response>',
		);
	});
});
