import { parseStringPromise } from 'xml2js';
import { buildVoiceXml, escapeXml, VoiceXmlError, type VoiceAction } from '../../nodes/AfricasTalkingCommon/voiceXml';
import { ussdAnswer, USSD_FALLBACK } from '../../nodes/AfricasTalkingCommon/ussd';

async function parse(actions: VoiceAction[]) {
	const xml = buildVoiceXml(actions);
	expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?><Response>')).toBe(true);
	return (await parseStringPromise(xml, { explicitCharkey: true })).Response;
}

const HOSTILE = `Tom & Jerry <b>"quoted"</b> 'single' 🎉 ${'x'.repeat(5000)}`;

describe('Voice XML builder: every action, parsed back', () => {
	it('Say with voice and playBeep, text escaped (hostile text survives intact)', async () => {
		const response = await parse([{ action: 'say', text: HOSTILE, voice: 'woman', playBeep: true }]);
		expect(response.Say[0]._).toBe(HOSTILE);
		expect(response.Say[0].$).toEqual({ voice: 'woman', playBeep: 'true' });
	});

	it('Play', async () => {
		expect((await parse([{ action: 'play', url: 'https://example.com/a.mp3?x=1&y=2' }])).Play[0].$).toEqual({ url: 'https://example.com/a.mp3?x=1&y=2' });
	});

	it('GetDigits with a nested Say prompt and every attribute (callbackUrl spelled as AT needs)', async () => {
		const response = await parse([
			{ action: 'getDigits', numDigits: 1, timeout: 20, finishOnKey: '#', callbackUrl: 'https://example.com/menu', prompt: { say: 'Press 1 & wait' } },
		]);
		expect(response.GetDigits[0].$).toEqual({ numDigits: '1', timeout: '20', finishOnKey: '#', callbackUrl: 'https://example.com/menu' });
		expect(response.GetDigits[0].Say[0]._).toBe('Press 1 & wait');
		expect(buildVoiceXml([{ action: 'getDigits', prompt: { say: 'x' }, callbackUrl: 'https://e.com' }])).not.toContain('callBackUrl');
	});

	it('GetDigits with a nested Play prompt', async () => {
		const response = await parse([{ action: 'getDigits', prompt: { play: 'https://example.com/menu.mp3' } }]);
		expect(response.GetDigits[0].Play[0].$.url).toBe('https://example.com/menu.mp3');
	});

	it('Dial with every attribute (ringbackTone spelled as the docs\' XML and the PHP SDK do)', async () => {
		const response = await parse([
			{ action: 'dial', phoneNumbers: '+254711000001, agent@example.sip.africastalking.com', record: true, sequential: false, callerId: '+254711082000', ringbackTone: 'https://e.com/r.mp3', maxDuration: 60 },
		]);
		expect(response.Dial[0].$).toEqual({
			phoneNumbers: '+254711000001,agent@example.sip.africastalking.com', record: 'true', sequential: 'false', callerId: '+254711082000', ringbackTone: 'https://e.com/r.mp3', maxDuration: '60',
		});
	});

	it('Record with a prompt (partial) and every attribute', async () => {
		const response = await parse([
			{ action: 'record', prompt: { say: 'Leave a message' }, finishOnKey: '#', maxLength: 30, timeout: 5, trimSilence: true, playBeep: true, callbackUrl: 'https://e.com/rec' },
		]);
		expect(response.Record[0].$).toEqual({ finishOnKey: '#', maxLength: '30', timeout: '5', trimSilence: 'true', playBeep: 'true', callbackUrl: 'https://e.com/rec' });
		expect(response.Record[0].Say[0]._).toBe('Leave a message');
	});

	it('a bare terminal Record', () => {
		expect(buildVoiceXml([{ action: 'say', text: 'Recording' }, { action: 'record' }])).toBe(
			'<?xml version="1.0" encoding="UTF-8"?><Response><Say>Recording</Say><Record/></Response>',
		);
	});

	it('Enqueue, Dequeue, Redirect, Conference, Reject', async () => {
		expect((await parse([{ action: 'enqueue', holdMusic: 'https://e.com/h.mp3', name: 'support' }])).Enqueue[0].$).toEqual({ holdMusic: 'https://e.com/h.mp3', name: 'support' });
		expect((await parse([{ action: 'dequeue', phoneNumber: '+254711082000', name: 'support' }])).Dequeue[0].$).toEqual({ phoneNumber: '+254711082000', name: 'support' });
		expect((await parse([{ action: 'redirect', url: 'https://e.com/next?a=1&b=2' }])).Redirect[0]._).toBe('https://e.com/next?a=1&b=2');
		expect(buildVoiceXml([{ action: 'conference' }])).toContain('<Conference/>');
		expect(buildVoiceXml([{ action: 'reject' }])).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Reject/></Response>');
	});

	it('hostile text in attributes stays inside its attribute', async () => {
		const response = await parse([{ action: 'enqueue', name: '"><Reject/><x a="' }]);
		expect(response.Enqueue[0].$.name).toBe('"><Reject/><x a="');
		expect(response.Reject).toBeUndefined();
	});

	it('drops characters XML cannot carry', () => {
		expect(escapeXml('a\u0000b\u0007c')).toBe('abc');
	});
});

describe('Voice XML builder: refused combinations', () => {
	it.each<[string, VoiceAction[], RegExp]>([
		['no action', [], /at least one action/],
		['Reject with another action', [{ action: 'say', text: 'hi' }, { action: 'reject' }], /Reject must be the only action/],
		['an action after Redirect', [{ action: 'redirect', url: 'https://e.com' }, { action: 'say', text: 'x' }], /Redirect must be the last action \(action 1 of 2\)/],
		['an action after a terminal Record', [{ action: 'record' }, { action: 'say', text: 'x' }], /Record without a prompt .* must be the last action/],
		['empty Say', [{ action: 'say', text: '  ' }], /Action 1 \(Say text\) is empty/],
		['Play without a URL', [{ action: 'play', url: 'not a url' }], /Action 1 \(Play URL\) needs an http\(s\) URL/],
		['Dial without numbers', [{ action: 'dial', phoneNumbers: '' }], /Dial phone numbers\) is empty/],
		['a negative timeout', [{ action: 'getDigits', timeout: -1, prompt: { say: 'x' } }], /Timeout must be a whole number greater than 0/],
	])('refuses %s', (_what, actions, message) => {
		expect(() => buildVoiceXml(actions)).toThrow(VoiceXmlError);
		expect(() => buildVoiceXml(actions)).toThrow(message);
	});
});

describe('USSD answers', () => {
	it('adds CON or END', () => {
		expect(ussdAnswer('continue', '1. Balance\n2. Airtime')).toEqual({ response: 'CON 1. Balance\n2. Airtime' });
		expect(ussdAnswer('end', 'Thank you')).toEqual({ response: 'END Thank you' });
	});

	it('keeps raw text that starts with CON or END', () => {
		expect(ussdAnswer('raw', 'END Bye')).toEqual({ response: 'END Bye' });
	});

	it.each([['raw', 'Hello without prefix'], ['raw', ''], ['raw', 'CON '], ['continue', ''], ['end', '   ']] as const)(
		'falls back to END and records why for %s "%s"',
		(kind, text) => {
			const answer = ussdAnswer(kind, text);
			expect(answer.response).toBe(USSD_FALLBACK);
			expect(answer.error).toMatch(/fallback END message was sent/);
		},
	);

	it('makes a fallback without END prefix safe', () => {
		expect(ussdAnswer('raw', 'x', 'Try later').response).toBe('END Try later');
	});
});
