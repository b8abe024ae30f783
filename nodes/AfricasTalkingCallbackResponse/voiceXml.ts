/**
 * Africa's Talking Voice XML (africastalking-api.md §5), built from plain objects so that no
 * workflow writes XML by hand: every text and attribute is escaped, and combinations AT cannot
 * run are refused with a message that says what to change.
 */

export type Prompt = { say?: string; voice?: string; playBeep?: boolean } | { play: string };

export type VoiceAction =
	| { action: 'say'; text: string; voice?: string; playBeep?: boolean }
	| { action: 'play'; url: string }
	| { action: 'getDigits'; prompt?: Prompt; numDigits?: number; timeout?: number; finishOnKey?: string; callbackUrl?: string }
	| {
			action: 'dial';
			phoneNumbers: string;
			record?: boolean;
			sequential?: boolean;
			callerId?: string;
			ringbackTone?: string;
			maxDuration?: number;
	  }
	| {
			action: 'record';
			prompt?: Prompt;
			finishOnKey?: string;
			maxLength?: number;
			timeout?: number;
			trimSilence?: boolean;
			playBeep?: boolean;
			callbackUrl?: string;
	  }
	| { action: 'enqueue'; holdMusic?: string; name?: string }
	| { action: 'dequeue'; phoneNumber: string; name?: string }
	| { action: 'redirect'; url: string }
	| { action: 'conference' }
	| { action: 'reject' };

export class VoiceXmlError extends Error {}

const XML_CHARS: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
	// Characters XML 1.0 cannot carry at all are dropped rather than sent to break AT's parser.
	// eslint-disable-next-line no-control-regex
	return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (c) => XML_CHARS[c]);
}

type Attributes = Record<string, string | number | boolean | undefined>;

function element(name: string, attributes: Attributes = {}, content?: string): string {
	const attrs = Object.entries(attributes)
		.filter(([, value]) => value !== undefined && value !== '')
		.map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
		.join('');
	return content === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${content}</${name}>`;
}

function requireText(value: unknown, what: string, position: number): string {
	const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
	if (text.trim() === '') throw new VoiceXmlError(`Action ${position} (${what}) is empty: give it a value.`);
	return text;
}

function requireUrl(value: unknown, what: string, position: number): string {
	const url = requireText(value, what, position).trim();
	if (!/^https?:\/\/\S+$/.test(url)) throw new VoiceXmlError(`Action ${position} (${what}) needs an http(s) URL, got "${url}".`);
	return url;
}

function positive(value: number | undefined, what: string, position: number): number | undefined {
	if (value === undefined || value === null || (value as unknown) === '') return undefined;
	if (!Number.isInteger(Number(value)) || Number(value) <= 0) {
		throw new VoiceXmlError(`Action ${position}: ${what} must be a whole number greater than 0, got "${value}".`);
	}
	return Number(value);
}

function sayElement(text: string, voice: string | undefined, playBeep: boolean | undefined, position: number): string {
	return element('Say', { voice, playBeep: playBeep ? 'true' : undefined }, escapeXml(requireText(text, 'Say text', position)));
}

function promptElement(prompt: Prompt | undefined, position: number): string | undefined {
	if (!prompt) return undefined;
	if ('play' in prompt) return element('Play', { url: requireUrl(prompt.play, 'prompt URL', position) });
	if (prompt.say === undefined) return undefined;
	return sayElement(prompt.say, prompt.voice, prompt.playBeep, position);
}

const bool = (value: boolean | undefined) => (value === undefined ? undefined : value ? 'true' : 'false');

function actionXml(action: VoiceAction, position: number): string {
	switch (action.action) {
		case 'say':
			return sayElement(action.text, action.voice, action.playBeep, position);
		case 'play':
			return element('Play', { url: requireUrl(action.url, 'Play URL', position) });
		case 'getDigits':
			return element(
				'GetDigits',
				{
					numDigits: positive(action.numDigits, 'Number of Digits', position),
					timeout: positive(action.timeout, 'Timeout', position),
					finishOnKey: action.finishOnKey,
					// Exactly this spelling: AT ignores callBackUrl and loops the call.
					callbackUrl: action.callbackUrl ? requireUrl(action.callbackUrl, 'callback URL', position) : undefined,
				},
				promptElement(action.prompt, position) ?? '',
			);
		case 'dial':
			return element('Dial', {
				phoneNumbers: requireText(action.phoneNumbers, 'Dial phone numbers', position)
					.split(/[,\s]+/)
					.filter(Boolean)
					.join(','),
				record: bool(action.record),
				sequential: bool(action.sequential),
				callerId: action.callerId,
				ringbackTone: action.ringbackTone ? requireUrl(action.ringbackTone, 'ringback tone URL', position) : undefined,
				maxDuration: positive(action.maxDuration, 'Max Duration', position),
			});
		case 'record': {
			const prompt = promptElement(action.prompt, position);
			const attributes = {
				finishOnKey: action.finishOnKey,
				maxLength: positive(action.maxLength, 'Max Length', position),
				timeout: positive(action.timeout, 'Timeout', position),
				trimSilence: bool(action.trimSilence),
				playBeep: bool(action.playBeep),
				callbackUrl: action.callbackUrl ? requireUrl(action.callbackUrl, 'callback URL', position) : undefined,
			};
			return prompt === undefined ? element('Record', attributes) : element('Record', attributes, prompt);
		}
		case 'enqueue':
			return element('Enqueue', { holdMusic: action.holdMusic ? requireUrl(action.holdMusic, 'hold music URL', position) : undefined, name: action.name });
		case 'dequeue':
			return element('Dequeue', { phoneNumber: requireText(action.phoneNumber, 'Dequeue phone number', position), name: action.name });
		case 'redirect':
			return element('Redirect', {}, escapeXml(requireUrl(action.url, 'Redirect URL', position)));
		case 'conference':
			return element('Conference');
		case 'reject':
			return element('Reject');
		default:
			throw new VoiceXmlError(`Action ${position} is of an unknown kind "${(action as { action: string }).action}".`);
	}
}

function hasPrompt(prompt: Prompt | undefined): boolean {
	return !!prompt && ('play' in prompt ? !!prompt.play : prompt.say !== undefined);
}

/** Actions after which AT runs nothing more in the same answer. */
function endsTheAnswer(action: VoiceAction): string | undefined {
	if (action.action === 'reject') return 'Reject';
	if (action.action === 'redirect') return 'Redirect';
	if (action.action === 'record' && !hasPrompt(action.prompt)) return 'Record without a prompt (records the whole call)';
	return undefined;
}

export function buildVoiceXml(actions: VoiceAction[]): string {
	if (actions.length === 0) throw new VoiceXmlError('Add at least one action: an empty answer hangs up the call.');
	if (actions.some((a) => a.action === 'reject') && actions.length > 1) {
		throw new VoiceXmlError('Reject must be the only action: it refuses the call, so nothing else can run.');
	}
	actions.forEach((action, index) => {
		const terminal = endsTheAnswer(action);
		if (terminal && index < actions.length - 1) {
			throw new VoiceXmlError(`${terminal} must be the last action (action ${index + 1} of ${actions.length}): nothing after it would run.`);
		}
	});
	const body = actions.map((action, index) => actionXml(action, index + 1)).join('');
	return `<?xml version="1.0" encoding="UTF-8"?><Response>${body}</Response>`;
}
