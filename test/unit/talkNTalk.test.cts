import * as crypto from 'crypto';
import { NodeApiError, NodeOperationError, type IDataObject, type IExecuteSingleFunctions, type IN8nHttpFullResponse } from 'n8n-workflow';
import { throwOnHttpError, reasonOf } from '../../packages/talkntalk/nodes/TalkNTalk/shared/errors';
import { kenyanMobile, kenyanMobiles } from '../../packages/talkntalk/nodes/TalkNTalk/shared/mobile';
import { description as messageGetAll } from '../../packages/talkntalk/nodes/TalkNTalk/resources/message/getAll';
import { parseCallback } from '../../packages/talkntalk/nodes/TalkNTalkTrigger/events';
import { nestedDeeperThan as deeperThan } from '../../nodes/common/untrustedInput';
import { validSignature } from '../../packages/talkntalk/nodes/TalkNTalkTrigger/signature';
import { NODE } from './context.cjs';

// The real crypto, with timingSafeEqual observable: the signature check must go through it.
jest.mock('crypto', () => {
	const actual = jest.requireActual('crypto');
	return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});

const API_KEY = 'tk_live_unit0123456789abcdef0123456789';
const context = () =>
	({ getCredentials: async () => ({ apiKey: API_KEY }), getNode: () => NODE, getItemIndex: () => 2, continueOnFail: () => false }) as unknown as IExecuteSingleFunctions;
const response = (statusCode: number, body: unknown, headers = {}): IN8nHttpFullResponse => ({ statusCode, body: body as IN8nHttpFullResponse['body'], headers });

async function caught(promise: Promise<unknown>): Promise<NodeApiError> {
	try {
		await promise;
	} catch (error) {
		return error as NodeApiError;
	}
	throw new Error('expected an error');
}

describe('Kenyan mobile numbers', () => {
	it.each([
		['+254712345678', '254712345678'],
		['254712345678', '254712345678'],
		['0712345678', '254712345678'],
		['0712 345 678', '254712345678'],
		['+254-712-345-678', '254712345678'],
		['0110123456', '254110123456'],
		[254712345678, '254712345678'],
	])('%s → %s', (given, sent) => {
		expect(kenyanMobile(NODE, given, 'Mobile', 0)).toBe(sent);
	});

	it.each(['712345678', '+256712345678', '07123456789', '0812345678', 'phone', '', '2547123456x8'])('refuses %p naming field, value and item', (given) => {
		expect(() => kenyanMobile(NODE, given, 'Mobile', 3)).toThrow(new NodeOperationError(NODE, `Invalid phone number "${given}" in "Mobile" (item 4)`));
	});

	it('refuses an object without calling its toString', () => {
		expect(() => kenyanMobile(NODE, { toString: 1 }, 'Mobile', 0)).toThrow('Invalid phone number "{"toString":1}" in "Mobile" (item 1)');
	});

	it('filters Get Many messages by a whole number written as Send takes it (one Kenyan rule), and by part of a number as its digits', async () => {
		const filters = messageGetAll.find((property) => property.name === 'filters') as unknown as { options: Array<{ name: string; routing: { send: { preSend: Array<(this: unknown, options: IDataObject) => Promise<IDataObject>> } } }> };
		const [mobileFilter] = filters.options.find((option) => option.name === 'mobile')!.routing.send.preSend;
		const filtered = async (mobile: string) => ((await mobileFilter.call({}, { qs: { mobile } })).qs as IDataObject).mobile;
		for (const whole of ['+254712345678', '254712345678', '0712345678', '0712 345 678', '+254-712-345-678', '0110123456']) {
			expect([whole, await filtered(whole)]).toEqual([whole, kenyanMobile(NODE, whole, 'Mobile', 0)]);
		}
		for (const [part, sent] of [['254712', '254712'], ['+2547', '2547'], ['0712', '0712'], ['712 345', '712345']]) expect([part, await filtered(part)]).toEqual([part, sent]);
	});

	it('splits lists on commas and new lines (or spaces between whole numbers), normalises and drops repeats', () => {
		expect(kenyanMobiles(NODE, '0712345678, +254712345678\n0722 000 111;254733000222 0744000333', 'Recipients', 0)).toEqual([
			'254712345678', '254722000111', '254733000222', '254744000333',
		]);
		expect(kenyanMobiles(NODE, ['0712345678', ['254722000111']], 'Recipients', 0)).toEqual(['254712345678', '254722000111']);
		expect(() => kenyanMobiles(NODE, ' , ', 'Recipients', 0)).toThrow('"Recipients" is empty (item 1)');
		expect(() => kenyanMobiles(NODE, '0712345678, 12345', 'Recipients', 1)).toThrow('Invalid phone number "12345" in "Recipients" (item 2)');
	});
});

