'use strict';
// Runs one operation of the action node in real n8n (a webhook workflow) and checks the exact
// request the fake AT received: shared by the Insights, WhatsApp and Chat end-to-end tests.
const { uniquePath } = require('./stack');
const { webhookWorkflow, AT_NODE_NAME } = require('../harness/workflows');
const { nodeOutput, nodeError } = require('../harness/n8n');
const { sdkRequest, headersThatMatter } = require('../harness/atSdk');

const JSON_TYPE = 'application/json';
/** A refusal's message starts with this text (a sentence may follow, e.g. that nothing was sent). */
const startsWith = (text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
const HOSTS = { live: { insights: 'insights.africastalking.com', chat: 'chat.africastalking.com' }, sandbox: { insights: 'insights.sandbox.africastalking.com' } };

async function runCase(stack, environment, parameters, items = [{}], options = {}) {
	const webhookPath = uniquePath('new');
	const workflow = await stack.n8n.createWorkflow(
		webhookWorkflow({ name: webhookPath, path: webhookPath, parameters, credential: stack.credentials[environment], onError: options.onError }),
		{ activate: true },
	);
	const response = await stack.n8n.webhook(webhookPath, { items });
	const execution = (await stack.n8n.executions(workflow.id))[0];
	return { response, output: nodeOutput(execution, AT_NODE_NAME), error: nodeError(execution, AT_NODE_NAME) };
}

function expectRequest(stack, received, expected, environment) {
	const account = stack.fake.accounts.find((a) => a.environment === environment);
	expect(received.host).toBe(HOSTS[environment][expected.host]);
	expect([received.method, received.path]).toEqual(['POST', expected.path]);
	expect(received.headers.accept).toBe('application/json');
	expect(received.headers.apikey).toBe(account.apiKey);
	expect(received.headers['content-type']).toBe(JSON_TYPE);
	expect(received.body).toEqual({ username: account.username, ...expected.body });
	expect(received.headers['idempotency-key']).toBeUndefined();
}

/** The request n8n sent equals, byte for byte, the one AT's Node SDK sends for `call(sdk)`. */
async function expectSdkRequest(stack, received, call) {
	const account = stack.fake.accounts.find((a) => a.environment === 'live');
	const fromSdk = await sdkRequest(account, call);
	expect({ method: received.method, url: `https://${received.host}${received.path}`, headers: headersThatMatter(received.headers), body: received.rawBody }).toEqual(fromSdk);
}

async function expectCase(stack, environment, testCase) {
	const { response, output, error } = await runCase(stack, environment, testCase.parameters);
	expect(error).toBeUndefined();
	expect(response.status).toBe(200);
	expect(stack.fake.requests).toHaveLength(1);
	expectRequest(stack, stack.fake.requests[0], testCase.request, environment);
	if (testCase.sdk && environment === 'live') await expectSdkRequest(stack, stack.fake.requests[0], testCase.sdk);
	testCase.output(output.map((item) => item.json));
	expect(output.every((item) => item.pairedItem && item.pairedItem.item === 0)).toBe(true);
}

/** Item 1 is good, item 2 is not: the error names item 2, and item 2's value never reaches AT. */
async function expectRefusedItem(stack, parameters, values, message) {
	const { error } = await runCase(stack, 'live', parameters, values.map((v) => ({ v })));
	expect(error.message).toMatch(startsWith(message));
	expect(stack.fake.requests.length).toBeLessThanOrEqual(1);
	for (const request of stack.fake.requests) expect(JSON.stringify(request.body)).toContain(JSON.stringify(values[0]).slice(1, -1));
}

/** The product's cases sent with a live credential (exact request and output), and refused with a sandbox one. */
function describeLiveOnlyCases(stack, product, cases) {
	describe(`${product} with a live credential`, () => {
		it.each(cases.map((c) => [c.name, c]))('%s', async (_name, testCase) => expectCase(stack, 'live', testCase));
	});

	describe(`${product} with a sandbox credential: refused before sending`, () => {
		it.each(cases.map((c) => [c.name, c]))('%s', async (_name, testCase) => {
			const { error } = await runCase(stack, 'sandbox', testCase.parameters);
			expect(error.message).toBe(`Africa's Talking has no sandbox for ${product} (item 1). Nothing was sent to Africa's Talking.`);
			expect(error.description).toMatch(/Environment: Live/);
			expect(stack.fake.requests).toHaveLength(0);
		});
	});
}

module.exports = { runCase, expectCase, expectRefusedItem, startsWith, describeLiveOnlyCases };
