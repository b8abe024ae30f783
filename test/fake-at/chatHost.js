'use strict';
// What the fake's WhatsApp and Chat routes share: AT serves both on chat.africastalking.com only,
// with JSON bodies, and reports some refusals inside an HTTP 200 answer with its own statusCode.
const { WireError, json } = require('./wire');

const MEDIA_TYPES = ['Image', 'Audio', 'Video', 'Sticker', 'Voice'];

/** Chat and WhatsApp refusals that AT reports inside an HTTP 200 answer, with its own statusCode. */
const refused = (statusCode, description) => json(200, { statusCode, status: 'Failed', description });

function liveOnly(env) {
	// AT has no sandbox for WhatsApp or Chat: chat.sandbox.africastalking.com serves nothing.
	if (env !== 'live') throw new WireError(404, 'The requested resource could not be found.');
}

const isText = (value) => typeof value === 'string' && value.trim() !== '';

module.exports = { MEDIA_TYPES, isText, liveOnly, refused };
