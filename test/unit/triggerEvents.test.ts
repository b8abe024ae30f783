import { EVENTS, eventOutput, rejectionReason } from '../../nodes/AfricasTalkingTrigger/events';
import { ipAllowed, sameSecret } from '../../nodes/AfricasTalkingTrigger/protection';
import { ruleValidation, fixedVoiceAnswer } from '../../nodes/AfricasTalkingTrigger/answers';

describe('trigger events', () => {
	it('turns a delivery report into clean fields, with descriptions and the raw body', () => {
		const raw = { id: 'ATXid_1', status: 'Failed', phoneNumber: '+254711000001', networkCode: '63902', failureReason: 'UserInBlackList', retryCount: '2' };
		expect(eventOutput('deliveryReport', raw)).toEqual({
			event: 'deliveryReport', dedupeKey: 'dlr:ATXid_1:Failed', messageId: 'ATXid_1', status: 'Failed', statusDescription: 'Could not be delivered',
			delivered: false, phoneNumber: '+254711000001', networkCode: '63902', network: 'Safaricom', failureReason: 'UserInBlackList',
			failureReasonDescription: 'The subscriber opted out of messages from this sender', retryCount: 2, raw,
		});
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
		expect(rejectionReason(EVENTS.incomingSms, 'form', { id: { a: 1 }, from: 'x', to: 'y', date: 'd', text: '' })).toBe('Unexpected value for id');
	});
});

describe('trigger protection', () => {
	it('compares secrets of any length', () => {
		expect(sameSecret('s3cret', 's3cret')).toBe(true);
		expect(sameSecret('s3cre', 's3cret')).toBe(false);
		expect(sameSecret(undefined, 's3cret')).toBe(false);
		expect(sameSecret(['s3cret'], 's3cret')).toBe(false);
	});

	it('matches addresses and IPv4 ranges', () => {
		expect(ipAllowed('::ffff:127.0.0.1', '127.0.0.1')).toBe(true);
		expect(ipAllowed('196.201.214.7', '10.0.0.0/8, 196.201.214.0/24')).toBe(true);
		expect(ipAllowed('196.201.215.7', '196.201.214.0/24')).toBe(false);
		expect(ipAllowed('1.2.3.4', '0.0.0.0/0')).toBe(true);
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
