'use strict';
// Bulk campaigns in real n8n: the README's example workflows (run with `n8n execute --id`),
// chunked sends, the shared concurrency limit, and retries that never send a recipient twice.
const fs = require('node:fs');
const path = require('node:path');
const { useStack, uniquePath, LIVE } = require('./stack');
const { webhookWorkflow, AT_NODE_NAME } = require('../harness/workflows');
const { nodeOutput, nodeError } = require('../harness/n8n');

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
	it('sends 2,500 recipients read from a nested field of the item in 3 requests, at most 2 in flight, one output item per recipient in input order', async () => {
		stack.fake.latencyMs = 100;
		const list = phones(2500);
		const { output } = await campaign(
			{ resource: 'sms', operation: 'send', recipientsField: 'data.phones', message: 'Flash sale today', options: { batchSize: 1000, maxConcurrency: 2 } },
			[{ data: { phones: list } }],
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
			{ resource: 'sms', operation: 'send', recipientsField: 'phones', message: 'x', options: { batchSize: 2, maxConcurrency: 1, maxRetries: 2 } },
			[{ phones: list }],
			'continueRegularOutput',
		);
		expect(output.map((i) => [i.json.number, Boolean(i.json.error)])).toEqual(list.map((p, i) => [p, i < 2]));
		expect(stack.fake.requests.filter((r) => r.status === 503)).toHaveLength(3);
		expect(output[0].json.error).toMatch(/Africa's Talking refused the request: Internal Server Error|HTTP 503|503/);
		for (const phone of list.slice(2)) expect(stack.fake.acceptedCount('sms', phone)).toBe(1);
	});
});

// Issue 31: the same campaign against AT's answers as documented and as older deployments give them (no statusCode, fewer fields).
describe.each([
	['answers as documented', false],
	['older answers: no statusCode, fewer fields', true],
])('a campaign read by meaning (%s)', (_mode, olderAnswers) => {
	it('one item per recipient: sent ones succeed, a rejected one fails with its reason; Summary counts the same', async () => {
		const list = phones(4);
		const setUp = () => {
			stack.fake.olderAnswers = olderAnswers;
			stack.fake.recipientStatus.set(list[2], 406);
		};
		setUp();
		const { output } = await campaign({ resource: 'sms', operation: 'send', recipientsSource: 'parameter', recipients: '={{ $json.phones }}', message: 'x' }, [{ phones: list }], 'continueRegularOutput');
		expect(output.map((i) => [i.json.number, i.json.success, i.json.error === undefined])).toEqual(list.map((p, i) => [p, i !== 2, i !== 2]));
		expect(output[2].json.error).toMatch(/^\+254700000002: UserInBlacklist.*opted out/);
		stack.fake.reset();
		setUp();
		const summary = await campaign(
			{ resource: 'sms', operation: 'send', recipientsSource: 'parameter', recipients: '={{ $json.phones }}', message: 'x', output: 'summary', includeMessageIds: true },
			[{ phones: list }],
			'continueRegularOutput',
		);
		const [json] = summary.output.map((i) => i.json);
		expect(json).toMatchObject({ recipients: 4, sent: 3, failed: 1 });
		expect(json.unconfirmed).toBeUndefined();
		expect(json.failedRecipients.map((f) => [f.recipient, f.status])).toEqual([[list[2], 'UserInBlacklist']]);
		expect(json.messageIds.map((m) => m.recipient)).toEqual([list[0], list[1], list[3]]);
	});
});

