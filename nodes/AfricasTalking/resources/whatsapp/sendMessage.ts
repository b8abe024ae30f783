import { updateDisplayOptions, type IDataObject, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { chatApiRouting, mediaTypeField, mediaTypeOf, type Refuse, requireHttpsUrl, requirePhone, requireText, text } from '../../shared/chatApi';
import { USERNAME_IN_PLACE } from '../../shared/request';
import { phoneNumberField } from '../../shared/fields';
import { listValues, textOrOmit, waNumberField } from './whatsappFields';

/** The media kinds AT's Node SDK 0.8.3 takes (`lib/whatsapp.js`, sendMessage's schema). */
const WHATSAPP_MEDIA_TYPES = ['Audio', 'Document', 'Image', 'Video', 'Voice'];
/** WhatsApp shows a caption under an image, a video or a document, never with audio or a voice note. */
const CAPTIONED_MEDIA = ['Document', 'Image', 'Video'];
/** WhatsApp's limits on interactive messages: at most 3 reply buttons, at most 10 list rows in all. */
const MAX_REPLY_BUTTONS = 3;
const MAX_LIST_ROWS = 10;

export interface WhatsAppMessage {
	messageType: unknown;
	message?: unknown;
	templateId?: unknown;
	headerValue?: unknown;
	bodyValues?: unknown;
	mediaType?: unknown;
	url?: unknown;
	caption?: unknown;
	buttonLabel?: unknown;
	sections?: unknown;
	replyButtons?: unknown;
	bodyText?: unknown;
	headerText?: unknown;
	footerText?: unknown;
}

/** The entries of a multiple-value fixedCollection (`{ section: [...] }`), empty when none were added. */
function entries(collection: unknown, key: string): IDataObject[] {
	const list = collection && typeof collection === 'object' ? (collection as IDataObject)[key] : undefined;
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

/** An interactive message's `{ text }` parts, each left out when empty (AT's SDK refuses an empty text). */
function textPart(value: unknown): IDataObject | undefined {
	const clean = text(value);
	return clean ? { text: clean } : undefined;
}

/** An approved template: `{ templateId, headerValue?, bodyValues }`. */
function templateMessage(input: WhatsAppMessage, refuse: Refuse): IDataObject {
	return {
		templateId: requireText(input.templateId, 'Template ID', refuse, "Enter the ID of an approved template (the templateId that Create Template returned, or the one in AT's dashboard)."),
		// AT's SDK requires a header value even for a template without a header variable; WhatsApp
		// refuses a parameter the template does not have, so an empty Header Value is left out (README).
		...textOrOmit('headerValue', input.headerValue),
		bodyValues: listValues(input.bodyValues, 'Body Values', refuse),
	};
}

function mediaMessage(input: WhatsAppMessage, refuse: Refuse): IDataObject {
	const mediaType = mediaTypeOf(input.mediaType, WHATSAPP_MEDIA_TYPES, refuse);
	const caption = text(input.caption);
	if (text(input.url) === '') {
		refuse(
			caption !== '' ? '"Caption" is set but "Media URL" is empty: a caption needs media' : '"Media URL" is empty',
			'A media message needs the public https:// URL of the image, video, audio, voice note or document.',
		);
	}
	const url = requireHttpsUrl(input.url, 'Media URL', refuse, '');
	if (caption !== '' && !CAPTIONED_MEDIA.includes(mediaType)) {
		refuse(`"Caption" is set but a ${mediaType} message has no caption`, 'WhatsApp shows a caption only under an image, a video or a document: clear the caption.');
	}
	return { mediaType, url, ...(caption ? { caption } : {}) };
}

/** An ID and a title, both required: WhatsApp answers with the ID of what the customer picked. */
function idAndTitle(entry: IDataObject, where: string, refuse: Refuse): IDataObject {
	const id = requireText(entry.id, `${where} → ID`, refuse, 'Give it an ID: WhatsApp sends it back when the customer picks it.');
	const title = requireText(entry.title, `${where} → Title`, refuse, 'Give it the title the customer sees.');
	return { id, title };
}

/** An interactive list: `{ action: { button, sections: [{ title?, rows: [{ id, title, description? }] }] }, body, header?, footer? }`. */
function listMessage(input: WhatsAppMessage, refuse: Refuse): IDataObject {
	const button = requireText(input.buttonLabel, 'Button Label', refuse, 'Enter the label of the button that opens the list, e.g. Choose.');
	const sections = entries(input.sections, 'section');
	if (sections.length === 0) refuse('"Sections" is empty: a list needs at least one section with a row', 'Add a section and give it rows (ID and title).');
	let rowCount = 0;
	const built = sections.map((section, s) => {
		const where = `Sections → section ${s + 1}`;
		const title = text(section.title);
		if (title === '' && sections.length > 1) refuse(`"${where} → Title" is empty`, 'WhatsApp needs a title on every section of a list with more than one section.');
		const rows = entries(section.rows, 'row');
		if (rows.length === 0) refuse(`"${where} → Rows" is empty: a list section needs at least one row`, 'Add a row with an ID and a title.');
		rowCount += rows.length;
		return {
			...(title ? { title } : {}),
			rows: rows.map((row, r) => ({ ...idAndTitle(row, `${where} → row ${r + 1}`, refuse), ...textOrOmit('description', row.description) })),
		};
	});
	if (rowCount > MAX_LIST_ROWS) refuse(`"Sections" holds ${rowCount} rows; WhatsApp takes at most ${MAX_LIST_ROWS} in one list`, 'Remove rows, or send several lists.');
	const header = textPart(input.headerText);
	const footer = textPart(input.footerText);
	return {
		action: { button, sections: built },
		body: { text: requireText(input.bodyText, 'Body Text', refuse, 'An interactive list needs its body text.') },
		...(header ? { header } : {}),
		...(footer ? { footer } : {}),
	};
}

/** Interactive reply buttons: `{ action: { buttons: [{ id, title }] }, body, header? }` (no footer: AT's SDK refuses one). */
function buttonsMessage(input: WhatsAppMessage, refuse: Refuse): IDataObject {
	const buttons = entries(input.replyButtons, 'button');
	if (buttons.length === 0) refuse('"Buttons" is empty', `Add 1 to ${MAX_REPLY_BUTTONS} buttons, each with an ID and a title.`);
	if (buttons.length > MAX_REPLY_BUTTONS) refuse(`"Buttons" holds ${buttons.length} buttons; WhatsApp takes at most ${MAX_REPLY_BUTTONS}`, 'Remove buttons, or send an interactive list (up to 10 rows).');
	const header = textPart(input.headerText);
	return {
		action: { buttons: buttons.map((button, b) => idAndTitle(button, `Buttons → button ${b + 1}`, refuse)) },
		body: { text: requireText(input.bodyText, 'Body Text', refuse, 'Reply buttons need their body text.') },
		...(header ? { header } : {}),
	};
}

const BUILDERS: Record<string, (input: WhatsAppMessage, refuse: Refuse) => IDataObject> = {
	text: (input, refuse) => ({ message: requireText(input.message, 'Message', refuse, 'Enter the text to send.') }),
	template: templateMessage,
	media: mediaMessage,
	list: listMessage,
	buttons: buttonsMessage,
};

/**
 * AT's `body` of a WhatsApp message, exactly as AT's Node SDK 0.8.3 sends it (`lib/whatsapp.js`):
 * text `{ message }`, template `{ templateId, headerValue, bodyValues }`, media `{ mediaType, url,
 * caption? }`, interactive list or reply buttons. Empty optional texts are left out, as the SDK's
 * schema refuses empty strings.
 */
export function whatsAppMessageBody(input: WhatsAppMessage, refuse: Refuse): IDataObject {
	const type = text(input.messageType);
	if (type !== 'media' && text(input.caption) !== '') {
		refuse('"Caption" is set but the message has no media', 'A caption goes with an image, a video or a document: choose Message Type: Media and give its Media URL, or clear the caption.');
	}
	const build = BUILDERS[type];
	if (!build) return refuse(`Unknown message type "${type}" in "Message Type"`, `Use one of ${Object.keys(BUILDERS).join(', ')}.`);
	return build(input, refuse);
}

export const option: INodePropertyOptions = {
	name: 'Send Message',
	value: 'sendMessage',
	action: 'Send a WhatsApp message',
	description: 'Send an approved template, or a text, media or interactive message in an open WhatsApp session (live apps only)',
	routing: chatApiRouting(
		'WhatsApp',
		'/whatsapp/message/send',
		(parameter, refuse) => ({
			waNumber: requirePhone(parameter('waNumber'), 'WhatsApp Number', refuse),
			phoneNumber: requirePhone(parameter('phoneNumber'), 'Phone Number', refuse),
			body: whatsAppMessageBody(
				{
					messageType: parameter('whatsAppMessageType'),
					message: parameter('message'),
					templateId: parameter('templateId'),
					headerValue: parameter('headerValue'),
					bodyValues: parameter('bodyValues'),
					mediaType: parameter('mediaType'),
					url: parameter('url'),
					caption: parameter('caption'),
					buttonLabel: parameter('buttonLabel'),
					sections: parameter('sections'),
					replyButtons: parameter('replyButtons'),
					bodyText: parameter('bodyText'),
					headerText: parameter('headerText'),
					footerText: parameter('footerText'),
				},
				refuse,
			),
			// AT's Node SDK sends `{ ...payload, username }`: the username last.
			username: USERNAME_IN_PLACE,
		}),
		{
			action: 'send the WhatsApp message',
			hint: 'Check the numbers, the template ID, and that the customer wrote to you in the last 24 hours (outside that window only templates can be sent).',
		},
	),
};

const show = (...messageTypes: string[]) => ({ show: { whatsAppMessageType: messageTypes } });

const idField = (description: string): INodeProperties => ({ displayName: 'ID', name: 'id', type: 'string', default: '', description });

const properties: INodeProperties[] = [
	{
		displayName:
			"Africa's Talking has no WhatsApp sandbox: use a credential with Environment: Live. Outside the 24 hours after a customer's last message, WhatsApp accepts only approved templates (Message Type: Template).",
		name: 'whatsAppNotice',
		type: 'notice',
		default: '',
	},
	waNumberField,
	phoneNumberField("The customer's WhatsApp number, in international format", { sent: false }),
	{
		displayName: 'Message Type',
		name: 'whatsAppMessageType',
		type: 'options',
		default: 'text',
		options: [
			{ name: 'Interactive List', value: 'list', description: 'A button that opens a list of rows to pick from' },
			{ name: 'Interactive Reply Buttons', value: 'buttons', description: 'Up to three buttons to reply with' },
			{ name: 'Media', value: 'media', description: 'An image, video, audio, voice note or document from a URL' },
			{ name: 'Template', value: 'template', description: 'An approved template: the only message allowed outside the 24-hour window' },
			{ name: 'Text', value: 'text' },
		],
	},
	{ displayName: 'Message', name: 'message', type: 'string', typeOptions: { rows: 3 }, required: true, default: '', displayOptions: show('text') },
	{
		displayName: 'Template ID',
		name: 'templateId',
		type: 'string',
		required: true,
		default: '',
		description: 'The ID of an approved template (the templateId that Create Template returned)',
		displayOptions: show('template'),
	},
	{
		displayName: 'Header Value',
		name: 'headerValue',
		type: 'string',
		default: '',
		description: "The value of the template header's variable; leave empty when the header has none",
		displayOptions: show('template'),
	},
	{
		displayName: 'Body Values',
		name: 'bodyValues',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'Amina\nORD-1042',
		description: 'The values of the body\'s variables in placeholder order ({{1}}, {{2}}…): one per line, or a list (an array) from an expression',
		displayOptions: show('template'),
	},
	mediaTypeField(WHATSAPP_MEDIA_TYPES, { whatsAppMessageType: ['media'] }),
	{
		displayName: 'Media URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/receipt.jpg',
		description: 'Public HTTPS URL of the file',
		displayOptions: show('media'),
	},
	{
		displayName: 'Caption',
		name: 'caption',
		type: 'string',
		default: '',
		description: 'Shown under an image, a video or a document',
		displayOptions: { show: { whatsAppMessageType: ['media'], mediaType: CAPTIONED_MEDIA } },
	},
	{ displayName: 'Header Text', name: 'headerText', type: 'string', default: '', displayOptions: show('list', 'buttons') },
	{ displayName: 'Body Text', name: 'bodyText', type: 'string', typeOptions: { rows: 3 }, required: true, default: '', displayOptions: show('list', 'buttons') },
	{ displayName: 'Footer Text', name: 'footerText', type: 'string', default: '', displayOptions: show('list') },
	{
		displayName: 'Button Label',
		name: 'buttonLabel',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Choose',
		description: 'The label of the button that opens the list',
		displayOptions: show('list'),
	},
	{
		displayName: 'Sections',
		name: 'sections',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Section',
		default: {},
		displayOptions: show('list'),
		options: [
			{
				name: 'section',
				displayName: 'Section',
				values: [
					{
						displayName: 'Rows',
						name: 'rows',
						type: 'fixedCollection',
						typeOptions: { multipleValues: true },
						placeholder: 'Add Row',
						default: {},
						options: [
							{
								name: 'row',
								displayName: 'Row',
								values: [
									{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Shown under the title (optional)' },
									idField('Sent back to you when the customer picks this row'),
									{ displayName: 'Title', name: 'title', type: 'string', default: '' },
								],
							},
						],
					},
					{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Required when the list has more than one section' },
				],
			},
		],
	},
	{
		displayName: 'Buttons',
		name: 'replyButtons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Button',
		default: {},
		description: 'Up to three buttons',
		displayOptions: show('buttons'),
		options: [
			{
				name: 'button',
				displayName: 'Button',
				values: [idField('Sent back to you when the customer taps this button'), { displayName: 'Title', name: 'title', type: 'string', default: '' }],
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['whatsapp'], operation: ['sendMessage'] } }, properties);
