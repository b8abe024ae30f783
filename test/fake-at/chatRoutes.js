'use strict';
// Chat (WhatsApp and Telegram through /message/send, and consent), as africastalking-api.md §7
// describes it: only on an unmerged branch of AT's Python SDK. What that SDK rejects before sending,
// this fake rejects on the wire; AT's answers are inferred (README: "What is inferred").
const { badJson, isE164, json } = require('./wire');
const { MEDIA_TYPES, isText, liveOnly, refused } = require('./chatHost');

const CHANNELS = ['WhatsApp', 'Telegram'];

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

const CHAT_ROUTES = [
	{
		host: 'chat', method: 'POST', path: '/message/send', body: 'json',
		required: ['username', 'productId', 'channelNumber', 'channel', 'customerNumber', 'body'], handle: chatMessage,
	},
	{ host: 'chat', method: 'POST', path: '/chat/consent', body: 'json', required: ['username', 'channelNumber', 'channel', 'customerNumber', 'action'], handle: consent },
];

module.exports = { CHAT_ROUTES };
