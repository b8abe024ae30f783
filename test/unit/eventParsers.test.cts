import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';
import { EVENTS, readCallback, type EventName, type EventSpec } from '../../nodes/AfricasTalkingTrigger/events';
import { EVENTS as TNT_EVENTS, parseCallback } from '../../packages/talkntalk/nodes/TalkNTalkTrigger/events';

/**
 * Every trigger event parser, fed what Africa's Talking and TalkNTalk send: documented optional
 * fields dropped, numbers as strings (or strings as numbers), empty values, extra fields and
 * other casings of known words. An event is refused only when what identifies it is missing,
 * naming that field; nothing throws and no text of the output says undefined or [object Object].
 * fast-check prints the seed and the shrunk counterexample of any failure.
 */

/** Every documented field of each event, as AT sends them. */
const DOCUMENTED: Record<EventName, IDataObject> = {
	incomingSms: { id: 'ATSid_1', from: '+254711000111', to: '20880', date: '2026-11-23 10:30:00', text: 'Hi', linkId: 'L1', networkCode: '63902', cost: 'KES 0' },
	deliveryReport: { id: 'ATXid_1', status: 'Failed', phoneNumber: '+254711000222', networkCode: '63903', failureReason: 'DeliveryFailure', retryCount: '1' },
	bulkSmsOptOut: { senderId: 'MyBrand', phoneNumber: '+254711000333' },
	subscriptionUpdate: { phoneNumber: '+254711000444', shortCode: '20880', keyword: 'NEWS', updateType: 'Addition' },
	voiceCall: {
		sessionId: 'ATVId_1', isActive: '1', direction: 'Inbound', callerNumber: '+254711000555', destinationNumber: '+254711082000', callerCountryCode: '254',
		callerCarrierName: 'Safaricom', callStartTime: '2026-11-23 10:30:00', dtmfDigits: '1', recordingUrl: 'https://example.com/r.mp3',
	},
	voiceEvent: {
		sessionId: 'ATVId_1', isActive: '0', durationInSeconds: '42', currencyCode: 'KES', amount: '1.50', status: 'Success', callSessionState: 'Completed',
		hangupCause: 'NORMAL_CLEARING', dialDestinationNumber: '+254711000001', dialDurationInSeconds: '40', callTransferState: 'Completed',
	},
	ussd: { sessionId: 'ATUid_1', serviceCode: '*384#', phoneNumber: '+254711000666', networkCode: '63902', text: '1*2' },
	airtimeStatus: { requestId: 'ATQid_1', status: 'Success', phoneNumber: '+254711000777', description: 'Delivered', value: 'KES 10.0000', discount: 'KES 0.4' },
	airtimeValidation: { transactionId: 'ATPid_v1', phoneNumber: '+254711000888', sourceIpAddress: '1.2.3.4', currencyCode: 'KES', amount: 500 },
	paymentNotification: {
		transactionId: 'ATPid_n1', category: 'MobileCheckout', provider: 'Mpesa', providerRefId: 'R1', providerChannel: '525900', clientAccount: 'acc', productName: 'shop',
		sourceType: 'PhoneNumber', source: '+254711000999', destinationType: 'Wallet', destination: 'PaymentWallet', status: 'Success', description: 'Received',
		value: 'KES 100.0000', transactionFee: 'KES 1.0000', providerFee: 'KES 0.5', requestMetadata: { orderId: '42' }, providerMetadata: {}, transactionDate: '2026-11-23T10:30:00.000Z',
	},
	paymentValidation: { transactionId: 'ATPid_pv1', phoneNumber: '+254711001000', currencyCode: 'TZS', amount: 8909.77, provider: 'Mpesa', clientAccount: 'a', productName: 'p', metadata: {} },
	simSwapResult: { requestId: 'ATSwpId_1', status: 'NotSwapped', lastSimSwapDate: '01-01-1900', transactionId: 'tx-1', providerRefId: 'ref-1' },
	// AT documents no fields for it: a sample of what a chat message might hold, passed on unchanged.
	chatCallback: { channel: 'WhatsApp', customerNumber: '+254711000001', text: 'Hi' },
};

const EVENT_NAMES = Object.keys(DOCUMENTED) as EventName[];
const BAD_TEXT = /undefined|\[object Object\]|NaN/;
/** Fields holding words AT may write in another casing. */
const WORDS = ['status', 'updateType', 'hangupCause', 'failureReason', 'direction', 'callSessionState'];

/** Every string of the output but AT's raw body (passed on as sent). */
function texts(output: IDataObject): string[] {
	return Object.entries(output)
		.filter(([key]) => key !== 'raw')
		.flatMap(([, value]) => (typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []));
}

/** A variation of an event's documented body: optional fields dropped or emptied, numbers and strings swapped, casings changed, extras added. */
function variation(event: EventName) {
	const spec: EventSpec = EVENTS[event];
	const documented = DOCUMENTED[event];
	const fixed = [...spec.required, ...(spec.present ?? [])];
	const optional = Object.keys(documented).filter((key) => !fixed.includes(key));
	const change = fc.constantFrom('keep', 'drop', 'empty', 'swap', 'case');
	return fc
		.record({
			changes: fc.tuple(...Object.keys(documented).map(() => change)),
			extra: fc.dictionary(fc.constantFrom('extra', 'apiVersion', 'x', 'callerName'), fc.oneof(fc.string({ maxLength: 6 }), fc.integer()), { maxKeys: 2 }),
		})
		.map(({ changes, extra }) => {
			const body: IDataObject = { ...extra };
			Object.entries(documented).forEach(([key, value], index) => {
				const how = changes[index];
				if (optional.includes(key) && how === 'drop') return;
				if (optional.includes(key) && how === 'empty' && typeof value !== 'object') body[key] = '';
				else if (how === 'swap' && typeof value === 'string' && /^\d+(\.\d+)?$/.test(value)) body[key] = Number(value);
				else if (how === 'swap' && typeof value === 'number') body[key] = String(value);
				else if (how === 'case' && WORDS.includes(key) && typeof value === 'string') body[key] = index % 2 ? value.toLowerCase() : value.toUpperCase();
				else body[key] = value;
			});
			return body;
		});
}

