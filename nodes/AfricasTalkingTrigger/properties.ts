import type { INodeProperties } from 'n8n-workflow';
import { VOICE_FALLBACK } from './answers';
import { EVENTS } from './events';
import { EVENTS_ANSWERED_BY_WORKFLOW, eventsWithAnswer } from './webhookDescription';
import { byName } from '../common/fields';
import { ussdScreensField, ussdScreensNotice } from './ussdScreens';

const showFor = (event: string | string[], extra: Record<string, string[]> = {}) => ({
	show: { event: Array.isArray(event) ? event : [event], ...extra },
});

/** Where each event's URL goes in AT's dashboard (AT has no API to register it). */
const whereToPaste: INodeProperties[] = Object.entries(EVENTS).map(([value, spec]) => ({
	displayName: `Paste this trigger's Production URL (above) into the Africa's Talking dashboard under <b>${spec.dashboard}</b>, then publish the workflow. With a Secret Token in the Africa's Talking Webhook credential, paste the whole URL with the token percent-encoded after <code>?token=</code>, e.g. <code>https://n8n.example.com/webhook/&lt;webhook ID&gt;/webhook?token=q8K%2BtZ%2F3vW9xLr2%3D%3D</code> for the token <code>q8K+tZ/3vW9xLr2==</code> (a token of letters and digits, e.g. from <code>openssl rand -hex 32</code>, needs no encoding).`,
	name: `setup_${value}`,
	type: 'notice',
	default: '',
	displayOptions: showFor(value),
}));

const voiceAnswerField: INodeProperties = {
	displayName: 'Answer With',
	name: 'voiceAnswer',
	type: 'options',
	displayOptions: showFor(eventsWithAnswer('voiceXml')),
	default: 'workflow',
	options: [
		{ name: 'Voice XML From the Workflow', value: 'workflow', description: "End the workflow with the Africa's Talking Callback Response node (or Respond to Webhook)" },
		{ name: 'A Message', value: 'say', description: 'Read a fixed message, then hang up' },
		{ name: 'A Menu', value: 'menu', description: 'Read a prompt and collect digits; the digits come back as a new Voice Call event' },
		{ name: 'Forward the Call', value: 'dial', description: 'Connect the caller to other numbers' },
	],
};

const validationAnswerField: INodeProperties = {
	displayName: 'Answer With',
	name: 'validationAnswer',
	type: 'options',
	displayOptions: showFor(eventsWithAnswer('validation')),
	default: 'workflow',
	options: [
		{ name: 'Result From the Workflow', value: 'workflow', description: "End the workflow with the Africa's Talking Callback Response node (Validation Result)" },
		{ name: 'Accept All', value: 'acceptAll', description: 'Answer Validated to every request' },
		{ name: 'A Rule', value: 'rule', description: 'Validated up to a maximum amount, in the currencies you list' },
	],
};

/** The values of a trigger setting with which the trigger answers itself (all but "workflow"). */
function triggerAnswerValues(setting: INodeProperties): string[] {
	return (setting.options ?? []).map((option) => String((option as { value: unknown }).value)).filter((value) => value !== 'workflow');
}

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		required: true,
		default: 'incomingSms',
		// An explicit action: n8n would otherwise lower-case the name ("On incoming sms").
		options: Object.entries(EVENTS)
			.map(([value, spec]) => ({ name: spec.name, value, description: spec.description, action: `On ${spec.name}` }))
			.sort(byName),
	},
	...whereToPaste,
	{
		displayName:
			"Africa's Talking retries callbacks it gets no 2xx for (SMS for about 10 minutes, payments every minute for 6 hours), so the same event can arrive twice: each output carries a stable <code>dedupeKey</code> to drop repeats (e.g. with the Remove Duplicates node).",
		name: 'retryNotice',
		type: 'notice',
		default: '',
	},
	voiceAnswerField,
	{
		displayName: 'Fallback Message',
		name: 'voiceFallback',
		type: 'string',
		default: VOICE_FALLBACK,
		description: 'Said instead of silence when no node after this trigger answers with Voice XML (the mistake is recorded in the execution)',
		displayOptions: showFor('voiceCall', { voiceAnswer: ['workflow'] }),
	},
	{
		displayName: 'Text',
		name: 'voiceText',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		placeholder: 'Welcome to Acme. Our lines are open from 8 am to 6 pm.',
		description: 'What the caller hears (escaped for you)',
		displayOptions: showFor('voiceCall', { voiceAnswer: ['say', 'menu', 'dial'] }),
	},
	{
		displayName: 'Voice',
		name: 'voiceName',
		type: 'string',
		default: '',
		placeholder: 'woman',
		description: '"man", "woman", or a text-to-speech voice name; empty uses the default',
		displayOptions: showFor('voiceCall', { voiceAnswer: ['say', 'menu', 'dial'] }),
	},
	{
		displayName: 'Number of Digits',
		name: 'menuDigits',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 1 },
		displayOptions: showFor('voiceCall', { voiceAnswer: ['menu'] }),
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'menuTimeout',
		type: 'number',
		default: 30,
		typeOptions: { minValue: 1 },
		displayOptions: showFor('voiceCall', { voiceAnswer: ['menu'] }),
	},
	{
		displayName: 'Finish On Key',
		name: 'menuFinishOnKey',
		type: 'string',
		default: '#',
		displayOptions: showFor('voiceCall', { voiceAnswer: ['menu'] }),
	},
	{
		displayName: 'If No Input',
		name: 'menuNoInputText',
		type: 'string',
		default: 'We did not get your choice. Goodbye.',
		description: 'Said when the caller presses nothing before the timeout',
		displayOptions: showFor('voiceCall', { voiceAnswer: ['menu'] }),
	},
	{
		displayName: 'Forward To',
		name: 'dialNumbers',
		type: 'string',
		default: '',
		placeholder: '+254711XXXYYY, +254733YYYZZZ',
		displayOptions: showFor('voiceCall', { voiceAnswer: ['dial'] }),
	},
	validationAnswerField,
	{
		displayName: 'Maximum Amount',
		name: 'maxAmount',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0 },
		description: 'Larger amounts are answered Failed; 0 means no maximum',
		displayOptions: showFor(['airtimeValidation', 'paymentValidation'], { validationAnswer: ['rule'] }),
	},
	{
		displayName: 'Currencies',
		name: 'currencies',
		type: 'string',
		default: '',
		placeholder: 'KES, UGX',
		description: 'Only these currency codes are Validated; empty accepts any',
		displayOptions: showFor(['airtimeValidation', 'paymentValidation'], { validationAnswer: ['rule'] }),
	},
	ussdScreensField,
	ussdScreensNotice,
	{
		displayName: 'Respond Using',
		name: 'respondUsing',
		type: 'options',
		default: 'lastNode',
		description: 'Which node of the workflow sends the answer Africa\'s Talking waits for',
		options: [
			{ name: "Last Node (Africa's Talking Callback Response)", value: 'lastNode', description: 'The "response" field of the last node is sent; a USSD answer is sent by the Callback Response node as soon as it runs' },
			{ name: "Respond to Webhook Node", value: 'respondToWebhook', description: 'The Respond to Webhook node of n8n sends it (its version 1: later versions accept only n8n\'s own triggers)' },
		],
		// Shown exactly when the workflow answers: hidden when the trigger answers itself.
		displayOptions: {
			show: { event: EVENTS_ANSWERED_BY_WORKFLOW },
			hide: { voiceAnswer: triggerAnswerValues(voiceAnswerField), validationAnswer: triggerAnswerValues(validationAnswerField) },
		},
	},
];
