'use strict';
// Bulk campaigns in real n8n: the README's example workflows (run with `n8n execute --id`),
// chunked sends, the shared concurrency limit, and retries that never send a recipient twice.
const fs = require('node:fs');
const path = require('node:path');
const { useStack, uniquePath, LIVE } = require('./stack');
const { webhookWorkflow, AT_NODE_NAME } = require('../harness/workflows');
const { nodeOutput } = require('../harness/n8n');

jest.setTimeout(300000);

const stack = useStack();

const EXAMPLES = path.join(__dirname, '..', 'examples');
const ROWS = [
	['+254711000001', 'Amina', 'KES 1,200'],
	['+254711000002', 'Baraka', 'KES 350'],
	['+255754000003', 'Chausiku', 'TZS 20,000'],
];

/** Imports an example the way a user would, pointing it at the test credential, and runs it with the CLI. */
async function runExample(file) {
	const workflow = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
	for (const node of workflow.nodes) if (node.credentials) node.credentials.africasTalkingApi = stack.credentials.live;
	const created = await stack.n8n.createWorkflow(workflow);
	const run = await stack.n8n.execute(created.id);
	expect(run.status).toBe(0);
	expect(run.output).not.toBeNull();
	const atNode = workflow.nodes.find((n) => n.type === 'n8n-nodes-africastalking.africasTalking').name;
	return run.output.data.resultData.runData[atNode][0].data.main[0].map((item) => item.json);
}

describe('example workflows (README recipes)', () => {
	it.each(['same-message-to-list.json', 'scheduled-campaign.json'])('%s sends one message to the whole list in one request', async (file) => {
		const items = await runExample(file);
		expect(stack.fake.requests).toHaveLength(1);
		expect(stack.fake.requests[0].body).toEqual({
			username: LIVE.username, bulkSMSMode: '1', to: ROWS.map((r) => r[0]).join(','), message: 'Our offices are closed on Monday. Karibu!',
		});
		expect(items.map((i) => [i.number, i.statusName])).toEqual(ROWS.map((r) => [r[0], 'Sent']));
	});

	it('personalised-mail-merge.json sends each row its own message', async () => {
		const items = await runExample('personalised-mail-merge.json');
		expect(stack.fake.requests.map((r) => [r.body.to, r.body.message]).sort()).toEqual(
			ROWS.map(([phone, name, balance]) => [phone, `Hi ${name}, your balance is ${balance}.`]).sort(),
		);
		expect(items.map((i) => i.number)).toEqual(ROWS.map((r) => r[0]));
	});
});

const phones = (n, prefix = '+2547') => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(8, '0')}`);

async function campaign(parameters, items, onError) {
	const hookPath = uniquePath('campaign');
	const created = await stack.n8n.createWorkflow(webhookWorkflow({ name: hookPath, path: hookPath, parameters, credential: stack.credentials.live, onError }), { activate: true });
	const response = await stack.n8n.webhook(hookPath, { items });
	const [execution] = await stack.n8n.executions(created.id);
	return { response, output: nodeOutput(execution, AT_NODE_NAME) };
}

describe('same message to many', () => {
	it('sends 2,500 recipients of one item in 3 requests, at most 2 in flight, one output item per recipient in input order', async () => {
		stack.fake.latencyMs = 100;
		const list = phones(2500);
		const { output } = await campaign(
			{ resource: 'sms', operation: 'send', recipients: '={{ $json.phones }}', message: 'Flash sale today', options: { batchSize: 1000, maxConcurrency: 2 } },
			[{ phones: list }],
		);
		stack.fake.latencyMs = 0;
		expect(stack.fake.requests.map((r) => r.body.to.split(',').length)).toEqual([1000, 1000, 500]);
		expect(stack.fake.maxInFlight).toBe(2);
		expect(output.map((i) => i.json.number)).toEqual(list);
		expect(output.every((i) => i.pairedItem.item === 0 && i.json.success)).toBe(true);
	});

	it('reports a chunk that still fails after its retries as error items, next to the chunks that were sent', async () => {
		const list = phones(6);
		// The first chunk's requests keep failing; the others go through.
		stack.fake.injectFault({ status: 503, times: 100, match: (record) => record.rawBody.includes(encodeURIComponent(list[0])) });
		const { output } = await campaign(
			{ resource: 'sms', operation: 'send', recipients: '={{ $json.phones }}', message: 'x', options: { batchSize: 2, maxConcurrency: 1, maxRetries: 2 } },
			[{ phones: list }],
			'continueRegularOutput',
		);
		expect(output.map((i) => [i.json.number, Boolean(i.json.error)])).toEqual(list.map((p, i) => [p, i < 2]));
		expect(stack.fake.requests.filter((r) => r.status === 503)).toHaveLength(3);
		expect(output[0].json.error).toMatch(/Africa's Talking refused the request: Internal Server Error|HTTP 503|503/);
		for (const phone of list.slice(2)) expect(stack.fake.acceptedCount('sms', phone)).toBe(1);
	});
});

describe('personalised messages, one item per recipient', () => {
	it('bounds concurrency over all items and retries 429s without sending anyone twice', async () => {
		stack.fake.latencyMs = 20;
		stack.fake.injectRandomFaults({ rate: 0.1, status: 429, seed: 7 });
		stack.fake.injectFault({ status: 429, retryAfter: 1, times: 1 });
		const list = phones(200);
		const { output } = await campaign(
			{ resource: 'sms', operation: 'send', recipients: '={{ $json.phone }}', message: '=Hi {{ $json.name }}', options: { maxConcurrency: 5, maxRetries: 8 } },
			list.map((phone, i) => ({ phone, name: `Customer ${i}` })),
		);
		stack.fake.latencyMs = 0;
		const throttled = stack.fake.requests.filter((r) => r.status === 429).length;
		expect(throttled).toBeGreaterThan(5);
		expect(stack.fake.maxInFlight).toBeLessThanOrEqual(5);
		expect(list.map((p) => stack.fake.acceptedCount('sms', p))).toEqual(list.map(() => 1));
		expect(output.map((i) => [i.json.number, i.pairedItem.item])).toEqual(list.map((p, i) => [p, i]));
		const messages = stack.fake.requests.filter((r) => r.status === 201).map((r) => r.body.message);
		expect(new Set(messages).size).toBe(200);
	});
});
