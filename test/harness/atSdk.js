'use strict';
// AT's official Node SDK (africastalking 0.8.3) with its HTTP layer replaced: an axios adapter on
// the SDK's own axios records each request and answers it, so nothing leaves the machine. Used to
// compare what the node sends with what the SDK sends for the same input.
const path = require('node:path');

const sdkAxios = require(require.resolve('axios', { paths: [path.dirname(require.resolve('africastalking/package.json'))] }));
const africastalking = require('africastalking');

const HEADERS_THAT_MATTER = ['accept', 'apikey', 'content-type'];

/** The headers that decide how AT reads a request, names in lower case. */
function headersThatMatter(headers) {
	return Object.fromEntries(
		Object.entries(headers)
			.map(([name, value]) => [name.toLowerCase(), String(value)])
			.filter(([name]) => HEADERS_THAT_MATTER.includes(name))
			.sort(),
	);
}

let recorded = [];
sdkAxios.defaults.adapter = async (config) => {
	recorded.push({ method: config.method.toUpperCase(), url: config.url, headers: headersThatMatter(config.headers.toJSON()), body: config.data });
	// Processed: checkSimSwapState treats any other status as a failure.
	return { data: { status: 'Processed' }, status: 200, statusText: 'OK', headers: {}, config };
};

/**
 * The one request AT's SDK makes for `call(sdk)` with a live app's credentials: { method, url,
 * headers (accept, apikey, content-type), body (the bytes, as text) }. The SDK's own refusal is thrown.
 * Never give it the username "sandbox": the SDK then sends every later request, of any client in
 * the process, to sandbox hosts.
 */
async function sdkRequest({ username, apiKey }, call) {
	if (username.toLowerCase() === 'sandbox') throw new Error('sdkRequest takes live credentials only');
	recorded = [];
	await call(africastalking({ username, apiKey }));
	if (recorded.length !== 1) throw new Error(`AT's SDK made ${recorded.length} requests, expected 1`);
	return recorded[0];
}

module.exports = { sdkRequest, headersThatMatter };
