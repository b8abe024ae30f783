import { updateDisplayOptions, type IDataObject, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { CAPTIONED_MEDIA, chatApiRouting, mediaTypeField, mediaTypeOf, type Refuse, requireHttpsUrl, requirePhone, requireText, text } from '../../shared/chatApi';
import { phoneNumberField } from '../../shared/fields';

export interface WhatsAppMessage {
	messageType: unknown;
	message?: unknown;
	mediaType?: unknown;
	url?: unknown;
	caption?: unknown;
	bodyText?: unknown;
	headerText?: unknown;
	footerText?: unknown;
}

/**
 * AT's `body` of a WhatsApp session message (AT's Python SDK, Whatsapp.send): `{ message }`,
 * `{ mediaType, url, caption? }` or interactive `{ body: { text }, header?: { text }, footer?: { text } }`.
 */
export function whatsAppMessageBody(input: WhatsAppMessage, refuse: Refuse): IDataObject {
	const type = text(input.messageType);
	const caption = text(input.caption);
	if (type !== 'media' && caption !== '') {
		refuse('"Caption" is set but the message has no media', 'A caption goes with an image or a video: choose Message Type: Media and give its Media URL, or clear the caption.');
	}
	if (type === 'text') return { message: requireText(input.message, 'Message', refuse, 'Enter the text to send.') };
	if (type === 'media') {
		const mediaType = mediaTypeOf(input.mediaType, 'Media Type', refuse);
		if (text(input.url) === '') {
			refuse(
				caption !== '' ? '"Caption" is set but "Media URL" is empty: a caption needs media' : '"Media URL" is empty',
				'A media message needs the public https:// URL of the image, audio, video, sticker or voice note.',
			);
		}
		const url = requireHttpsUrl(input.url, 'Media URL', refuse, '');
		if (caption !== '' && !CAPTIONED_MEDIA.includes(mediaType)) {
			refuse(`"Caption" is set but a ${mediaType} message has no caption`, 'WhatsApp shows a caption only under an image or a video: clear the caption.');
		}
		return { mediaType, url, ...(caption ? { caption } : {}) };
	}
	if (type === 'interactive') {
		const header = text(input.headerText);
		const footer = text(input.footerText);
		return {
			body: { text: requireText(input.bodyText, 'Body Text', refuse, 'An interactive message needs its body text.') },
			...(header ? { header: { text: header } } : {}),
			...(footer ? { footer: { text: footer } } : {}),
		};
	}
	return refuse(`Unknown message type "${type}" in "Message Type"`, 'Use text, media or interactive.');
}

export const option: INodePropertyOptions = {
	name: 'Send Message',
	value: 'sendMessage',
	action: 'Send a WhatsApp message',
	description: 'Send a text, media or interactive message in an open WhatsApp session (live apps only)',
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
					mediaType: parameter('mediaType'),
					url: parameter('url'),
					caption: parameter('caption'),
					bodyText: parameter('bodyText'),
					headerText: parameter('headerText'),
					footerText: parameter('footerText'),
				},
				refuse,
			),
		}),
		{
			action: 'send the WhatsApp message',
			hint: 'Check the numbers, that the customer wrote to you in the last 24 hours (outside that window only templates can be sent), and the media URL.',
		},
	),
};

const show = (messageType: string) => ({ show: { whatsAppMessageType: [messageType] } });

export const waNumberField: INodeProperties = {
	displayName: 'WhatsApp Number',
	name: 'waNumber',
	type: 'string',
	required: true,
	default: '',
	placeholder: '+254711XXXYYY',
	description: "Your WhatsApp Business number on Africa's Talking, in international format",
};

const properties: INodeProperties[] = [
	{
		displayName: "Africa's Talking has no WhatsApp sandbox: use a credential with Environment: Live. Outside the 24 hours after a customer's last message, WhatsApp accepts only approved templates.",
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
			{ name: 'Text', value: 'text' },
			{ name: 'Media', value: 'media', description: 'An image, audio, video, sticker or voice note from a URL' },
			{ name: 'Interactive', value: 'interactive', description: 'A message with a header, body and footer' },
		],
	},
	{ displayName: 'Message', name: 'message', type: 'string', typeOptions: { rows: 3 }, required: true, default: '', displayOptions: show('text') },
	{ ...mediaTypeField, displayOptions: show('media') },
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
	{ displayName: 'Caption', name: 'caption', type: 'string', default: '', description: 'Shown under an image or a video', displayOptions: { show: { whatsAppMessageType: ['media'], mediaType: CAPTIONED_MEDIA } } },
	{ displayName: 'Header Text', name: 'headerText', type: 'string', default: '', displayOptions: show('interactive') },
	{ displayName: 'Body Text', name: 'bodyText', type: 'string', typeOptions: { rows: 3 }, required: true, default: '', displayOptions: show('interactive') },
	{ displayName: 'Footer Text', name: 'footerText', type: 'string', default: '', displayOptions: show('interactive') },
];

export const description = updateDisplayOptions({ show: { resource: ['whatsapp'], operation: ['sendMessage'] } }, properties);