describe("every Africa's Talking trigger event", () => {
	for (const event of EVENT_NAMES) {
		it(`${EVENTS[event].name}: accepted with only what identifies it, read as AT means it`, () => {
			fc.assert(
				fc.property(variation(event), (body) => {
					const read = readCallback(event, EVENTS[event].accepts[0], body);
					if (!('output' in read)) throw new Error(`refused: ${read.reason}`);
					// An event passed on as received holds the body as sent, extras and all.
					if ((EVENTS[event] as EventSpec).asReceived) expect(read.output).toEqual(body);
					else for (const text of texts(read.output)) expect(text).not.toMatch(BAD_TEXT);
					const status = String(body.status ?? '').toLowerCase();
					if ('delivered' in read.output) expect(read.output.delivered).toBe(status === 'success');
					if (event === 'airtimeStatus' || event === 'paymentNotification') expect(read.output.success).toBe(status === 'success');
					if (event === 'simSwapResult' && status === 'swapped') expect(read.output.swapped).toBe(true);
					if (event === 'simSwapResult' && status === 'notswapped') expect(read.output.swapped).toBe(false);
				}),
			);
		});

		if (EVENTS[event].required.length === 0) continue;
		it(`${EVENTS[event].name}: refused with a reason naming a missing identifying field, never a thrown error`, () => {
			fc.assert(
				fc.property(variation(event), fc.constantFrom(...EVENTS[event].required), fc.constantFrom(undefined, null, '', '  '), (body, field, missing) => {
					const given = { ...body, [field]: missing };
					if (missing === undefined) delete given[field];
					const read = readCallback(event, EVENTS[event].accepts[0], given);
					expect(read).toEqual({ reason: expect.stringContaining(field) });
				}),
			);
		});
	}

	it('a delivery report with its id and status and nothing else starts the workflow (issue 31)', () => {
		const read = readCallback('deliveryReport', 'form', { id: 'ATXid_1', status: 'Success' });
		expect(read).toEqual({
			output: { event: 'deliveryReport', dedupeKey: 'dlr:ATXid_1:Success', messageId: 'ATXid_1', status: 'Success', statusDescription: 'Delivered to the phone', delivered: true, retryCount: 0, final: true, retryable: false, raw: { id: 'ATXid_1', status: 'Success' } },
		});
	});
});

describe('every TalkNTalk trigger event', () => {
	const DATA: IDataObject = { id: 9041, mobile: '254712345678', sender_id: 'TALKNTALK', message: 'Hi', status: 'delivered', network: 'safaricom', source: 'api', created_at: '2026-05-20T11:30:00+03:00', updated_at: '2026-05-20T11:31:00+03:00' };
	const data = fc
		.record({ keep: fc.subarray(Object.keys(DATA).filter((key) => key !== 'id')), idAsText: fc.boolean(), empty: fc.subarray(['message', 'network', 'source']), extra: fc.dictionary(fc.constantFrom('cost', 'parts', 'campaign_id'), fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxKeys: 2 }) })
		.map(({ keep, idAsText, empty, extra }) => ({
			...extra,
			...Object.fromEntries(keep.map((key) => [key, empty.includes(key) ? '' : DATA[key]])),
			id: idAsText ? '9041' : 9041,
		}));

	it('accepts any event in any casing with only the message id, passing on what came', () => {
		fc.assert(
			fc.property(fc.constantFrom(...Object.keys(TNT_EVENTS)), fc.constantFrom('lower', 'upper', 'header'), data, (event, how, message) => {
				const body = { ...(how === 'header' ? {} : { event: how === 'upper' ? event.toUpperCase() : event }), timestamp: '2026-05-20T11:31:00+03:00', data: message };
				const parsed = parseCallback(body, how === 'header' ? event : undefined);
				if (!('output' in parsed)) throw new Error(`refused: ${parsed.reason}`);
				expect(parsed.event).toBe(event);
				expect(parsed.output.id).toBe('9041');
				for (const text of texts(parsed.output)) expect(text).not.toMatch(BAD_TEXT);
			}),
		);
	});

	it('refuses a message without its id, naming it', () => {
		fc.assert(
			fc.property(data, fc.constantFrom(undefined, null, '', '  '), (message, id) => {
				const parsed = parseCallback({ event: 'sms.sent', data: { ...message, id } }, undefined);
				expect(parsed).toEqual({ reason: expect.stringContaining('data.id') });
			}),
		);
	});
});

describe("the trigger's field table says what each event requires", () => {
	const fs = require('node:fs') as typeof import('node:fs');
	const path = require('node:path') as typeof import('node:path');
	const rows = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'trigger.md'), 'utf8').split('\n').filter((line) => line.startsWith('| '));
	it.each(EVENT_NAMES)('%s', (event) => {
		const spec: EventSpec = EVENTS[event];
		const row = rows.find((line) => line.split('|')[1].trim() === spec.name && line.split('|').length === 5);
		expect(row).toBeDefined();
		const required = [...row!.split('|')[2].matchAll(/`(\w+)`/g)].map((match) => match[1]);
		expect(required.sort()).toEqual([...spec.required, ...(spec.present ?? [])].sort());
	});
});
