'use strict';
// Loaded with `node --require` into the n8n under test (never into the product): every TLS
// connection to *.africastalking.com goes to the fake AT on 127.0.0.1:$AT_FAKE_PORT instead,
// and to api.talkntalk.africa to the fake TalkNTalk on 127.0.0.1:$TNT_FAKE_PORT.
// The server name stays the provider's, so the certificate check and the Host header are the real ones.
const tls = require('node:tls');

const FAKES = [
	{ host: /(^|\.)africastalking\.com$/i, port: Number(process.env.AT_FAKE_PORT) },
	{ host: /(^|\.)talkntalk\.africa$/i, port: Number(process.env.TNT_FAKE_PORT) },
];
const connect = tls.connect;

tls.connect = function redirectedConnect(...args) {
	const options = typeof args[0] === 'object' ? args[0] : args[2] && typeof args[2] === 'object' ? args[2] : null;
	const host = options ? options.host || options.servername : typeof args[1] === 'string' ? args[1] : undefined;
	const fake = host ? FAKES.find((f) => f.port && f.host.test(host)) : undefined;
	if (fake) {
		const redirected = { ...(options || {}), host: '127.0.0.1', port: fake.port, servername: host };
		const callback = args.find((arg) => typeof arg === 'function');
		return callback ? connect.call(this, redirected, callback) : connect.call(this, redirected);
	}
	return connect.apply(this, args);
};
