'use strict';
// Small helpers shared by the fake's route handlers: validation the way AT's akka-http
// server answers it, and response writers.

const E164 = /^\+[1-9]\d{6,14}$/;

class WireError extends Error {
	constructor(status, body, contentType = 'text/plain; charset=UTF-8') {
		super(typeof body === 'string' ? body : JSON.stringify(body));
		this.status = status;
		this.body = body;
		this.contentType = contentType;
	}
}

function missing(kind, name) {
	const where = { form: 'form field', json: 'field', query: 'query parameter' }[kind];
	return new WireError(400, `Request is missing required ${where} '${name}'`);
}

function requireFields(kind, source, names) {
	for (const name of names) {
		const value = source[name];
		if (value === undefined || value === null || value === '') throw missing(kind, name);
	}
}

function isE164(value) {
	return typeof value === 'string' && E164.test(value);
}

/** GSM-7 messages take 160 characters per part (153 when split), anything else 70 (67). */
function messageParts(text) {
	const gsm = /^[@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà^{}\\[~\]|€]*$/.test(text);
	const single = gsm ? 160 : 70;
	const part = gsm ? 153 : 67;
	const length = [...text].length;
	return length <= single ? 1 : Math.ceil(length / part);
}

function money(currency, amount) {
	return `${currency} ${Number(amount).toFixed(4)}`;
}

/** A JSON answer, and the JSON 400 that AT's JSON APIs (Insights, WhatsApp, Chat) give a bad body. */
const json = (status, body) => ({ status, json: body });
const badJson = (description) => new WireError(400, { statusCode: 400, status: 'InvalidRequest', description }, 'application/json');

module.exports = { WireError, requireFields, isE164, messageParts, money, json, badJson };