describe('TalkNTalk HTTP errors', () => {
	it('passes 2xx answers through', async () => {
		const items = [{ json: {} }];
		await expect(throwOnHttpError.call(context(), items, response(207, {}))).resolves.toBe(items);
	});

	it('carries TalkNTalk\'s detail, what to check, its code and the item', async () => {
		const error = await caught(throwOnHttpError.call(context(), [], response(402, { detail: 'Insufficient balance. Required KES 1.00, available KES 0.00.' })));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('TalkNTalk refused the request: Insufficient balance. Required KES 1.00, available KES 0.00.');
		expect(error.description).toMatch(/Top up/);
		expect([error.httpCode, error.context.code, error.context.itemIndex]).toEqual(['402', 'insufficient_balance', 2]);
	});

	it('says to check the key on 401 and to slow down on 429, with Retry-After for the campaign core', async () => {
		const auth = await caught(throwOnHttpError.call(context(), [], response(401, { detail: 'Invalid or revoked API key.' })));
		expect(auth.message).toBe('TalkNTalk rejected the API key: Invalid or revoked API key.');
		expect(auth.description).toMatch(/API key/);
		const slow = await caught(throwOnHttpError.call(context(), [], response(429, { detail: 'Request was throttled. Expected available in 42 seconds.' }, { 'retry-after': '42' })));
		expect(slow.description).toMatch(/60\/min for bulk/);
		expect(slow.context).toMatchObject({ retryAfterMs: 42000, code: 'throttled' });
	});

	it('reads DRF field errors and codes', () => {
		expect(reasonOf({ mobile: ['This field is required.'], message: ['This field may not be blank.'] })).toBe('mobile: This field is required.; message: This field may not be blank.');
		expect(reasonOf({ non_field_errors: ['Invalid data.'] })).toBe('Invalid data.');
		expect(reasonOf({ error: 'insufficient_balance' })).toBe('insufficient_balance');
		expect(reasonOf('<html>Bad gateway</html>')).toBe('<html>Bad gateway</html>');
	});

	it('never lets the API key through, even when the answer echoes the request', async () => {
		const error = await caught(throwOnHttpError.call(context(), [], response(500, { detail: `upstream saw Authorization: Bearer ${API_KEY}` })));
		const everything = JSON.stringify({ message: error.message, description: error.description, cause: error.cause, context: error.context, stack: error.stack });
		expect(everything).not.toContain(API_KEY);
		expect(error.message).toContain('[redacted]');
	});
});

describe('TalkNTalk webhook signature', () => {
	const raw = Buffer.from('{"event":"sms.delivered","data":{"id":9041}}');
	const secret = 'whsec_+/=&% value';
	const digest = crypto.createHmac('sha256', secret).update(raw).digest();

	it.each([
		['hex', digest.toString('hex')],
		['upper-case hex', digest.toString('hex').toUpperCase()],
		['sha256=hex', `sha256=${digest.toString('hex')}`],
		['base64', digest.toString('base64')],
		['sha256=base64', ` sha256=${digest.toString('base64')} `],
		['base64url', digest.toString('base64url')],
	])('accepts %s', (_format, header) => {
		expect(validSignature(raw, header, secret)).toBe(true);
	});

	it.each([
		['a wrong digest', crypto.createHmac('sha256', 'other').update(raw).digest('hex')],
		['a digest of other bytes', crypto.createHmac('sha256', secret).update(`${raw.toString()} `).digest('hex')],
		['a truncated digest', digest.toString('hex').slice(0, 40)],
		['the secret itself', secret],
		['an empty header', ''],
		['no header', undefined],
		['two headers', [digest.toString('hex'), digest.toString('hex')]],
	])('refuses %s', (_what, header) => {
		expect(validSignature(raw, header, secret)).toBe(false);
	});

	it('refuses everything when the secret is empty (an empty HMAC key is no secret)', () => {
		expect(validSignature(raw, crypto.createHmac('sha256', '').update(raw).digest('hex'), '')).toBe(false);
	});

	it('compares the digests with timingSafeEqual', () => {
		const spy = crypto.timingSafeEqual as jest.Mock;
		spy.mockClear();
		expect(validSignature(raw, digest.toString('hex'), secret)).toBe(true);
		expect(validSignature(raw, crypto.createHmac('sha256', 'x').update(raw).digest('base64'), secret)).toBe(false);
		expect(spy).toHaveBeenCalledTimes(2);
	});
});

