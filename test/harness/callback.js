'use strict';
// `npm run callback -- <event> <trigger URL> [field=value …]`: posts one Africa's Talking-shaped
// callback (the fake AT's payloads, test/fake-at/callbacks.js) or one TalkNTalk webhook (the fake
// TalkNTalk's, test/fake-tnt/webhooks.js, signed when a secret is given) to a trigger URL and
// prints the answer, so a Voice IVR, a USSD menu or a delivery report can be tried without a
// tunnel or an account. A TalkNTalk body is signed with the trigger credential's Signing Secret,
// taken from CALLBACK_SIGNING_SECRET or asked for with `--secret` (typed without echo), never from
// the command line: npm prints the command it runs, so a secret given there lands on the terminal.
const readline = require('node:readline');
const { CALLBACKS, postCallback } = require('../fake-at/callbacks');
const { EVENTS: TALKNTALK_EVENTS, eventBody, postWebhook } = require('../fake-tnt/webhooks');

const SECRET_ENV = 'CALLBACK_SIGNING_SECRET';

const USAGE = `Usage: npm run callback -- <event> <trigger URL> [field=value …] [--secret]

Africa's Talking events: ${Object.keys(CALLBACKS).join(', ')}
TalkNTalk events: ${TALKNTALK_EVENTS.join(', ')}

Examples:
  npm run callback -- ussd http://localhost:5678/webhook/<id>/webhook text=1*2
  npm run callback -- voiceCall http://localhost:5678/webhook/<id>/webhook dtmfDigits=1
  npm run callback -- paymentValidation 'http://localhost:5678/webhook/<id>/webhook?token=…' amount=900
  npm run callback -- sms.delivered http://localhost:5678/webhook/<id>/webhook mobile=254712345678 --secret

Fields not given keep the sample values of test/fake-at/callbacks.js and test/fake-tnt/webhooks.js;
JSON events take numbers and JSON objects as such (amount=900, metadata={"orderId":"42"}).
TalkNTalk fields go into the message ("data"), except timestamp. The body is signed
(X-TalkNTalk-Signature) as TalkNTalk does when the endpoint has a secret, with the Signing Secret
of the trigger's TalkNTalk Webhook API credential: set ${SECRET_ENV} in the environment,
or give --secret to be asked for it (what you type is not shown).`;

const SECRET_ON_COMMAND_LINE = `--secret=<value> would put the secret on the terminal (npm prints the command it runs): give --secret alone to be asked for it, or set ${SECRET_ENV}. Nothing was sent.`;

/** Asks for a secret on the terminal without echoing what is typed. */
function askSecret(question, { input = process.stdin, output = process.stderr } = {}) {
	return new Promise((resolve, reject) => {
		if (!input.isTTY) {
			reject(new Error(`--secret asks for the Signing Secret on a terminal, and there is none: set ${SECRET_ENV} instead. Nothing was sent.`));
			return;
		}
		const rl = readline.createInterface({ input, output, terminal: true });
		output.write(question);
		// Nothing typed is echoed: readline writes what it echoes through _writeToOutput.
		rl._writeToOutput = () => undefined;
		rl.question('', (answer) => {
			rl.close();
			output.write('\n');
			resolve(answer);
		});
	});
}

/** The Signing Secret to sign with: the environment's, the one typed after --secret, or none. */
async function signingSecret(askForSecret, { env = process.env, ask = askSecret } = {}) {
	if (env[SECRET_ENV]) return env[SECRET_ENV];
	if (!askForSecret) return undefined;
	const secret = await ask("Signing Secret of the trigger's TalkNTalk Webhook API credential: ");
	if (!secret) throw new Error('No Signing Secret typed. Nothing was sent.');
	return secret;
}

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

async function main(argv, options = {}) {
	if (argv.some((arg) => arg.startsWith('--secret='))) {
		console.error(SECRET_ON_COMMAND_LINE);
		return 2;
	}
	const askForSecret = argv.includes('--secret');
	const [event, url, ...rest] = argv.filter((arg) => arg !== '--secret');
	const known = Boolean(CALLBACKS[event]) || TALKNTALK_EVENTS.includes(event);
	if (!event || !url || !known) {
		console.error(event && !known ? `Unknown event "${event}".\n\n${USAGE}` : USAGE);
		return 2;
	}
	let answer;
	if (TALKNTALK_EVENTS.includes(event)) {
		const secret = await signingSecret(askForSecret, options);
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

module.exports = { parseFields, talkNTalkBody, main, askSecret, USAGE };
