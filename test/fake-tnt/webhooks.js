'use strict';
// TalkNTalk's webhooks (talkntalk-api.md §7): JSON bodies with `event`, `timestamp` and `data`
// (the message), X-TalkNTalk-Event, and X-TalkNTalk-Signature when the endpoint has a secret.
// TalkNTalk does not document its signature encoding: the fake signs lowercase hex of the raw
// body by default and can use the other plausible variants.
const crypto = require('node:crypto');

const EVENTS = ['sms.sent', 'sms.delivered', 'sms.failed', 'sms.undelivered', 'sms.cancelled'];
const FORMATS = ['hex', 'sha256=hex', 'base64', 'sha256=base64', 'HEX'];

function sign(raw, secret, format = 'hex') {
	const digest = crypto.createHmac('sha256', secret).update(raw).digest();
	switch (format) {
		case 'hex': return digest.toString('hex');
		case 'HEX': return digest.toString('hex').toUpperCase();
		case 'sha256=hex': return `sha256=${digest.toString('hex')}`;
		case 'base64': return digest.toString('base64');
		case 'sha256=base64': return `sha256=${digest.toString('base64')}`;
		default: throw new Error(`unknown signature format ${format}`);
	}
}

/** A webhook body for a message (webhooks carry an integer message id, the API a UUID). */
function eventBody(event, message = {}) {
	return {
		event,
		timestamp: '2026-05-20T11:30:04+03:00',
		data: {
			id: 9041, mobile: '254712345678', sender_id: 'TALKNTALK', message: 'Your OTP is 847291.', status: event.split('.')[1],
			network: 'safaricom', source: 'api', created_at: '2026-05-20T11:30:00+03:00', updated_at: '2026-05-20T11:30:04+03:00', ...message,
		},
	};
}

/**
 * Posts a webhook as TalkNTalk does. `body` may be an object (serialised once, and those exact
 * bytes signed) or a raw string; `signature` overrides the computed header (e.g. a wrong one).
 */
async function postWebhook(url, body, { secret, format = 'hex', event, signature, headers = {}, method = 'POST', contentType = 'application/json' } = {}) {
	const raw = typeof body === 'string' ? body : JSON.stringify(body);
	const eventHeader = event ?? (typeof body === 'object' ? body.event : undefined);
	const sent = {
		'content-type': contentType,
		...(eventHeader ? { 'x-talkntalk-event': eventHeader } : {}),
		...(signature !== undefined ? { 'x-talkntalk-signature': signature } : secret ? { 'x-talkntalk-signature': sign(raw, secret, format) } : {}),
		...headers,
	};
	const res = await fetch(url, { method, headers: sent, body: method === 'GET' ? undefined : raw, signal: AbortSignal.timeout(30000) });
	const text = await res.text();
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, text, json };
}

module.exports = { EVENTS, FORMATS, sign, eventBody, postWebhook };
