'use strict';
// `npm run callback -- <event> <trigger URL> [field=value …]`: posts one Africa's Talking-shaped
// callback (the fake AT's payloads, test/fake-at/callbacks.js) or one TalkNTalk webhook (the fake
// TalkNTalk's, test/fake-tnt/webhooks.js, signed when a secret is given) to a trigger URL and
// prints the answer, so a Voice IVR, a USSD menu or a delivery report can be tried without a
// tunnel or an account.
const { CALLBACKS, postCallback } = require('../fake-at/callbacks');
const { EVENTS: TALKNTALK_EVENTS, eventBody, postWebhook } = require('../fake-tnt/webhooks');

const USAGE = `Usage: npm run callback -- <event> <trigger URL> [field=value …] [--secret=<webhook secret>]

Africa's Talking events: ${Object.keys(CALLBACKS).join(', ')}
TalkNTalk events: ${TALKNTALK_EVENTS.join(', ')}

Examples:
  npm run callback -- ussd http://localhost:5678/webhook/<id>/webhook text=1*2
  npm run callback -- voiceCall http://localhost:5678/webhook/<id>/webhook dtmfDigits=1
  npm run callback -- paymentValidation 'http://localhost:5678/webhook/<id>/webhook?token=…' amount=900
  npm run callback -- sms.delivered http://localhost:5678/webhook/<id>/webhook mobile=254712345678 --secret=<the credential's Webhook Secret>

Fields not given keep the sample values of test/fake-at/callbacks.js and test/fake-tnt/webhooks.js;
JSON events take numbers and JSON objects as such (amount=900, metadata={"orderId":"42"}).
TalkNTalk fields go into the message ("data"), except timestamp; --secret signs the body
(X-TalkNTalk-Signature) as TalkNTalk does when the endpoint has a secret.`;

/** `field=value` arguments as body fields; for JSON events, numbers and JSON objects keep their type. */
function parseFields(args, type) {
	const fields = {};
	for (const arg of args) {
		const at = arg.indexOf('=');
		if (at <= 0) throw new Error(`"${arg}" is not field=value`);
		const [name, value] = [arg.slice(0, at), arg.slice(at + 1)];
		fields[name] = type === 'json' ? jsonValue(value) : value;
	}
	return fields;
}

function jsonValue(value) {
	if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
	if (/^[[{]/.test(value)) {
		try {
			return JSON.parse(value);
		} catch {
			return value;
		}
	}
	return value;
}

/** A TalkNTalk webhook body: the sample message with the given fields (timestamp at the top). */
function talkNTalkBody(event, fields) {
	const { timestamp, ...message } = fields;
	// Webhooks carry an integer message id; every other field is text.
	if (typeof message.id === 'string' && /^\d+$/.test(message.id)) message.id = Number(message.id);
	const body = eventBody(event, message);
	if (timestamp !== undefined) body.timestamp = timestamp;
	return body;
}

async function main(argv) {
	const secretArg = argv.find((arg) => arg.startsWith('--secret='));
	const [event, url, ...rest] = argv.filter((arg) => arg !== secretArg);
	const known = Boolean(CALLBACKS[event]) || TALKNTALK_EVENTS.includes(event);
	if (!event || !url || !known) {
		console.error(event && !known ? `Unknown event "${event}".\n\n${USAGE}` : USAGE);
		return 2;
	}
	let answer;
	if (TALKNTALK_EVENTS.includes(event)) {
		const secret = secretArg ? secretArg.slice('--secret='.length) : undefined;
		answer = await postWebhook(url, talkNTalkBody(event, parseFields(rest, 'form')), { secret });
		console.log(`HTTP ${answer.status}${secret ? ' (signed)' : ''}`);
	} else {
		answer = await postCallback(url, event, parseFields(rest, CALLBACKS[event].type));
		console.log(`HTTP ${answer.status} ${answer.contentType ?? ''}`.trim());
	}
	console.log(answer.text);
	return answer.status < 400 ? 0 : 1;
}

if (require.main === module) {
	main(process.argv.slice(2)).then(
		(code) => process.exit(code),
		(error) => {
			console.error(error.message);
			process.exit(1);
		},
	);
}

module.exports = { parseFields, talkNTalkBody, main, USAGE };
