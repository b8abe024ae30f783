'use strict';
// WhatsApp, as africastalking-api.md §7 and AT's Python SDK (Whatsapp.py and its tests) describe it.
// What the SDK rejects before sending, this fake rejects on the wire; what AT's answers look like
// beyond the SDK's tests is inferred (README: "What is inferred").
const { badJson, isE164, json } = require('./wire');
const { MEDIA_TYPES, isText, liveOnly, refused } = require('./chatHost');

const HEADER_TYPES = ['MEDIA', 'TEXT', 'LOCATION'];
const BUTTON_TYPES = ['PHONE_NUMBER', 'URL', 'QUICK_REPLY'];
/** Templates approved for the fake's WhatsApp number; any other name is unknown to AT. */
const APPROVED_TEMPLATES = ['order_update', 'payment_receipt'];

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

const WHATSAPP_ROUTES = [
	{ host: 'chat', method: 'POST', path: '/whatsapp/message/send', body: 'json', required: ['username', 'waNumber', 'phoneNumber', 'body'], handle: whatsAppMessage },
	{
		host: 'chat', method: 'POST', path: '/whatsapp/template/send', body: 'json',
		required: ['username', 'waNumber', 'name', 'language', 'category', 'components'], handle: whatsAppTemplate,
	},
];

module.exports = { WHATSAPP_ROUTES };
