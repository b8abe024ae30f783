'use strict';
// WhatsApp, as AT's official Node SDK 0.8.3 sends it (lib/whatsapp.js; africastalking-api.md §7):
// a body AT's SDK refuses, this fake refuses with the SDK's own joi message (asked of the SDK
// itself, test/fake-at/sdkSchema.js). What AT's answers look like is inferred (README: "What is
// inferred"), as is one acceptance: a template message without headerValue (see templateMessage).
const { badJson, isE164, json } = require('./wire');
const { liveOnly, refused } = require('./chatHost');
const { sdkRefusal } = require('./sdkSchema');

/** Templates approved for the fake's WhatsApp number, by ID, with the number of body variables each has. */
const APPROVED_TEMPLATES = new Map([
	['tmpl_order_update', 2],
	['tmpl_payment_receipt', 1],
]);
/** A stand-in header value: AT's SDK requires one, the node leaves it out when the template has no header variable. */
const HEADER_VALUE_STAND_IN = 'header';

async function checkedBySdk(method, body) {
	const refusal = await sdkRefusal(method, body);
	if (refusal) throw badJson(refusal);
}

const isTemplateMessage = (body) => body && typeof body === 'object' && 'templateId' in body;

/**
 * A template message: AT's SDK requires a non-empty headerValue even for a template without a
 * header variable, which WhatsApp would refuse; the node leaves it out then, and this fake, like
 * (we infer) AT, takes the message without it. Anything else the SDK refuses is refused.
 */
function templateMessage(fake, body) {
	const variables = APPROVED_TEMPLATES.get(body.body.templateId);
	if (variables === undefined) return refused(404, `Template ${body.body.templateId} is not an approved template of ${body.waNumber}`);
	if (body.body.bodyValues.length !== variables) return refused(400, `Template ${body.body.templateId} takes ${variables} body values, got ${body.body.bodyValues.length}`);
	fake.accept('whatsappTemplate', body.phoneNumber, body.body.templateId);
	return json(200, { messageId: fake.id('ATXid_'), phoneNumber: body.phoneNumber, status: 'SENT' });
}

async function whatsAppMessage({ fake, env, body }) {
	liveOnly(env);
	if (!isE164(body.waNumber)) throw badJson(`Invalid whatsapp number: ${body.waNumber}`);
	const { username: _username, ...payload } = body;
	const template = isTemplateMessage(payload.body);
	await checkedBySdk('sendMessage', template && payload.body.headerValue === undefined ? { ...payload, body: { ...payload.body, headerValue: HEADER_VALUE_STAND_IN } } : payload);
	if (template) return templateMessage(fake, body);
	fake.accept('whatsapp', body.phoneNumber);
	return json(200, { messageId: fake.id('ATXid_'), phoneNumber: body.phoneNumber, status: 'SENT' });
}

/** Submits a template for WhatsApp's review: nothing reaches a customer; a taken name is refused. */
async function createTemplate({ fake, env, body }) {
	liveOnly(env);
	if (!isE164(body.waNumber)) throw badJson(`Invalid whatsapp number: ${body.waNumber}`);
	const { username: _username, ...payload } = body;
	await checkedBySdk('createTemplate', payload);
	if (fake.templateNames.has(body.name)) return refused(409, `A template named ${body.name} already exists for ${body.waNumber}`);
	fake.templateNames.add(body.name);
	fake.accept('template', body.waNumber, body.name);
	return json(200, { templateId: fake.id('ATTpl_'), templateStatus: 'PENDING' });
}

const WHATSAPP_ROUTES = [
	{ host: 'chat', method: 'POST', path: '/whatsapp/message/send', body: 'json', required: ['username', 'waNumber', 'phoneNumber', 'body'], handle: whatsAppMessage },
	{
		host: 'chat', method: 'POST', path: '/whatsapp/template/send', body: 'json',
		required: ['username', 'waNumber', 'name', 'language', 'category', 'components'], handle: createTemplate,
	},
];

module.exports = { WHATSAPP_ROUTES };