describe('lists read from a field of the input item', () => {
	it('takes a comma-separated text as an array is taken', async () => {
		const list = phones(5);
		const { output } = await campaign({ resource: 'sms', operation: 'send', recipientsField: 'phones', message: 'x', output: 'summary' }, [{ phones: list.join(', ') }]);
		expect(output.map((i) => i.json)).toEqual([{ recipients: 5, sent: 5, failed: 0, byStatus: { Sent: 5 }, totalCost: { KES: 4 }, failedRecipients: [] }]);
		expect(list.map((p) => stack.fake.acceptedCount('sms', p))).toEqual(list.map(() => 1));
	});

	it.each([
		['a field the item does not have', { phone: ['+254711000001'] }, 'The input item has no field "phones" (item 1). Nothing was sent to Africa\'s Talking.'],
		['a field that holds an object', { phones: { first: '+254711000001' } }, 'The input item\'s field "phones" holds an object, not phone numbers (item 1). Nothing was sent to Africa\'s Talking.'],
		['a bad entry', { phones: ['+254711000001', '+254711000002', '0711000003'] }, 'Invalid phone number "0711000003" in "Recipients" (field "phones", entry 3, item 1). Nothing was sent to Africa\'s Talking.'],
	])('refuses %s before sending anything, naming the field, the entry and the item', async (_, item, message) => {
		const hookPath = uniquePath('field-refusal');
		const created = await stack.n8n.createWorkflow(
			webhookWorkflow({ name: hookPath, path: hookPath, credential: stack.credentials.live, parameters: { resource: 'sms', operation: 'send', recipientsField: 'phones', message: 'x' } }),
			{ activate: true },
		);
		await stack.n8n.webhook(hookPath, { items: [item] });
		const [execution] = await stack.n8n.executions(created.id);
		expect(execution.status).toBe('error');
		expect(nodeError(execution, AT_NODE_NAME).message).toBe(message);
		expect(stack.fake.requests).toHaveLength(0);
	});
});

