import type { IDataObject } from 'n8n-workflow';

/**
 * Africa's Talking Voice XML (africastalking-api.md §5), built from plain objects so that no
 * workflow writes XML by hand: every text and attribute is escaped, and combinations AT cannot
 * run are refused with a message that says what to change.
 */

type Prompt = { say?: string; voice?: string; playBeep?: boolean } | { play: string };

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
	// Characters XML 1.0 cannot carry at all (controls other than tab, LF and CR; U+FFFE, U+FFFF)
	// are dropped rather than sent to break AT's parser.
	return text.replace(/[^\t\n\r\u0020-\uFFFD]/g, '').replace(/[&<>"']/g, (c) => XML_CHARS[c]);
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

/** Reads one entry of the Callback Response node's Actions list (as n8n stores it). */
function entryReader(entry: IDataObject) {
	return {
		text: (key: string) => (entry[key] as string) || undefined,
		required: (key: string) => String(entry[key] ?? ''),
		number: (key: string) => (entry[key] === undefined || entry[key] === '' || entry[key] === 0 ? undefined : Number(entry[key])),
		flag: (key: string) => (entry[key] === true ? true : undefined),
		prompt: (): Prompt | undefined => {
			if (entry.promptType === 'say') return { say: String(entry.promptText ?? ''), voice: (entry.voice as string) || undefined };
			if (entry.promptType === 'play') return { play: String(entry.promptUrl ?? '') };
			return undefined;
		},
	};
}

type ActionName = VoiceAction['action'];
type ActionOf<K extends ActionName> = Extract<VoiceAction, { action: K }>;

interface VoiceActionSpec<K extends ActionName> {
	/** The action as the Callback Response node offers it. */
	label: string;
	description: string;
	/** The node's list entry as this action. */
	fromEntry: (read: ReturnType<typeof entryReader>) => ActionOf<K>;
	xml: (action: ActionOf<K>, position: number) => string;
	/** Why nothing may follow this action in the same answer (AT runs nothing after it), if so. */
	ends?: (action: ActionOf<K>) => string | undefined;
}

function hasPrompt(prompt: Prompt | undefined): boolean {
	return !!prompt && ('play' in prompt ? !!prompt.play : prompt.say !== undefined);
}

/** Every Voice action of africastalking-api.md §5: how the node offers it, reads it, and writes it as XML. */
export const VOICE_ACTIONS: { [K in ActionName]: VoiceActionSpec<K> } = {
	conference: {
		label: 'Conference',
		description: 'Join the caller to a conference',
		fromEntry: () => ({ action: 'conference' }),
		xml: () => element('Conference'),
	},
	dequeue: {
		label: 'Dequeue',
		description: 'Connect the caller to the next call waiting in a queue',
		fromEntry: (read) => ({ action: 'dequeue', phoneNumber: read.required('phoneNumber'), name: read.text('queueName') }),
		xml: (action, position) =>
			element('Dequeue', { phoneNumber: requireText(action.phoneNumber, 'Dequeue phone number', position), name: action.name }),
	},
	dial: {
		label: 'Dial',
		description: 'Connect the call to other numbers or SIP addresses',
		fromEntry: (read) => ({
			action: 'dial', phoneNumbers: read.required('phoneNumbers'), record: read.flag('record'), sequential: read.flag('sequential'),
			callerId: read.text('callerId'), ringbackTone: read.text('ringbackTone'), maxDuration: read.number('maxDuration'),
		}),
		xml: (action, position) =>
			element('Dial', {
				phoneNumbers: requireText(action.phoneNumbers, 'Dial phone numbers', position)
					.split(/[,\s]+/)
					.filter(Boolean)
					.join(','),
				record: bool(action.record),
				sequential: bool(action.sequential),
				callerId: action.callerId,
				ringbackTone: action.ringbackTone ? requireUrl(action.ringbackTone, 'ringback tone URL', position) : undefined,
				maxDuration: positive(action.maxDuration, 'Max Duration', position),
			}),
	},
	enqueue: {
		label: 'Enqueue',
		description: 'Put the caller in a queue with hold music',
		fromEntry: (read) => ({ action: 'enqueue', holdMusic: read.text('holdMusic'), name: read.text('queueName') }),
		xml: (action, position) =>
			element('Enqueue', { holdMusic: action.holdMusic ? requireUrl(action.holdMusic, 'hold music URL', position) : undefined, name: action.name }),
	},
	getDigits: {
		label: 'Get Digits',
		description: 'Play a prompt and collect key presses (a menu)',
		fromEntry: (read) => ({
			action: 'getDigits', prompt: read.prompt(), numDigits: read.number('numDigits'), timeout: read.number('timeout'),
			finishOnKey: read.text('finishOnKey'), callbackUrl: read.text('callbackUrl'),
		}),
		xml: (action, position) =>
			element(
				'GetDigits',
				{
					numDigits: positive(action.numDigits, 'Number of Digits', position),
					timeout: positive(action.timeout, 'Timeout', position),
					finishOnKey: action.finishOnKey,
					// Exactly this spelling: AT ignores callBackUrl and loops the call.
					callbackUrl: action.callbackUrl ? requireUrl(action.callbackUrl, 'callback URL', position) : undefined,
				},
				promptElement(action.prompt, position) ?? '',
			),
	},
	play: {
		label: 'Play',
		description: 'Play an audio file',
		fromEntry: (read) => ({ action: 'play', url: read.required('url') }),
		xml: (action, position) => element('Play', { url: requireUrl(action.url, 'Play URL', position) }),
	},
	record: {
		label: 'Record',
		description: 'Record the caller (after a prompt), or the whole call (no prompt)',
		fromEntry: (read) => ({
			action: 'record', prompt: read.prompt(), finishOnKey: read.text('finishOnKey'), maxLength: read.number('maxLength'), timeout: read.number('timeout'),
			trimSilence: read.flag('trimSilence'), playBeep: read.flag('playBeep'), callbackUrl: read.text('callbackUrl'),
		}),
		xml: (action, position) => {
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
		},
		ends: (action) => (hasPrompt(action.prompt) ? undefined : 'Record without a prompt (records the whole call)'),
	},
	redirect: {
		label: 'Redirect',
		description: 'Continue the call with the answer of another URL',
		fromEntry: (read) => ({ action: 'redirect', url: read.required('url') }),
		xml: (action, position) => element('Redirect', {}, escapeXml(requireUrl(action.url, 'Redirect URL', position))),
		ends: () => 'Redirect',
	},
	reject: {
		label: 'Reject',
		description: 'Refuse the call',
		fromEntry: () => ({ action: 'reject' }),
		xml: () => element('Reject'),
		ends: () => 'Reject',
	},
	say: {
		label: 'Say',
		description: 'Read text aloud',
		fromEntry: (read) => ({ action: 'say', text: read.required('text'), voice: read.text('voice'), playBeep: read.flag('playBeep') }),
		xml: (action, position) => sayElement(action.text, action.voice, action.playBeep, position),
	},
};

function specOf<K extends ActionName>(name: K): VoiceActionSpec<K> | undefined {
	return Object.prototype.hasOwnProperty.call(VOICE_ACTIONS, name) ? (VOICE_ACTIONS[name] as VoiceActionSpec<K>) : undefined;
}

/** One entry of the Callback Response node's Actions list as a Voice action. */
export function voiceActionFromEntry(entry: IDataObject): VoiceAction {
	const spec = specOf(entry.type as ActionName);
	if (!spec) throw new VoiceXmlError(`Unknown voice action "${String(entry.type)}".`);
	return spec.fromEntry(entryReader(entry));
}

function actionXml(action: VoiceAction, position: number): string {
	const spec = specOf(action.action) as VoiceActionSpec<ActionName> | undefined;
	if (!spec) throw new VoiceXmlError(`Action ${position} is of an unknown kind "${(action as { action: string }).action}".`);
	return spec.xml(action as never, position);
}

function endsTheAnswer(action: VoiceAction): string | undefined {
	return (specOf(action.action) as VoiceActionSpec<ActionName> | undefined)?.ends?.(action as never);
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
