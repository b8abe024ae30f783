import { updateDisplayOptions, type IDataObject, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { chatApiRouting, mediaTypeField, mediaTypeOf, type Refuse, requireHttpsUrl, requirePhone, requireText, text } from '../../shared/chatApi';

export const CHANNELS = ['WhatsApp', 'Telegram'];
/** The media kinds of AT's Chat API (the unmerged Chat.py of AT's Python SDK). */
const CHAT_MEDIA_TYPES = ['Audio', 'Image', 'Sticker', 'Video', 'Voice'];

export function channelOf(value: unknown, refuse: Refuse): string {
	const channel = text(value);
	if (!CHANNELS.includes(channel)) refuse(`Unknown channel "${channel}" in "Channel"`, `Use one of ${CHANNELS.join(', ')}.`);
	return channel;
}

/** WhatsApp addresses people by phone number (E.164); a Telegram channel or customer is any non-empty ID. */
export function channelAddress(channel: string, value: unknown, field: string, refuse: Refuse): string {
	return channel === 'WhatsApp' ? requirePhone(value, field, refuse) : requireText(value, field, refuse, `Enter the ${channel} ID.`);
}

function coordinate(value: unknown, field: string, limit: number, refuse: Refuse): number {
	const raw = text(value);
	const number = Number(raw);
	if (raw === '' || !Number.isFinite(number) || Math.abs(number) > limit) {
		refuse(
			raw === '' ? `"${field}" is empty: a location needs both coordinates` : `Invalid ${field.toLowerCase()} "${raw}" in "${field}"`,
			`Give the ${field.toLowerCase()} in decimal degrees, from -${limit} to ${limit} (e.g. -1.2921, 36.8219 for Nairobi).`,
		);
	}
	return number;
}

export interface ChatMessage {
	messageType: unknown;
	message?: unknown;
	mediaType?: unknown;
	url?: unknown;
	latitude?: unknown;
	longitude?: unknown;
}

/** AT's Chat `body` (AT's Python SDK, Chat.send): `{ type: Text | Media | Location, text?, media?, url?, latitude?, longitude? }`. */
export function chatMessageBody(input: ChatMessage, refuse: Refuse): IDataObject {
	const type = text(input.messageType);
	if (type === 'text') return { type: 'Text', text: requireText(input.message, 'Text', refuse, 'Enter the text to send.') };
	if (type === 'media') {
		const media = mediaTypeOf(input.mediaType, CHAT_MEDIA_TYPES, refuse);
		if (text(input.url) === '') refuse('"Media URL" is empty', 'A media message needs the public https:// URL of the file.');
		return { type: 'Media', media, url: requireHttpsUrl(input.url, 'Media URL', refuse, '') };
	}
	if (type === 'location') {
		return { type: 'Location', latitude: coordinate(input.latitude, 'Latitude', 90, refuse), longitude: coordinate(input.longitude, 'Longitude', 180, refuse) };
	}
	return refuse(`Unknown message type "${type}" in "Message Type"`, 'Use text, media or location.');
}

export const option: INodePropertyOptions = {
	name: 'Send Message',
	value: 'sendMessage',
	action: 'Send a chat message',
	description: 'Send a text, media or location message on WhatsApp or Telegram (live apps only)',
	routing: chatApiRouting(
		'Chat',
		'/message/send',
		(parameter, refuse) => {
			const channel = channelOf(parameter('channel'), refuse);
			return {
				productId: requireText(parameter('productId'), 'Product ID', refuse, "Enter the chat product's ID from the Africa's Talking dashboard."),
				channelNumber: channelAddress(channel, parameter('channelNumber'), 'Channel Number', refuse),
				channel,
				customerNumber: channelAddress(channel, parameter('customerNumber'), 'Customer Number', refuse),
				body: chatMessageBody(
					{
						messageType: parameter('chatMessageType'),
						message: parameter('message'),
						mediaType: parameter('mediaType'),
						url: parameter('url'),
						latitude: parameter('latitude'),
						longitude: parameter('longitude'),
					},
					refuse,
				),
			};
		},
		{
			action: 'send the chat message',
			hint: 'Check the product ID, the channel number and that the customer opted in.',
		},
	),
};

export const channelFields: INodeProperties[] = [
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		default: 'WhatsApp',
		options: CHANNELS.map((value) => ({ name: value, value })),
	},
	{
		displayName: 'Channel Number',
		name: 'channelNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+254711XXXYYY',
		description: "Your WhatsApp number (international format) or Telegram ID on Africa's Talking",
	},
	{
		displayName: 'Customer Number',
		name: 'customerNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+254711XXXYYY',
		description: "The customer's WhatsApp number (international format) or Telegram ID",
	},
];

const show = (messageType: string) => ({ show: { chatMessageType: [messageType] } });

const properties: INodeProperties[] = [
	{ displayName: 'Product ID', name: 'productId', type: 'string', required: true, default: '', description: "Your chat product's ID in the Africa's Talking dashboard" },
	...channelFields,
	{
		displayName: 'Message Type',
		name: 'chatMessageType',
		type: 'options',
		default: 'text',
		options: [
			{ name: 'Text', value: 'text' },
			{ name: 'Media', value: 'media', description: 'An image, audio, video, sticker or voice note from a URL' },
			{ name: 'Location', value: 'location', description: 'A point on the map' },
		],
	},
	{ displayName: 'Text', name: 'message', type: 'string', typeOptions: { rows: 3 }, required: true, default: '', displayOptions: show('text') },
	mediaTypeField(CHAT_MEDIA_TYPES, { chatMessageType: ['media'] }),
	{ displayName: 'Media URL', name: 'url', type: 'string', required: true, default: '', placeholder: 'https://example.com/menu.jpg', displayOptions: show('media') },
	{ displayName: 'Latitude', name: 'latitude', type: 'string', required: true, default: '', placeholder: '-1.2921', displayOptions: show('location') },
	{ displayName: 'Longitude', name: 'longitude', type: 'string', required: true, default: '', placeholder: '36.8219', displayOptions: show('location') },
];

export const description = updateDisplayOptions({ show: { resource: ['chat'], operation: ['sendMessage'] } }, properties);
