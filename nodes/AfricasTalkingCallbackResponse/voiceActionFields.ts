import type { INodeProperties } from 'n8n-workflow';
import { VOICE_ACTIONS } from '../AfricasTalkingCommon/voiceXml';

type Action = keyof typeof VOICE_ACTIONS;

const forActions = (...types: Action[]) => ({ show: { type: types } });

const url = (name: string, displayName: string, description: string, types: Action[], extra: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	placeholder: 'https://example.com/audio.mp3',
	description,
	displayOptions: forActions(...types),
	...extra,
});

const seconds = (name: string, displayName: string, description: string, types: Action[]): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	default: 0,
	typeOptions: { minValue: 0 },
	description: `${description}; 0 leaves Africa's Talking's default`,
	displayOptions: forActions(...types),
});

/** Every Voice action of africastalking-api.md §5 with every attribute. */
export const voiceActionFields: INodeProperties[] = [
	{
		displayName: 'Actions',
		name: 'actions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		displayOptions: { show: { answer: ['voice'] } },
		placeholder: 'Add Action',
		default: { action: [{ type: 'say', text: '' }] },
		description: 'What the call does, in order. All text is escaped for you.',
		options: [
			{
				name: 'action',
				displayName: 'Action',
				// In n8n's order (alphabetical by label, which its verification requires); each action
				// shows only its own fields.
				values: [
					{
						displayName: 'Action',
						name: 'type',
						type: 'options',
						default: 'say',
						options: Object.entries(VOICE_ACTIONS).map(([value, spec]) => ({ name: spec.label, value, description: spec.description })),
					},
					url('callbackUrl', 'Callback URL', 'Where Africa\'s Talking posts the digits or the recording; empty posts to the number\'s callback URL (this trigger)', ['getDigits', 'record'], { placeholder: 'https://example.com/next' }),
					{ displayName: 'Caller ID', name: 'callerId', type: 'string', default: '', placeholder: '+254711XXXYYY', description: 'Number shown to the person dialled', displayOptions: forActions('dial') },
					{ displayName: 'Finish On Key', name: 'finishOnKey', type: 'string', default: '', placeholder: '#', description: 'Key that ends the input', displayOptions: forActions('getDigits', 'record') },
					url('holdMusic', 'Hold Music URL', 'Audio played while the caller waits in the queue', ['enqueue']),
					seconds('maxDuration', 'Max Duration (Seconds)', 'Longest the dialled call may last', ['dial']),
					seconds('maxLength', 'Max Length (Seconds)', 'Longest recording', ['record']),
					{ displayName: 'Number of Digits', name: 'numDigits', type: 'number', default: 0, typeOptions: { minValue: 0 }, description: 'How many digits to collect; 0 waits for the finish key or the timeout', displayOptions: forActions('getDigits') },
					{ displayName: 'Phone Number', name: 'phoneNumber', type: 'string', default: '', placeholder: '+254711XXXYYY', description: 'Your Africa\'s Talking number whose queue to take the call from', displayOptions: forActions('dequeue') },
					{ displayName: 'Phone Numbers', name: 'phoneNumbers', type: 'string', default: '', placeholder: '+254711XXXYYY, agent@example.sip.africastalking.com', description: 'Numbers or SIP addresses to dial, separated by commas', displayOptions: forActions('dial') },
					{ displayName: 'Play Beep', name: 'playBeep', type: 'boolean', default: false, description: 'Whether to play a beep (after the text, or before recording)', displayOptions: forActions('say', 'record') },
					{
						displayName: 'Prompt',
						name: 'promptType',
						type: 'options',
						default: 'say',
						options: [
							{ name: 'None', value: 'none', description: 'For Record: record the whole call (must be the last action)' },
							{ name: 'Play a File', value: 'play' },
							{ name: 'Say Text', value: 'say' },
						],
						displayOptions: forActions('getDigits', 'record'),
					},
					{ displayName: 'Prompt Text', name: 'promptText', type: 'string', default: '', placeholder: 'Press 1 for sales, 2 for support', displayOptions: { show: { type: ['getDigits', 'record'], promptType: ['say'] } } },
					{ ...url('promptUrl', 'Prompt URL', 'Audio played as the prompt', ['getDigits', 'record']), displayOptions: { show: { type: ['getDigits', 'record'], promptType: ['play'] } } },
					{ displayName: 'Queue Name', name: 'queueName', type: 'string', default: '', placeholder: 'support', displayOptions: forActions('enqueue', 'dequeue') },
					{ displayName: 'Record', name: 'record', type: 'boolean', default: false, description: 'Whether to record the dialled call', displayOptions: forActions('dial') },
					url('ringbackTone', 'Ringback Tone URL', 'Audio the caller hears while the numbers ring', ['dial']),
					{ displayName: 'Sequential', name: 'sequential', type: 'boolean', default: false, description: 'Whether to ring the numbers one after another instead of all at once', displayOptions: forActions('dial') },
					{ displayName: 'Text', name: 'text', type: 'string', typeOptions: { rows: 2 }, default: '', placeholder: 'Welcome to Acme', description: 'What to say (SSML inside &lt;speak&gt; is allowed)', displayOptions: forActions('say') },
					seconds('timeout', 'Timeout (Seconds)', 'How long to wait for input', ['getDigits', 'record']),
					{ displayName: 'Trim Silence', name: 'trimSilence', type: 'boolean', default: false, description: 'Whether to cut silence from the start and end of the recording', displayOptions: forActions('record') },
					url('url', 'URL', 'For Play: the audio file. For Redirect: the URL whose answer continues the call.', ['play', 'redirect']),
					{ displayName: 'Voice', name: 'voice', type: 'string', default: '', placeholder: 'woman', description: '"man", "woman", or a text-to-speech voice name; empty uses the default', displayOptions: forActions('say') },
				],
			},
		],
	},
];
