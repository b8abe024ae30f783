import { updateDisplayOptions, type IDataObject, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { chatApiRouting, type Refuse, requirePhone, requireText, text } from '../../shared/chatApi';
import { USERNAME_IN_PLACE } from '../../shared/request';
import { listValues, textOrOmit, waNumberField } from './whatsappFields';

// Written out (not generated from the values) so that n8n's lint checks their names and order.
const CATEGORY_OPTIONS = [
	{ name: 'Authentication', value: 'AUTHENTICATION' },
	{ name: 'Marketing', value: 'MARKETING' },
	{ name: 'Utility', value: 'UTILITY' },
];
const HEADER_FORMAT_OPTIONS = [
	{ name: 'Document', value: 'DOCUMENT' },
	{ name: 'Image', value: 'IMAGE' },
	{ name: 'Location', value: 'LOCATION' },
	{ name: 'None', value: 'none' },
	{ name: 'Text', value: 'TEXT' },
	{ name: 'Video', value: 'VIDEO' },
];
const BUTTON_TYPE_OPTIONS = [
	{ name: 'Copy Code', value: 'COPY_CODE', description: 'Copies a code (e.g. a coupon) to the clipboard' },
	{ name: 'Flow', value: 'FLOW', description: 'Opens a WhatsApp Flow' },
	{ name: 'Phone Number', value: 'PHONE_NUMBER', description: 'Calls a number' },
	{ name: 'Quick Reply', value: 'QUICK_REPLY', description: 'Sends its text back to you' },
	{ name: 'URL', value: 'URL', description: 'Opens a web page' },
];
const FLOW_ACTION_OPTIONS = [
	{ name: 'Data Exchange', value: 'data_exchange' },
	{ name: 'Navigate', value: 'navigate' },
];
const TEMPLATE_CATEGORIES = CATEGORY_OPTIONS.map((option) => option.value);
const HEADER_FORMATS = HEADER_FORMAT_OPTIONS.map((option) => option.value);
const MEDIA_HEADER_FORMATS = ['DOCUMENT', 'IMAGE', 'VIDEO'];
const FLOW_ACTIONS = FLOW_ACTION_OPTIONS.map((option) => option.value);

/** The distinct `{{n}}` variables of a template text. */
function variableCount(value: string): number {
	return new Set(value.match(/\{\{\s*\d+\s*\}\}/g) ?? []).size;
}

export interface TemplateButton {
	type?: unknown;
	text?: unknown;
	phoneNumber?: unknown;
	url?: unknown;
	urlExample?: unknown;
	flowId?: unknown;
	flowAction?: unknown;
	navigateScreen?: unknown;
	codeExample?: unknown;
}

export interface TemplateInput {
	name: unknown;
	language: unknown;
	category: unknown;
	headerFormat?: unknown;
	headerText?: unknown;
	headerExample?: unknown;
	headerHandle?: unknown;
	bodyText: unknown;
	bodyExamples?: unknown;
	footerText?: unknown;
	buttons?: TemplateButton[];
}

/** One button, each type with its own fields, as AT's Node SDK 0.8.3's createTemplate schema takes them. */
function templateButton(button: TemplateButton, index: number, refuse: Refuse): IDataObject {
	const where = `Buttons → button ${index + 1}`;
	const type = text(button.type);
	const label = () => requireText(button.text, `${where} → Text`, refuse, "Enter the button's label.");
	if (type === 'PHONE_NUMBER') {
		const phone = requireText(button.phoneNumber, `${where} → Phone Number`, refuse, 'A Phone Number button needs the number it calls, in international format, e.g. +254711XXXYYY.');
		return { type, phone_number: requirePhone(phone, `${where} → Phone Number`, refuse), text: label() };
	}
	if (type === 'URL') {
		const url = requireText(button.url, `${where} → URL`, refuse, 'A URL button needs the address it opens, e.g. https://example.com/orders/{{1}}.');
		if (!/^https?:\/\/\S+$/.test(url)) refuse(`Invalid URL "${url}" in "${where} → URL"`, 'Give a web address starting with https:// (a variable {{1}} may end it).');
		const example = text(button.urlExample);
		return { type, url, text: label(), ...(example ? { example: [example] } : {}) };
	}
	if (type === 'QUICK_REPLY') return { type, text: label() };
	if (type === 'FLOW') {
		const flowAction = text(button.flowAction) || 'navigate';
		if (!FLOW_ACTIONS.includes(flowAction)) refuse(`Unknown flow action "${flowAction}" in "${where} → Flow Action"`, `Use one of ${FLOW_ACTIONS.join(', ')}.`);
		return {
			type,
			text: label(),
			flow_id: requireText(button.flowId, `${where} → Flow ID`, refuse, 'A Flow button needs the ID of a published WhatsApp Flow.'),
			flow_action: flowAction,
			...textOrOmit('navigate_screen', button.navigateScreen),
		};
	}
	if (type === 'COPY_CODE') return { type, example: requireText(button.codeExample, `${where} → Code Example`, refuse, 'A Copy Code button needs an example of the code it copies, e.g. SAVE20.') };
	return refuse(`Unknown button type "${type}" in "${where} → Type"`, `Use one of ${BUTTON_TYPE_OPTIONS.map((option) => option.value).join(', ')}.`);
}

function templateHeader(input: TemplateInput, refuse: Refuse): IDataObject | undefined {
	const format = text(input.headerFormat) || 'none';
	if (!HEADER_FORMATS.includes(format)) refuse(`Unknown header format "${format}" in "Header Format"`, `Use one of ${HEADER_FORMATS.join(', ')}.`);
	if (format === 'none') return undefined;
	if (format === 'TEXT') {
		const headerText = requireText(input.headerText, 'Header Text', refuse, 'A text header needs its text, or choose Header Format: None.');
		const example = text(input.headerExample);
		if (variableCount(headerText) > 0 && example === '') refuse('"Header Example" is empty but "Header Text" has a variable', 'WhatsApp reviews a template with an example of each variable: give the example value of {{1}}.');
		return { type: 'HEADER', format, text: headerText, ...(example ? { example: { header_text: example } } : {}) };
	}
	const handle = MEDIA_HEADER_FORMATS.includes(format) ? text(input.headerHandle) : '';
	return { type: 'HEADER', format, ...(handle ? { example: { header_handle: handle } } : {}) };
}

/**
 * AT's template definition, exactly as AT's Node SDK 0.8.3 sends it (`lib/whatsapp.js`,
 * createTemplate): `name`, `language`, `category` and `components` { header?, body, footer?,
 * buttons? }, each component with its `type`.
 */
export function templateBody(input: TemplateInput, refuse: Refuse): IDataObject {
	const name = requireText(input.name, 'Template Name', refuse, 'Enter a name for the template, e.g. order_update.');
	if (!/^[a-z0-9_]+$/.test(name)) {
		refuse(`Invalid template name "${name}" in "Template Name"`, 'WhatsApp template names hold only lower-case letters, digits and underscores, e.g. order_update.');
	}
	const language = requireText(input.language, 'Language', refuse, 'Enter the template\'s language as a two-letter code, e.g. en.');
	if (!/^[a-z]{2}$/.test(language)) {
		refuse(
			`Language "${language}" is not a code Africa's Talking takes, in "Language"`,
			"Africa's Talking takes a two-letter ISO 639-1 code in lower case (e.g. en, sw, fr); its own SDK refuses WhatsApp's regional codes such as en_US or pt_BR. Use en for English.",
		);
	}
	const category = text(input.category);
	if (!TEMPLATE_CATEGORIES.includes(category)) refuse(`Unknown category "${category}" in "Category"`, `Use one of ${TEMPLATE_CATEGORIES.join(', ')}.`);
	const header = templateHeader(input, refuse);
	const bodyText = requireText(input.bodyText, 'Body Text', refuse, "Enter the template's body text.");
	const examples = listValues(input.bodyExamples, 'Body Examples', refuse);
	const variables = variableCount(bodyText);
	if (examples.length !== variables) {
		refuse(
			`"Body Examples" gives ${examples.length} values but "Body Text" has ${variables} variables`,
			'WhatsApp reviews a template with one example value per variable ({{1}}, {{2}}…), in order: give exactly one per variable.',
		);
	}
	const footer = text(input.footerText);
	const buttons = (input.buttons ?? []).map((button, index) => templateButton(button, index, refuse));
	return {
		name,
		language,
		category,
		components: {
			...(header ? { header } : {}),
			body: { type: 'BODY', text: bodyText, ...(examples.length ? { example: { body_text: examples } } : {}) },
			...(footer ? { footer: { type: 'FOOTER', text: footer } } : {}),
			...(buttons.length ? { buttons: { type: 'BUTTONS', buttons } } : {}),
		},
	};
}

export const option: INodePropertyOptions = {
	name: 'Create Template',
	value: 'createTemplate',
	action: 'Create a WhatsApp template',
	description: 'Submit a message template to WhatsApp for approval; it sends nothing to a customer (live apps only)',
	routing: chatApiRouting(
		'WhatsApp',
		'/whatsapp/template/send',
		(parameter, refuse) => ({
			waNumber: requirePhone(parameter('waNumber'), 'WhatsApp Number', refuse),
			...templateBody(
				{
					name: parameter('templateName'),
					language: parameter('language'),
					category: parameter('category'),
					headerFormat: parameter('headerFormat'),
					headerText: parameter('headerText'),
					headerExample: parameter('headerExample'),
					headerHandle: parameter('headerHandle'),
					bodyText: parameter('bodyText'),
					bodyExamples: parameter('bodyExamples'),
					footerText: parameter('footerText'),
					buttons: ((parameter('templateButtons') || {}) as { button?: TemplateButton[] }).button,
				},
				refuse,
			),
			// AT's Node SDK sends `{ ...payload, username }`: the username last.
			username: USERNAME_IN_PLACE,
		}),
		{
			action: 'create the WhatsApp template',
			hint: 'Check the WhatsApp number, that the template name is not taken, and the language and category.',
		},
	),
};

const showHeader = (...formats: string[]) => ({ show: { headerFormat: formats } });
const showButton = (...types: string[]) => ({ show: { type: types } });

const properties: INodeProperties[] = [
	{
		displayName:
			"Create Template submits a template to WhatsApp for approval; it sends nothing to a customer. Once WhatsApp approves it, send it with Send Message → Message Type: Template and the templateId this returns. Live apps only (Africa's Talking has no WhatsApp sandbox).",
		name: 'whatsAppTemplateNotice',
		type: 'notice',
		default: '',
	},
	waNumberField,
	{
		displayName: 'Template Name',
		name: 'templateName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'order_update',
		description: 'A new, unique name: lower-case letters, digits and underscores',
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		required: true,
		default: 'en',
		placeholder: 'en',
		description: "The template's language as a two-letter ISO 639-1 code in lower case (e.g. en, sw, fr), as Africa's Talking takes it",
	},
	{ displayName: 'Category', name: 'category', type: 'options', default: 'UTILITY', options: CATEGORY_OPTIONS },
	{ displayName: 'Header Format', name: 'headerFormat', type: 'options', default: 'none', options: HEADER_FORMAT_OPTIONS },
	{ displayName: 'Header Text', name: 'headerText', type: 'string', required: true, default: '', placeholder: 'Order {{1}}', displayOptions: showHeader('TEXT') },
	{
		displayName: 'Header Example',
		name: 'headerExample',
		type: 'string',
		default: '',
		placeholder: 'ORD-1042',
		description: "An example value of the header's variable {{1}} (sent as example.header_text)",
		displayOptions: showHeader('TEXT'),
	},
	{
		displayName: 'Header Example Handle',
		name: 'headerHandle',
		type: 'string',
		default: '',
		description: "The handle of an example file uploaded to WhatsApp, which WhatsApp's review asks for (sent as example.header_handle)",
		displayOptions: showHeader(...MEDIA_HEADER_FORMATS),
	},
	{ displayName: 'Body Text', name: 'bodyText', type: 'string', typeOptions: { rows: 3 }, required: true, default: '', placeholder: 'Hi {{1}}, your order {{2}} is on its way.' },
	{
		displayName: 'Body Examples',
		name: 'bodyExamples',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		placeholder: 'Amina\nORD-1042',
		description: "One example value per variable of the body, in order: one per line, or a list from an expression (sent as example.body_text)",
	},
	{ displayName: 'Footer Text', name: 'footerText', type: 'string', default: '', placeholder: 'Reply STOP to opt out' },
	{
		displayName: 'Buttons',
		name: 'templateButtons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Button',
		default: {},
		options: [
			{
				name: 'button',
				displayName: 'Button',
				values: [
					{ displayName: 'Code Example', name: 'codeExample', type: 'string', default: '', placeholder: 'SAVE20', description: 'An example of the code the button copies', displayOptions: showButton('COPY_CODE') },
					{ displayName: 'Flow Action', name: 'flowAction', type: 'options', default: 'navigate', options: FLOW_ACTION_OPTIONS, displayOptions: showButton('FLOW') },
					{ displayName: 'Flow ID', name: 'flowId', type: 'string', default: '', description: 'The ID of a published WhatsApp Flow', displayOptions: showButton('FLOW') },
					{ displayName: 'Navigate Screen', name: 'navigateScreen', type: 'string', default: '', description: 'The first screen of the flow (optional)', displayOptions: showButton('FLOW') },
					{ displayName: 'Phone Number', name: 'phoneNumber', type: 'string', default: '', placeholder: '+254711XXXYYY', description: 'The number the button calls', displayOptions: showButton('PHONE_NUMBER') },
					{ displayName: 'Text', name: 'text', type: 'string', default: '', description: "The button's label", displayOptions: showButton('FLOW', 'PHONE_NUMBER', 'QUICK_REPLY', 'URL') },
					{ displayName: 'Type', name: 'type', type: 'options', default: 'QUICK_REPLY', options: BUTTON_TYPE_OPTIONS },
					{ displayName: 'URL', name: 'url', type: 'string', default: '', placeholder: 'https://example.com/orders/{{1}}', description: 'The page the button opens', displayOptions: showButton('URL') },
					{ displayName: 'URL Example', name: 'urlExample', type: 'string', default: '', placeholder: 'https://example.com/orders/ORD-1042', description: "The URL with an example value of its variable", displayOptions: showButton('URL') },
				],
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['whatsapp'], operation: ['createTemplate'] } }, properties);
