'use strict';
// `npm run callback -- <event> <trigger URL> [field=value …]`: posts one Africa's Talking-shaped
// callback (the fake AT's payloads, test/fake-at/callbacks.js) to a trigger URL and prints the
// answer, so a Voice IVR or a USSD menu can be clicked through without a tunnel or an AT account.
const { CALLBACKS, postCallback } = require('../fake-at/callbacks');

const USAGE = `Usage: npm run callback -- <event> <trigger URL> [field=value …]

Events: ${Object.keys(CALLBACKS).join(', ')}

Examples:
  npm run callback -- ussd http://localhost:5678/webhook/<id>/webhook text=1*2
  npm run callback -- voiceCall http://localhost:5678/webhook/<id>/webhook dtmfDigits=1
  npm run callback -- paymentValidation 'http://localhost:5678/webhook/<id>/webhook?token=…' amount=900

Fields not given keep the sample values of test/fake-at/callbacks.js; JSON events take numbers and
JSON objects as such (amount=900, metadata={"orderId":"42"}).`;

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

async function main(argv) {
	const [event, url, ...rest] = argv;
	if (!event || !url || !CALLBACKS[event]) {
		console.error(event && !CALLBACKS[event] ? `Unknown event "${event}".\n\n${USAGE}` : USAGE);
		return 2;
	}
	const fields = parseFields(rest, CALLBACKS[event].type);
	const answer = await postCallback(url, event, fields);
	console.log(`HTTP ${answer.status} ${answer.contentType ?? ''}`.trim());
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

module.exports = { parseFields, USAGE };
