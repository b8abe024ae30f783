'use strict';
// One fake Africa's Talking and one real n8n per test file, with a live and a sandbox credential.
const { FakeAfricasTalking } = require('../fake-at/server');
const { DEFAULT_ACCOUNTS } = require('../fake-at/accounts');
const { testTls } = require('../harness/tls');
const { N8n } = require('../harness/n8n');

const LIVE = DEFAULT_ACCOUNTS.find((a) => a.environment === 'live');
const SANDBOX = DEFAULT_ACCOUNTS.find((a) => a.environment === 'sandbox');

const credentialData = {
	live: { environment: 'live', username: LIVE.username, apiKey: LIVE.apiKey },
	sandbox: { environment: 'sandbox', apiKey: SANDBOX.apiKey },
};

/**
 * One fake provider (listening with TLS) and one real n8n whose TLS connections to the provider's
 * hosts go to it; `credentials(n8n, fake)` creates what the tests use. Nothing is left running when
 * n8n fails to start.
 */
async function startFakeAndN8n(Fake, { fakePortOption, n8nOptions = {}, credentials }) {
	const tls = testTls();
	const fake = await new Fake().listen({ tls });
	const n8n = await N8n.create({ [fakePortOption]: fake.port, caPath: tls.caPath, ...n8nOptions });
	try {
		await n8n.start();
	} catch (error) {
		await n8n.stop();
		await fake.close();
		throw error;
	}
	return { fake, n8n, ...(await credentials(n8n, fake)) };
}

/** Registers Jest hooks that start one stack for the test file; returns it (filled in beforeAll). */
function useStackOf(start, { resetFakeBeforeEach = true } = {}) {
	const stack = {};
	beforeAll(async () => {
		Object.assign(stack, await start());
	});
	afterAll(async () => {
		if (stack.n8n) await stack.n8n.stop();
		if (stack.fake) await stack.fake.close();
	});
	if (resetFakeBeforeEach) beforeEach(() => stack.fake.reset());
	return stack;
}

/** The fake Africa's Talking and n8n with the AT package, with a live and a sandbox credential. */
function startStack() {
	return startFakeAndN8n(FakeAfricasTalking, {
		fakePortOption: 'fakePort',
		credentials: async (n8n) => ({
			credentials: {
				live: await n8n.createCredential({ name: 'AT live', data: credentialData.live }),
				sandbox: await n8n.createCredential({ name: 'AT sandbox', data: credentialData.sandbox }),
			},
		}),
	});
}

function useStack(options) {
	return useStackOf(startStack, options);
}

let counter = 0;
function uniquePath(prefix) {
	counter += 1;
	return `${prefix}-${process.pid}-${counter}`;
}

module.exports = { startFakeAndN8n, useStackOf, useStack, credentialData, uniquePath, LIVE, SANDBOX };
