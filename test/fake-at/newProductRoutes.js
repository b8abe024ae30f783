'use strict';
// Insights (SIM swap), WhatsApp and Chat, as africastalking-api.md §7 and AT's Python SDK
// (Insights.py, Whatsapp.py, Chat.py and their tests) describe them. What the SDK rejects before
// sending, this fake rejects on the wire; what AT's answers look like beyond the SDK's tests is
// inferred (README: "What is inferred").
const { WireError, isE164 } = require('./wire');

const MEDIA_TYPES = ['Image', 'Audio', 'Video', 'Sticker', 'Voice'];
const CHANNELS = ['WhatsApp', 'Telegram'];
const HEADER_TYPES = ['MEDIA', 'TEXT', 'LOCATION'];
const BUTTON_TYPES = ['PHONE_NUMBER', 'URL', 'QUICK_REPLY'];
/** Templates approved for the fake's WhatsApp number; any other name is unknown to AT. */
const APPROVED_TEMPLATES = ['order_update', 'payment_receipt'];

const json = (status, body) => ({ status, json: body });
const badJson = (description) => new WireError(400, { statusCode: 400, status: 'InvalidRequest', description }, 'application/json');
/** Chat and WhatsApp refusals that AT reports inside an HTTP 200 answer, with its own statusCode. */
const refused = (statusCode, description) => json(200, { statusCode, status: 'Failed', description });

function liveOnly(env) {
	// AT has no sandbox for WhatsApp or Chat: chat.sandbox.africastalking.com serves nothing.
	if (env !== 'live') throw new WireError(404, 'The requested resource could not be found.');
}

const isText = (value) => typeof value === 'string' && value.trim() !== '';

function carrierOf(number) {
	if (/^\+2547/.test(number)) return { carrierName: 'Safaricom', countryCode: 'KE', networkCode: '63902' };
	if (/^\+256/.test(number)) return { carrierName: 'MTN Uganda', countryCode: 'UG', networkCode: '64110' };
	return { carrierName: 'Unknown', countryCode: 'ZZ', networkCode: '00000' };
}

function simSwap({ fake, body }) {
	if (!Array.isArray(body.phoneNumbers) || body.phoneNumbers.length === 0) throw badJson('phoneNumbers must be a non-empty array');
	let total = 0;
	const responses = body.phoneNumbers.map((raw) => {
		const number = String(raw);
		const phoneNumber = { number, numberType: 'Mobile', ...carrierOf(number) };
		if (!isE164(number)) return { phoneNumber, status: 'InvalidPhoneNumber', requestId: 'None', cost: { amount: 0, currencyCode: 'KES' } };
		if (fake.recipientStatus.get(number) >= 400) return { phoneNumber, status: 'UnsupportedPhoneNumber', requestId: 'None', cost: { amount: 0, currencyCode: 'KES' } };
		const requestId = fake.id('ATSwpid_');
		fake.simSwapChecks.set(requestId, number);
		fake.accept('simSwap', number);
		total += 5;
		return { phoneNumber, status: 'Queued', requestId, cost: { amount: 5, currencyCode: 'KES' } };
	});
	return json(200, { transactionId: fake.id('ATTxid_'), status: 'Processed', totalCost: { amount: total, currencyCode: 'KES' }, responses });
}

/** WhatsApp's message body, as Whatsapp.py's schema checks it. */
function checkWhatsAppBody(body) {
	if (!body || typeof body !== 'object' || Array.isArray(body)) throw badJson('body must be an object');
	const { message, mediaType, url, caption } = body;
	if (mediaType !== undefined && !MEDIA_TYPES.includes(mediaType)) throw badJson(`Invalid media type ${mediaType}`);
	if (url !== undefined && mediaType === undefined) throw badJson('mediaType required for url key');
	if (mediaType !== undefined && !isText(url)) throw badJson('url required for mediaType');
	if (caption !== undefined && url === undefined) throw badJson('url required for caption key');
	if (message !== undefined && mediaType !== undefined) throw badJson('mediaType cannot be used with message key');
	if (message !== undefined && !isText(message)) throw badJson('message must not be empty');
	for (const key of ['body', 'header', 'footer']) {
		if (body[key] !== undefined && !(body[key] && isText(body[key].text))) throw badJson(`${key}.text is required`);
	}
	if (message === undefined && mediaType === undefined && body.body === undefined) throw badJson('body holds no message, media or interactive body');
}

function whatsAppMessage({ fake, env, body }) {
	liveOnly(env);
	if (!isE164(body.waNumber)) throw badJson(`Invalid whatsapp number: ${body.waNumber}`);
	if (!isE164(body.phoneNumber)) throw badJson(`Invalid phone number: ${body.phoneNumber}`);
	checkWhatsAppBody(body.body);
	fake.accept('whatsapp', body.phoneNumber);
	return json(200, { messageId: fake.id('ATXid_'), phoneNumber: body.phoneNumber, status: 'SENT' });
}