describe('personalised messages, one item per recipient', () => {
	it('bounds concurrency over all items and retries 429s without sending anyone twice', async () => {
		stack.fake.latencyMs = 20;
		stack.fake.injectRandomFaults({ rate: 0.1, status: 429, seed: 7 });
		stack.fake.injectFault({ status: 429, retryAfter: 1, times: 1 });
		const list = phones(200);
		const { output } = await campaign(
			{ resource: 'sms', operation: 'send', recipientsSource: 'parameter', recipients: '={{ $json.phone }}', message: '=Hi {{ $json.name }}', options: { maxConcurrency: 5, maxRetries: 8 } },
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

describe('personalised list in one item, Summary output, limits shared by executions', () => {
	it('personalised-list.json sends each row its own message from one list and outputs the summary', async () => {
		const items = await runExample('personalised-list.json');
		expect(stack.fake.requests.map((r) => [r.body.to, r.body.message]).sort()).toEqual(
			ROWS.map(([phone, name, balance]) => [phone, `Hi ${name}, your balance is ${balance}.`]).sort(),
		);
		expect(items).toEqual([{ recipients: 3, sent: 3, failed: 0, byStatus: { Sent: 3 }, totalCost: { KES: 2.4 }, failedRecipients: [] }]);
	});

	it('sends a list of 300 with 429s and bounded concurrency: each once, one item per entry in list order, linked to its item', async () => {
		stack.fake.latencyMs = 20;
		stack.fake.injectRandomFaults({ rate: 0.1, status: 429, seed: 5 });
		const list = phones(300).map((to, i) => ({ to, message: `Hi customer ${i}` }));
		const { output } = await campaign(
			{ resource: 'sms', operation: 'send', messageMode: 'list', messageListField: 'messages', options: { maxConcurrency: 4, maxRetries: 8 } },
			[{ messages: list }],
		);
		stack.fake.latencyMs = 0;
		expect(stack.fake.requests.filter((r) => r.status === 429).length).toBeGreaterThan(5);
		expect(stack.fake.maxInFlight).toBeLessThanOrEqual(4);
		expect(list.map((e) => stack.fake.acceptedCount('sms', e.to))).toEqual(list.map(() => 1));
		const sent = stack.fake.requests.filter((r) => r.status === 201);
		expect(sent.map((r) => [r.body.to, r.body.message]).sort()).toEqual(list.map((e) => [e.to, e.message]).sort());
		expect(sent[0].body).toEqual({ username: LIVE.username, bulkSMSMode: '1', to: sent[0].body.to, message: sent[0].body.message });
		expect(output.map((i) => [i.json.number, i.pairedItem.item])).toEqual(list.map((e) => [e.to, 0]));
	});

	it('refuses a list with a bad entry before sending anything, naming the index and field', async () => {
		const list = phones(5).map((to) => ({ to, message: 'Hi' }));
		list[3] = { to: '0711000003', message: 'Hi' };
		const hookPath = uniquePath('bad-list');
		const created = await stack.n8n.createWorkflow(
			webhookWorkflow({ name: hookPath, path: hookPath, credential: stack.credentials.live, parameters: { resource: 'sms', operation: 'send', messageMode: 'list', messageListField: 'messages' } }),
			{ activate: true },
		);
		await stack.n8n.webhook(hookPath, { items: [{ messages: list }] });
		const [execution] = await stack.n8n.executions(created.id);
		expect(execution.status).toBe('error');
		expect(nodeError(execution, AT_NODE_NAME).message).toBe('Invalid phone number "0711000003" in "messages[3].to" (item 1). Nothing was sent to Africa\'s Talking.');
		expect(stack.fake.requests).toHaveLength(0);
	});

	it('with Continue On Fail, a bad entry is refused and the rest sent; the Summary lists it and AT\'s rejections with their reasons', async () => {
		const list = phones(6).map((to, i) => ({ to, message: `Hi ${i}` }));
		list[1] = { to: list[1].to, message: '' };
		stack.fake.recipientStatus.set(list[4].to, 406);
		const { output } = await campaign(
			{ resource: 'sms', operation: 'send', messageMode: 'list', messageListField: 'messages', output: 'summary', includeMessageIds: true },
			[{ messages: list }],
			'continueRegularOutput',
		);
		expect(stack.fake.requests).toHaveLength(5);
		expect(output).toHaveLength(1);
		const summary = output[0].json;
		expect(summary).toMatchObject({ recipients: 6, sent: 4, failed: 2, byStatus: { Sent: 4, Refused: 1, UserInBlacklist: 1 }, totalCost: { KES: 3.2 } });
		expect(summary.failedRecipients).toEqual([
			{ recipient: list[1].to, status: 'Refused', reason: '"messages[1].message" is empty (entry 2 of 6, item 1). Nothing was sent to Africa\'s Talking.' },
			{ recipient: list[4].to, status: 'UserInBlacklist', reason: 'UserInBlacklist (406). The recipient opted out of messages from this sender.' },
		]);
		expect(summary.messageIds.map((m) => m.recipient)).toEqual([0, 2, 3, 5].map((i) => list[i].to));
	});

	it('two executions to one account at once keep together to the limit each sets', async () => {
		stack.fake.latencyMs = 30;
		const hookPath = uniquePath('parallel');
		const created = await stack.n8n.createWorkflow(
			webhookWorkflow({
				name: hookPath, path: hookPath, credential: stack.credentials.live,
				// A small list from an expression still works as it did.
				parameters: { resource: 'sms', operation: 'send', messageMode: 'list', messageListSource: 'parameter', messageList: '={{ $json.messages }}', output: 'summary', options: { maxConcurrency: 3 } },
			}),
			{ activate: true },
		);
		const lists = [0, 1].map((n) => phones(60, `+2557${n}`).map((to, i) => ({ to, message: `Hi ${i}` })));
		await Promise.all(lists.map((list) => stack.n8n.webhook(hookPath, { items: [{ messages: list }] })));
		stack.fake.latencyMs = 0;
		const executions = await stack.n8n.executions(created.id);
		expect(executions.map((e) => nodeOutput(e, AT_NODE_NAME)[0].json.sent)).toEqual([60, 60]);
		expect(stack.fake.maxInFlight).toBe(3);
	});
});
