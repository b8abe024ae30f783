import type { INodeProperties } from 'n8n-workflow';

/**
 * The USSD menu builder's fields (Session: Menu Builder), with the keys of the JSON schema (schema.ts).
 * n8n's lint wants the fields inside a screen in alphabetical order.
 */
export const ussdMenuFields: INodeProperties[] = [
	{
		displayName:
			'The node follows the session from the start screen using the text Africa\'s Talking sends, and answers CON or END for you. Texts show collected values with <code>{ussd.name}</code>. The output has <code>screen</code>, <code>values</code> and <code>ended</code> to act on. <b>Which screens run the workflow</b>: the Africa\'s Talking Trigger answers the fixed screens of this menu itself, with no execution (its Menu Screens setting); the workflow runs at end screens reached with collected values, at screens marked Ask the Workflow, and at screens whose text or option list is an expression (and the screens after a list from an expression).',
		name: 'menuNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { answer: ['ussd'], ussdType: ['menu'] } },
	},
	{
		displayName: 'Define Menu',
		name: 'menuDefinition',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { answer: ['ussd'], ussdType: ['menu'] } },
		options: [
			{ name: 'Using Fields Below', value: 'fields', description: 'Build the screens here' },
			{ name: 'Using JSON', value: 'json', description: 'Give the whole menu as JSON, for example from an expression (same keys as the fields)' },
		],
		default: 'fields',
	},
	{
		displayName: 'Start Screen ID',
		name: 'menuStart',
		type: 'string',
		required: true,
		displayOptions: { show: { answer: ['ussd'], ussdType: ['menu'], menuDefinition: ['fields'] } },
		default: 'home',
		placeholder: 'home',
		description: 'ID of the screen shown when someone dials your code',
	},
	{
		displayName: 'Screens',
		name: 'menuScreens',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		displayOptions: { show: { answer: ['ussd'], ussdType: ['menu'], menuDefinition: ['fields'] } },
		placeholder: 'Add Screen',
		default: {},
		options: [
			{
				name: 'screen',
				displayName: 'Screen',
				// In n8n's order (alphabetical by label, which its verification requires); each kind of
				// screen shows only its own fields.
				values: [
					{
						displayName: 'Ask the Workflow',
						name: 'askWorkflow',
						type: 'boolean',
						default: false,
						description:
							"Whether reaching this screen runs the workflow (e.g. to look up a balance or record a step), when the Africa's Talking Trigger answers fixed screens itself. End screens reached with collected values, and screens whose text or option list is an expression, always run it.",
					},
					{
						displayName: 'Check',
						name: 'check',
						type: 'options',
						displayOptions: { show: { type: ['input'] } },
						options: [
							{ name: 'Any Text', value: 'any', description: 'Anything but an empty answer' },
							{ name: 'Digits', value: 'digits', description: 'Only 0-9 (PINs, account numbers)' },
							{ name: 'Number', value: 'number', description: 'A number, optionally between a minimum and a maximum' },
							{ name: 'Phone Number', value: 'phone', description: 'A local (0712345678) or international (+254712345678) number' },
							{ name: 'Regular Expression', value: 'regex', description: 'The whole answer must match a pattern' },
						],
						default: 'any',
					},
					{
						displayName: 'Kind',
						name: 'type',
						type: 'options',
						options: [
							{ name: 'Menu', value: 'menu', description: 'A text and numbered options, each leading to a screen' },
							{ name: 'Input', value: 'input', description: 'A question; the answer is checked and saved under a name' },
							{ name: 'End', value: 'end', description: 'A closing text (END): the session ends' },
						],
						default: 'menu',
					},
					{
						displayName: 'List Options Lead To',
						name: 'optionListNext',
						type: 'string',
						displayOptions: { show: { type: ['menu'] } },
						default: '',
						placeholder: 'e.g. confirm',
						description: 'ID of the screen after choosing one of the listed options',
					},
					{
						displayName: 'Maximum',
						name: 'max',
						type: 'string',
						displayOptions: { show: { type: ['input'], check: ['number'] } },
						default: '',
						placeholder: 'e.g. 10000',
						description: 'Largest number accepted; empty for none',
					},
					{
						displayName: 'Minimum',
						name: 'min',
						type: 'string',
						displayOptions: { show: { type: ['input'], check: ['number'] } },
						default: '',
						placeholder: 'e.g. 10',
						description: 'Smallest number accepted; empty for none',
					},
					{
						displayName: 'Next Screen ID',
						name: 'next',
						type: 'string',
						displayOptions: { show: { type: ['input'] } },
						default: '',
						placeholder: 'e.g. confirm',
						description: 'The screen after a valid answer',
					},
					{
						displayName: 'Options',
						name: 'options',
						type: 'fixedCollection',
						typeOptions: { multipleValues: true, sortable: true },
						displayOptions: { show: { type: ['menu'] } },
						placeholder: 'Add Option',
						default: {},
						options: [
							{
								name: 'option',
								displayName: 'Option',
								values: [
									{ displayName: 'Key', name: 'key', type: 'string', default: '', placeholder: 'Next free number', description: 'What the caller presses; empty gives the next free number (1, 2, 3, …)' },
									{ displayName: 'Label', name: 'label', type: 'string', default: '', placeholder: 'e.g. Buy airtime', description: 'What the caller sees after the number' },
									{ displayName: 'Next Screen ID', name: 'next', type: 'string', default: '', placeholder: 'e.g. amount', description: 'The screen this option leads to' },
									{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'Saved under the screen\'s Save Answer As name when chosen; empty saves the label' },
								],
							},
						],
					},
					{
						displayName: 'Options From a List',
						name: 'optionList',
						type: 'string',
						displayOptions: { show: { type: ['menu'] } },
						default: '',
						placeholder: '{{ $json.accounts }}',
						description: 'An expression giving a list, shown after the options above and numbered on: texts, or objects with <code>label</code> and <code>value</code>',
					},
					{
						displayName: 'Pattern',
						name: 'pattern',
						type: 'string',
						displayOptions: { show: { type: ['input'], check: ['regex'] } },
						default: '',
						placeholder: 'e.g. [A-Z]{2}\\d{4}',
						description: 'Regular expression the whole answer must match',
					},
					{
						displayName: 'Retry Message',
						name: 'retryMessage',
						type: 'string',
						displayOptions: { show: { type: ['input'] } },
						default: '',
						placeholder: 'e.g. Enter an amount between 10 and 10000.',
						description: 'Shown above the question when the answer fails the check; empty uses the Invalid Choice Message',
					},
					{
						displayName: 'Save Answer As',
						name: 'variable',
						type: 'string',
						displayOptions: { show: { type: ['menu', 'input'] } },
						default: '',
						placeholder: 'e.g. amount',
						description:
							'Name the answer is saved under (letters, digits, _): in the output\'s <code>values</code> and in texts as <code>{ussd.amount}</code>. Required for inputs; for menus it saves the chosen option\'s value.',
					},
					{
						displayName: 'Screen ID',
						name: 'id',
						type: 'string',
						required: true,
						default: '',
						placeholder: 'A unique name, e.g. amount',
						description: 'Unique name of the screen: options and inputs lead to it by this ID, and the output gives it as <code>screen</code>',
					},
					{
						displayName: 'Text',
						name: 'text',
						type: 'string',
						typeOptions: { rows: 3 },
						default: '',
						placeholder: 'e.g. Send {ussd.amount} to {ussd.phone}?',
						hint: 'Show a collected value with {ussd.name}, where name is a screen\'s Save Answer As',
						description:
							'Menu: the text above the options. Input: the question. End: the closing message. <code>{ussd.name}</code> shows the value saved as <code>name</code> (in an expression, <code>{{ $ussd.name }}</code> works too).',
					},
				],
			},
		],
	},
	{
		displayName: 'Menu JSON',
		name: 'menuJson',
		type: 'json',
		required: true,
		displayOptions: { show: { answer: ['ussd'], ussdType: ['menu'], menuDefinition: ['json'] } },
		default:
			'{\n  "start": "home",\n  "screens": [\n    { "id": "home", "type": "menu", "text": "Welcome", "options": [{ "label": "Register", "next": "name" }] },\n    { "id": "name", "type": "input", "text": "Your name?", "variable": "name", "next": "bye" },\n    { "id": "bye", "type": "end", "text": "Thank you {{ $ussd.name }}" }\n  ]\n}',
		description:
			'The menu as JSON with the same keys as the fields (listed in the README): start, screens, and optionally backKey, homeKey, backLabel, homeLabel, invalidMessage, navigationOnInput',
	},
	{
		displayName: 'Session Text',
		name: 'menuSessionText',
		type: 'string',
		displayOptions: { show: { answer: ['ussd'], ussdType: ['menu'] } },
		default: '={{ $json.text }}',
		description:
			'Every answer of the session joined by *, as Africa\'s Talking sends it. The default reads the trigger\'s output; after nodes that replace the item, point it at the trigger\'s text field.',
	},
	{
		displayName: 'Navigation and Messages',
		name: 'menuSettings',
		type: 'collection',
		placeholder: 'Add Setting',
		displayOptions: { show: { answer: ['ussd'], ussdType: ['menu'], menuDefinition: ['fields'] } },
		default: {},
		options: [
			{
				displayName: 'Back and Home on Input Screens',
				name: 'navigationOnInput',
				type: 'boolean',
				default: true,
				description: 'Whether an answer equal to the back or home key navigates on input screens too (then it cannot be typed as an answer)',
			},
			{ displayName: 'Back Key', name: 'backKey', type: 'string', default: '0', description: 'Goes back one screen; empty turns it off' },
			{ displayName: 'Back Label', name: 'backLabel', type: 'string', default: 'Back', description: 'Shown next to the back key' },
			{ displayName: 'Home Key', name: 'homeKey', type: 'string', default: '00', description: 'Goes back to the start screen; empty turns it off' },
			{ displayName: 'Home Label', name: 'homeLabel', type: 'string', default: 'Home', description: 'Shown next to the home key' },
			{
				displayName: 'Invalid Choice Message',
				name: 'invalidMessage',
				type: 'string',
				default: 'Invalid choice, please try again.',
				description: 'Shown above the same screen when the caller presses a key that is not an option',
			},
		],
	},
];
