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

async function startStack() {
	const tls = testTls();
	const fake = await new FakeAfricasTalking().listen({ tls });
	const n8n = await N8n.create({ fakePort: fake.port, caPath: tls.caPath });
	try {
		await n8n.start();
	} catch (error) {
		await n8n.stop();
		await fake.close();
		throw error;
	}
	const credentials = {
		live: await n8n.createCredential({ name: 'AT live', data: credentialData.live }),
		sandbox: await n8n.createCredential({ name: 'AT sandbox', data: credentialData.sandbox }),
	};
	return { fake, n8n, credentials };
}

async function stopStack(stack) {
	if (!stack) return;
	await stack.n8n.stop();
	await stack.fake.close();
}

/** Registers Jest hooks that start one stack for the test file; returns it (filled in beforeAll). */
function useStack({ resetFakeBeforeEach = true } = {}) {
	const stack = {};
	beforeAll(async () => {
		Object.assign(stack, await startStack());
	});
	afterAll(async () => {
		if (stack.n8n) await stopStack(stack);
	});
	if (resetFakeBeforeEach) beforeEach(() => stack.fake.reset());
	return stack;
}

let counter = 0;
function uniquePath(prefix) {
	counter += 1;
	return `${prefix}-${process.pid}-${counter}`;
}

module.exports = { startStack, stopStack, useStack, credentialData, uniquePath, LIVE, SANDBOX };
