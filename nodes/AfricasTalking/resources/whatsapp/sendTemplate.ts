import { updateDisplayOptions, type IDataObject, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { chatApiRouting, type Refuse, requireHttpsUrl, requirePhone, requireText, text } from '../../shared/chatApi';
import { waNumberField } from './sendMessage';

// Written out (not generated from the values) so that n8n's lint checks their names and order.
const CATEGORY_OPTIONS = [
	{ name: 'Authentication', value: 'AUTHENTICATION' },
	{ name: 'Marketing', value: 'MARKETING' },
	{ name: 'Utility', value: 'UTILITY' },
];
const HEADER_TYPE_OPTIONS = [
	{ name: 'Location', value: 'LOCATION' },
	{ name: 'Media', value: 'MEDIA' },
	{ name: 'Text', value: 'TEXT' },
];
const BUTTON_TYPE_OPTIONS = [
	{ name: 'Phone Number', value: 'PHONE_NUMBER' },
	{ name: 'Quick Reply', value: 'QUICK_REPLY' },
	{ name: 'URL', value: 'URL' },
];
const TEMPLATE_CATEGORIES = CATEGORY_OPTIONS.map((option) => option.value);
const HEADER_TYPES = HEADER_TYPE_OPTIONS.map((option) => option.value);
const BUTTON_TYPES = BUTTON_TYPE_OPTIONS.map((option) => option.value);

/** Example values: a list from an expression, or text with one value per line (commas may be part of a value). */
function examples(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((v) => text(v)).filter(Boolean);
	return text(value)
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter(Boolean);
}

export interface TemplateInput {
	name: unknown;
	language: unknown;
	category: unknown;
	bodyText: unknown;
	bodyExamples?: unknown;
	header?: IDataObject;
	footer?: IDataObject;
	buttons?: IDataObject;
}

/**
 * AT's template request (AT's Python SDK, Whatsapp.send_template): `name`, `language`, `category`
 * and `components` { header?: { type, format, text, example: { header_text } }, body: { type,
 * text, example: { body_text } }, footer?: { type, text }, buttons?: { type, url, text,
 * phoneNumber, example } }, built from the node's fields.
 */
export function templateBody(input: TemplateInput, refuse: Refuse): IDataObject {
	const name = requireText(input.name, 'Template Name', refuse, 'Enter the name of the template as approved in WhatsApp Manager, e.g. order_update.');
	if (!/^[a-z0-9_]+$/.test(name)) {
		refuse(`Invalid template name "${name}" in "Template Name"`, 'WhatsApp template names hold only lower-case letters, digits and underscores, e.g. order_update.');
	}
	const language = requireText(input.language, 'Language', refuse, 'Enter the template\'s language code, e.g. en or en_US.');
	const category = text(input.category).toUpperCase();
	if (!TEMPLATE_CATEGORIES.includes(category)) refuse(`Unknown category "${text(input.category)}" in "Category"`, `Use one of ${TEMPLATE_CATEGORIES.join(', ')}.`);
	const components: IDataObject = {};
	const header = input.header;
	if (header && Object.keys(header).length > 0) {
		const type = text(header.type).toUpperCase() || 'TEXT';
		if (!HEADER_TYPES.includes(type)) refuse(`Unknown header type "${text(header.type)}" in "Components → Header → Type"`, `Use one of ${HEADER_TYPES.join(', ')}.`);
		const headerText = type === 'TEXT' ? requireText(header.text, 'Components → Header → Text', refuse, 'A text header needs its text.') : text(header.text);
		components.header = { type, format: text(header.format).toUpperCase() || type, text: headerText, example: { header_text: examples(header.example) } };
	}
	components.body = {
		type: 'BODY',
		text: requireText(input.bodyText, 'Body Text', refuse, 'Enter the template\'s body text.'),
		example: { body_text: examples(input.bodyExamples) },
	};
	const footer = input.footer;
	if (footer && Object.keys(footer).length > 0) {
		components.footer = { type: 'FOOTER', text: requireText(footer.text, 'Components → Footer → Text', refuse, 'Enter the footer text, or remove the footer.') };
	}
	const buttons = input.buttons;
	if (buttons && Object.keys(buttons).length > 0) {
		const type = text(buttons.type).toUpperCase() || 'QUICK_REPLY';
		if (!BUTTON_TYPES.includes(type)) refuse(`Unknown button type "${text(buttons.type)}" in "Components → Buttons → Type"`, `Use one of ${BUTTON_TYPES.join(', ')}.`);
		const button: IDataObject = { type, text: requireText(buttons.text, 'Components → Buttons → Text', refuse, 'Enter the button\'s label.') };
		if (type === 'URL') button.url = requireHttpsUrl(buttons.url, 'Components → Buttons → URL', refuse, 'A URL button needs its https:// address.');
		if (type === 'PHONE_NUMBER') button.phoneNumber = requirePhone(buttons.phoneNumber, 'Components → Buttons → Phone Number', refuse);
		button.example = examples(buttons.example);
		components.buttons = button;
	}
	return { name, language, category, components };
}

export const option: INodePropertyOptions = {
	name: 'Send Template',
	value: 'sendTemplate',
	action: 'Send a WhatsApp template',
	description: "Send an approved WhatsApp template through Africa's Talking (live apps only)",
	routing: chatApiRouting(
		'WhatsApp',
		'/whatsapp/template/send',
		(parameter, refuse) => {
			const components = (parameter('templateComponents') || {}) as IDataObject;
			return {
				waNumber: requirePhone(parameter('waNumber'), 'WhatsApp Number', refuse),
				...templateBody(
					{
						name: parameter('templateName'),
						language: parameter('language'),
						category: parameter('category'),
						bodyText: parameter('bodyText'),
						bodyExamples: parameter('bodyExamples'),
						header: components.header as IDataObject | undefined,
						footer: components.footer as IDataObject | undefined,
						buttons: components.buttons as IDataObject | undefined,
					},
					refuse,
				),
			};
		},
		{
			action: 'send the WhatsApp template',
			hint: 'Check the template name, language and category against the template approved in WhatsApp Manager.',
		},
	),
};

const properties: INodeProperties[] = [
	{
		displayName: "Africa's Talking has no WhatsApp sandbox: use a credential with Environment: Live.",
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
		description: 'The name of the approved template: lower-case letters, digits and underscores',
	},
	{ displayName: 'Language', name: 'language', type: 'string', required: true, default: 'en', placeholder: 'en_US', description: "The template's language code" },
	{
		displayName: 'Category',
		name: 'category',
		type: 'options',
		default: 'UTILITY',
		options: CATEGORY_OPTIONS,
	},
	{ displayName: 'Body Text', name: 'bodyText', type: 'string', typeOptions: { rows: 3 }, required: true, default: '', placeholder: 'Hi {{1}}, your order {{2}} is on its way.' },
	{
		displayName: 'Body Examples',
		name: 'bodyExamples',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		placeholder: 'Amina\nORD-1042',
		description: 'Example values of the body\'s placeholders, one per line (sent as example.body_text)',
	},
	{
		displayName: 'Components',
		name: 'templateComponents',
		type: 'fixedCollection',
		placeholder: 'Add Component',
		default: {},
		options: [
			{
				name: 'buttons',
				displayName: 'Buttons',
				values: [
					{ displayName: 'Example', name: 'example', type: 'string', default: '', description: 'Example values, one per line' },
					{ displayName: 'Phone Number', name: 'phoneNumber', type: 'string', default: '', placeholder: '+254711XXXYYY', description: 'For a Phone Number button' },
					{ displayName: 'Text', name: 'text', type: 'string', default: '', description: "The button's label" },
					{ displayName: 'Type', name: 'type', type: 'options', default: 'QUICK_REPLY', options: BUTTON_TYPE_OPTIONS },
					{ displayName: 'URL', name: 'url', type: 'string', default: '', placeholder: 'https://example.com/orders', description: 'For a URL button' },
				],
			},
			{
				name: 'footer',
				displayName: 'Footer',
				values: [{ displayName: 'Text', name: 'text', type: 'string', default: '' }],
			},
			{
				name: 'header',
				displayName: 'Header',
				values: [
					{ displayName: 'Example', name: 'example', type: 'string', default: '', description: 'Example values of the header\'s placeholders, one per line' },
					{ displayName: 'Format', name: 'format', type: 'string', default: '', placeholder: 'TEXT', description: 'TEXT, IMAGE, VIDEO, DOCUMENT or LOCATION; empty uses the type' },
					{ displayName: 'Text', name: 'text', type: 'string', default: '' },
					{ displayName: 'Type', name: 'type', type: 'options', default: 'TEXT', options: HEADER_TYPE_OPTIONS },
				],
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['whatsapp'], operation: ['sendTemplate'] } }, properties);
