'use strict';
// What AT's official Node SDK (africastalking 0.8.3, lib/whatsapp.js) refuses, asked of the SDK
// itself: its joi schemas live inside sendMessage and createTemplate, so the fake calls them with a
// marker key, and an axios interceptor on the SDK's own axios stops that request before it leaves
// the process. Any other request through that axios is untouched.
const path = require('node:path');

const sdkRoot = path.dirname(require.resolve('africastalking/package.json'));
const sdkAxios = require(require.resolve('axios', { paths: [sdkRoot] }));
const WhatsApp = require('africastalking/lib/whatsapp');

const SCHEMA_CHECK_KEY = 'fake-at-schema-check';

class Accepted extends Error {}

sdkAxios.interceptors.request.use((config) => {
	if (config.headers && config.headers.apiKey === SCHEMA_CHECK_KEY) throw new Accepted('accepted by the SDK schema');
	return config;
});

// A username other than "sandbox": the SDK switches every client in the process to sandbox hosts
// once it sees that name.
const whatsApp = new WhatsApp({ apiKey: SCHEMA_CHECK_KEY, username: 'fake-at', format: 'application/json' });

/** undefined when AT's SDK takes the payload, else its joi message (e.g. `"body" does not match any of the allowed types`). */
async function sdkRefusal(method, payload) {
	try {
		await whatsApp[method](payload);
	} catch (error) {
		if (error instanceof Accepted) return undefined;
		return error instanceof Error ? error.message : String(error);
	}
	throw new Error(`AT's SDK ${method} sent a request past the fake's interceptor`);
}

module.exports = { sdkRefusal };