describe('TalkNTalk webhook bodies', () => {
	const body = {
		event: 'sms.delivered', timestamp: '2026-05-20T11:30:04+03:00',
		data: { id: 9041, mobile: '254712345678', sender_id: 'TALKNTALK', message: 'OTP', status: 'delivered', network: 'safaricom', source: 'api', created_at: 'c', updated_at: 'u' },
	};

	it('flattens the message, keeps raw, builds a dedupeKey; ids become text', () => {
		const parsed = parseCallback(body, 'sms.delivered');
		expect(parsed).toEqual({
			event: 'sms.delivered',
			output: {
				event: 'sms.delivered', timestamp: '2026-05-20T11:30:04+03:00', id: '9041', mobile: '254712345678', sender_id: 'TALKNTALK', message: 'OTP',
				status: 'delivered', network: 'safaricom', source: 'api', created_at: 'c', updated_at: 'u', raw: body, dedupeKey: 'sms.delivered:9041:u',
			},
		});
	});

	it('takes the event from the header when the body has none, and refuses a mismatch', () => {
		const { event, ...withoutEvent } = body;
		expect(parseCallback(withoutEvent, event)).toMatchObject({ event: 'sms.delivered' });
		expect(parseCallback(body, 'sms.failed')).toEqual({ reason: 'The event in the body ("sms.delivered") differs from X-TalkNTalk-Event ("sms.failed")' });
	});

	it.each([
		[[], 'The body must be a JSON object'],
		[{ ...body, event: 'sms.exploded' }, 'Unknown event "sms.exploded": expected one of sms.sent, sms.delivered, sms.failed, sms.undelivered, sms.cancelled'],
		[{ ...body, event: { toString: 1, valueOf: 2 } }, '"event" must be a string or a number'],
		[{ ...body, data: [] }, '"data" (the message) must be a JSON object'],
		[{ ...body, data: { ...body.data, id: undefined } }, '"data.id" is missing'],
		[{ ...body, data: { ...body.data, id: { toString: 1, valueOf: 2 } } }, '"data.id" must be a string or a number'],
		[{ ...body, data: { ...body.data, mobile: ['254712345678'] } }, '"data.mobile" must be a string or a number'],
		[{ ...body, data: { ...body.data, message: JSON.parse(`${'['.repeat(20)}1${']'.repeat(20)}`) } }, 'The body is nested more than 16 levels deep'],
	])('refuses %j: %s', (given, reason) => {
		expect(parseCallback(given, undefined)).toEqual({ reason });
	});

	it('bounds the depth walk without recursion (20,000 levels)', () => {
		let deep: unknown = 1;
		for (let i = 0; i < 20000; i++) deep = [deep];
		expect(deeperThan(deep, 16)).toBe(true);
		expect(deeperThan(body, 16)).toBe(false);
		expect(parseCallback({ ...body, data: { ...body.data, note: deep } }, undefined)).toEqual({ reason: 'The body is nested more than 16 levels deep' });
	});

	it('ignores __proto__ and constructor keys (they stay data)', () => {
		const hostile = JSON.parse('{"event":"sms.sent","data":{"id":"1","__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}}');
		const parsed = parseCallback(hostile, undefined) as { output: Record<string, unknown> };
		expect(parsed.output.id).toBe('1');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

describe('TalkNTalk Webhook API credential', () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { TalkNTalkTrigger } = require('../../packages/talkntalk/nodes/TalkNTalkTrigger/TalkNTalkTrigger.node');

	it('is declared optional and tested by the trigger, which checks what can be checked without TalkNTalk', async () => {
		const trigger = new TalkNTalkTrigger();
		expect(trigger.description.credentials).toEqual([{ name: 'talkNTalkWebhookApi', required: false, testedBy: 'signingSecretTest' }]);
		const test = (data: Record<string, unknown>) => trigger.methods.credentialTest.signingSecretTest.call({} as never, { id: '1', name: 'c', type: 'talkNTalkWebhookApi', data });
		expect(await test({ signingSecret: 'whsec_0123456789abcdef' })).toMatchObject({ status: 'OK' });
		expect(await test({ signingSecret: '' })).toEqual({ status: 'Error', message: 'Enter the signing secret of the endpoint' });
		expect(await test({})).toMatchObject({ status: 'Error' });
		expect(await test({ signingSecret: ' whsec_0123456789abcdef' })).toEqual({ status: 'Error', message: 'The signing secret starts or ends with a space: paste it again' });
	});
});