function whatsAppTemplate({ fake, env, body }) {
	liveOnly(env);
	if (!isE164(body.waNumber)) throw badJson(`Invalid whatsapp number: ${body.waNumber}`);
	const c = body.components;
	if (!c || typeof c !== 'object' || !c.body || !isText(c.body.text) || !c.body.example || !Array.isArray(c.body.example.body_text)) {
		throw badJson('components.body needs type, text and example.body_text');
	}
	if (c.header && !HEADER_TYPES.includes(c.header.type)) throw badJson(`Invalid header type ${c.header.type}`);
	if (c.buttons && !BUTTON_TYPES.includes(c.buttons.type)) throw badJson(`Invalid button type ${c.buttons.type}`);
	if (!APPROVED_TEMPLATES.includes(body.name)) return refused(404, `Template ${body.name} not found for ${body.waNumber}`);
	fake.accept('template', body.waNumber, body.name);
	return json(200, { statusCode: 200, status: 'Success', description: `Template ${body.name} accepted`, name: body.name });
}

function chatAddress(channel, value, field) {
	if (channel === 'WhatsApp' && !isE164(value)) throw badJson(`Invalid ${field}: ${value}`);
	if (!isText(value)) throw badJson(`${field} is required`);
}

function chatMessage({ fake, env, body }) {
	liveOnly(env);
	if (!CHANNELS.includes(body.channel)) return refused(400, `Invalid channel ${body.channel}, valid channels are ${CHANNELS.join(', ')}`);
	chatAddress(body.channel, body.channelNumber, 'channelNumber');
	chatAddress(body.channel, body.customerNumber, 'customerNumber');
	const message = body.body || {};
	if (message.type === 'Text') {
		if (!isText(message.text)) throw badJson('body.text is required for Text');
	} else if (message.type === 'Media') {
		if (!MEDIA_TYPES.includes(message.media)) throw badJson(`Invalid media type ${message.media}`);
		if (!isText(message.url)) throw badJson('body.url is required for Media');
	} else if (message.type === 'Location') {
		if (typeof message.latitude !== 'number' || typeof message.longitude !== 'number') throw badJson('body.latitude and body.longitude are required for Location');
	} else {
		throw badJson(`Invalid message type ${message.type}`);
	}
	if (fake.optedOut.has(`${body.channel}:${body.customerNumber}`)) return refused(403, `${body.customerNumber} opted out of messages from ${body.channelNumber}`);
	fake.accept('chat', body.customerNumber);
	return json(200, { statusCode: 200, status: 'Sent', description: 'Message sent', messageId: fake.id('ATCid_') });
}

function consent({ fake, env, body }) {
	liveOnly(env);
	if (!CHANNELS.includes(body.channel)) return refused(400, `Invalid channel ${body.channel}, valid channels are ${CHANNELS.join(', ')}`);
	chatAddress(body.channel, body.channelNumber, 'channelNumber');
	chatAddress(body.channel, body.customerNumber, 'customerNumber');
	if (!['OptIn', 'OptOut'].includes(body.action)) throw badJson(`Invalid action ${body.action}`);
	const key = `${body.channel}:${body.customerNumber}`;
	if (body.action === 'OptOut') fake.optedOut.add(key);
	else fake.optedOut.delete(key);
	return json(200, { statusCode: 200, status: body.action === 'OptIn' ? 'OptInRequestSent' : 'OptOutRequestSent', description: `${body.action} recorded` });
}

const NEW_PRODUCT_ROUTES = [
	{ host: 'insights', method: 'POST', path: '/v1/sim-swap', body: 'json', required: ['username', 'phoneNumbers'], handle: simSwap },
	{ host: 'chat', method: 'POST', path: '/whatsapp/message/send', body: 'json', required: ['username', 'waNumber', 'phoneNumber', 'body'], handle: whatsAppMessage },
	{
		host: 'chat', method: 'POST', path: '/whatsapp/template/send', body: 'json',
		required: ['username', 'waNumber', 'name', 'language', 'category', 'components'], handle: whatsAppTemplate,
	},
	{
		host: 'chat', method: 'POST', path: '/message/send', body: 'json',
		required: ['username', 'productId', 'channelNumber', 'channel', 'customerNumber', 'body'], handle: chatMessage,
	},
	{ host: 'chat', method: 'POST', path: '/chat/consent', body: 'json', required: ['username', 'channelNumber', 'channel', 'customerNumber', 'action'], handle: consent },
];

module.exports = { NEW_PRODUCT_ROUTES };
