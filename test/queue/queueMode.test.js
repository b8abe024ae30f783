'use strict';
// The package in n8n's queue mode, as production deployments run it: real Redis and PostgreSQL,
// a main instance that takes the webhooks and workers that run the executions, the package
// installed in every process and Africa's Talking redirected to the fake in every process.
const { Client } = require('pg');
const { parseStringPromise } = require('xml2js');
const { FakeAfricasTalking } = require('../fake-at/server');
const { postCallback } = require('../fake-at/callbacks');
const { testTls } = require('../harness/tls');
const { QueueCluster } = require('../harness/queue');
const { webhookWorkflow, triggerWorkflow, callbackResponse, AT_NODE_NAME, AT_NODE_TYPE } = require('../harness/workflows');
const { nodeOutput } = require('../harness/n8n');
const { credentialData, uniquePath } = require('../e2e/stack');

jest.setTimeout(600000);

// AT's help centre gives a USSD application 10 s to accept the connection and 15 s to answer;
// AT publishes no separate figure for voice callbacks, so both are held to the stricter 10 s.
const AT_ANSWER_LIMIT_MS = 10000;

const phones = (n, prefix) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(6, '0')}`);

let fake;
let cluster;
let credential;
let db;

beforeAll(async () => {
	const tls = testTls();
	fake = await new FakeAfricasTalking().listen({ tls });
	cluster = await QueueCluster.start({ fakePort: fake.port, caPath: tls.caPath, workers: 1 });
	credential = await cluster.main.createCredential({ name: 'AT live', data: credentialData.live });
	db = new Client({ host: '127.0.0.1', port: cluster.postgres.port, database: cluster.postgres.database, user: cluster.postgres.user, password: cluster.postgres.password });
	await db.connect();
});

afterAll(async () => {
	if (db) await db.end();
	if (cluster) await cluster.stop();
	if (fake) await fake.close();
});

beforeEach(() => fake.reset());

/** Executions of a workflow straight from PostgreSQL (the REST list stops at 100 per page). */
async function executionsOf(workflowId) {
	const { rows } = await db.query('SELECT id::text AS id, status, finished FROM execution_entity WHERE "workflowId" = $1 ORDER BY id', [workflowId]);
	return rows;
}

async function waitForFinished(workflowId, count, timeoutMs = 300000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const rows = await executionsOf(workflowId);
		const done = rows.filter((row) => !['new', 'running', 'waiting'].includes(row.status));
		if (done.length >= count || Date.now() > deadline) return rows;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** Runs `task` on `items` with at most `limit` at a time. */
async function inParallel(items, limit, task) {
	const results = new Array(items.length);
	let next = 0;
	await Promise.all(
		Array.from({ length: limit }, async () => {
			while (next < items.length) {
				const index = next++;
				results[index] = await task(items[index], index);
			}
		}),
	);
	return results;
}

async function publishTrigger(parameters, then) {
	const { workflow, path } = triggerWorkflow({ name: uniquePath(`queue ${parameters.event}`), parameters, then });
	const created = await cluster.main.createWorkflow(workflow, { activate: true });
	return { id: created.id, url: `${cluster.main.url}/webhook/${path}` };
}

describe('one main and one worker', () => {
	it('runs a 5,000-recipient campaign on the worker: exact requests, each recipient sent once, even across a retried 503', async () => {
		const list = phones(5000, '+254711');
		fake.latencyMs = 20;
		fake.injectFault({ status: 503, times: 1 });
		const hookPath = uniquePath('queue-campaign');
		const workflow = webhookWorkflow({
			name: hookPath, path: hookPath, credential,
			parameters: { resource: 'sms', operation: 'send', recipientsField: 'phones', message: 'Flash sale today', options: { batchSize: 1000, maxConcurrency: 2 } },
		});
		workflow.nodes[0].parameters.responseMode = 'onReceived';
		const created = await cluster.main.createWorkflow(workflow, { activate: true });

		const answer = await cluster.main.webhook(hookPath, { items: [{ phones: list }] });
		expect(answer.status).toBe(200);
		const [row] = await waitForFinished(created.id, 1);
		fake.latencyMs = 0;

		expect(row.status).toBe('success');
		expect(cluster.workerOf([row.id])).toEqual([0]);
		const sent = fake.requests.filter((r) => r.status === 201);
		expect(fake.requests.map((r) => r.status).sort()).toEqual([201, 201, 201, 201, 201, 503]);
		expect(sent.map((r) => r.body.to.split(',').length)).toEqual([1000, 1000, 1000, 1000, 1000]);
		expect(sent.flatMap((r) => r.body.to.split(',')).sort()).toEqual([...list].sort());
		expect(new Set(sent.map((r) => r.body.message))).toEqual(new Set(['Flash sale today']));
		expect(list.filter((phone) => fake.acceptedCount('sms', phone) !== 1)).toEqual([]);
		const output = nodeOutput(await cluster.main.execution(row.id), AT_NODE_NAME);
		expect(output.map((item) => item.json.number)).toEqual(list);
		expect(output.every((item) => item.json.success)).toBe(true);
	});

	it('keeps one Idempotency-Key for a payment the worker retries, taken from what the execution stores', async () => {
		// AT takes the payment, then the answer is lost; Retry On Fail on the worker sends the item again.
		fake.injectFault({ status: 'drop', afterProcessing: true });
		const hookPath = uniquePath('queue-pay');
		const workflow = webhookWorkflow({
			name: hookPath, path: hookPath, credential,
			parameters: { resource: 'payment', operation: 'mobileCheckout', productName: 'Shop', phoneNumber: '+254711009000', currencyCode: 'KES', amount: 10 },
		});
		Object.assign(workflow.nodes[2], { retryOnFail: true, maxTries: 3, waitBetweenTries: 100 });
		workflow.nodes[0].parameters.responseMode = 'onReceived';
		const created = await cluster.main.createWorkflow(workflow, { activate: true });
		await cluster.main.webhook(hookPath, { items: [{}] });
		const [row] = await waitForFinished(created.id, 1);
		expect(cluster.workerOf([row.id])).toEqual([0]);

		const keys = fake.requests.map((r) => r.headers['idempotency-key']);
		expect(keys.length).toBeGreaterThanOrEqual(2);
		expect(new Set(keys).size).toBe(1);
		expect(fake.acceptedCount('checkout', '+254711009000')).toBe(1);
		// The execution's start is part of the key and is stored with the execution, so a worker that
		// resumes it (after a Wait node, say) derives the same key.
		const stored = await cluster.main.execution(row.id);
		const establishedAt = stored.data.executionData.runtimeData.establishedAt;
		expect(keys[0]).toBe(`n8n-${row.id}-${keys[0].split('-')[2]}-${establishedAt.toString(36)}-${workflow.nodes[2].id}-0-0`);
	});

	it('answers a Voice Call with Voice XML built by the workflow on the worker, within the answer limit', async () => {
		const wf = await publishTrigger({ event: 'voiceCall', voiceAnswer: 'workflow' }, [
			callbackResponse({ answer: 'voice', actions: { action: [{ type: 'say', text: '={{ "Karibu, caller " + $json.callerNumber }}', voice: 'man' }] } }),
		]);
		const latencies = [];
		for (let call = 0; call < 5; call++) {
			const started = Date.now();
			const answer = await postCallback(wf.url, 'voiceCall', { sessionId: `ATVId_queue_${call}`, callerNumber: `+25471100100${call}` });
			latencies.push(Date.now() - started);
			expect(answer.status).toBe(200);
			expect(answer.contentType).toMatch(/^application\/xml/);
			const xml = await parseStringPromise(answer.text, { explicitCharkey: true });
			expect(xml.Response.Say[0]._).toBe(`Karibu, caller +25471100100${call}`);
		}
		console.log(`queue voice answer latency ms: ${latencies.join(', ')}`);
		expect(Math.max(...latencies)).toBeLessThan(AT_ANSWER_LIMIT_MS);
		const rows = await waitForFinished(wf.id, 5);
		expect(rows.map((row) => row.status)).toEqual(Array(5).fill('success'));
		expect(cluster.workerOf(rows.map((row) => row.id))).toEqual(Array(5).fill(0));
	});

	it('runs a USSD session through the worker: menu, sub-menu, END, each answered within the answer limit', async () => {
		const menu = `={{ $json.text === "" ? "CON Welcome\\n1. My account\\n2. Help" : $json.text === "1" ? "CON 1. Balance\\n2. Statement" : $json.text === "1*1" ? "END Your balance is KES 100" : "END Goodbye" }}`;
		const wf = await publishTrigger({ event: 'ussd' }, [callbackResponse({ answer: 'ussd', ussdType: 'raw', ussdText: menu })]);
		const session = { sessionId: 'ATUid_queue', phoneNumber: '+254711002000' };
		const screens = [];
		for (const text of ['', '1', '1*1']) {
			const started = Date.now();
			const answer = await postCallback(wf.url, 'ussd', { ...session, text });
			expect(Date.now() - started).toBeLessThan(AT_ANSWER_LIMIT_MS);
			expect(answer.status).toBe(200);
			expect(answer.contentType).toMatch(/^text\/plain/);
			screens.push(answer.text);
		}
		expect(screens).toEqual(['CON Welcome\n1. My account\n2. Help', 'CON 1. Balance\n2. Statement', 'END Your balance is KES 100']);
		const rows = await waitForFinished(wf.id, 3);
		expect(rows.map((row) => row.status)).toEqual(['success', 'success', 'success']);
		expect(cluster.workerOf(rows.map((row) => row.id))).toEqual([0, 0, 0]);
	});
});

describe('a Menu Builder menu in queue mode', () => {
	it('answers the fixed screens on the main instance without an execution, and runs the end with its values on the worker', async () => {
		const menu = callbackResponse({
			answer: 'ussd', menuDefinition: 'fields', menuStart: 'home',
			menuScreens: {
				screen: [
					{ id: 'home', type: 'menu', text: 'Welcome', options: { option: [{ label: 'Buy airtime', next: 'amount' }] } },
					{ id: 'amount', type: 'input', text: 'Amount?', variable: 'amount', check: 'number', next: 'done' },
					{ id: 'done', type: 'end', text: 'Buying KES {ussd.amount} of airtime.' },
				],
			},
		});
		const wf = await publishTrigger({ event: 'ussd' }, [menu]);
		const session = { sessionId: 'ATUid_queue_menu', phoneNumber: '+254711002001' };
		const screens = [];
		for (const text of ['', '1', '1*x', '1*50']) {
			const answer = await postCallback(wf.url, 'ussd', { ...session, text });
			expect([answer.status, answer.contentType]).toEqual([200, 'text/plain; charset=utf-8']);
			screens.push(answer.text);
		}
		expect(screens).toEqual(['CON Welcome\n1. Buy airtime', 'CON Amount?\n0. Back\n00. Home', 'CON Invalid choice, please try again.\nAmount?\n0. Back\n00. Home', 'END Buying KES 50 of airtime.']);
		const rows = await waitForFinished(wf.id, 1);
		await new Promise((resolve) => setTimeout(resolve, 2000));
		expect((await executionsOf(wf.id)).map((row) => row.status)).toEqual(['success']);
		expect(cluster.workerOf(rows.map((row) => row.id))).toEqual([0]);
	});
});

describe('one main and two workers', () => {
	beforeAll(async () => {
		await cluster.addWorker();
	});

	it('executes 500 incoming-SMS webhooks exactly once each, split over both workers, each replying once', async () => {
		const senders = phones(500, '+254722');
		const reply = { name: AT_NODE_NAME, type: AT_NODE_TYPE, parameters: { resource: 'sms', operation: 'send', recipientsField: 'from', message: '=We got: {{ $json.text }}' } };
		const { workflow, path } = triggerWorkflow({ name: uniquePath('queue incomingSms'), parameters: { event: 'incomingSms' }, then: [reply] });
		workflow.nodes.find((n) => n.type === AT_NODE_TYPE).credentials = { africasTalkingApi: { id: credential.id, name: credential.name } };
		const created = await cluster.main.createWorkflow(workflow, { activate: true });
		const url = `${cluster.main.url}/webhook/${path}`;

		const answers = await inParallel(senders, 25, (from, i) => postCallback(url, 'incomingSms', { id: `ATSid_queue_${i}`, from, text: `message ${i}` }));
		expect(answers.filter((a) => a.status !== 200 || a.text !== 'OK')).toEqual([]);

		const rows = await waitForFinished(created.id, 500);
		// Anything still queued or re-run would show up now.
		await new Promise((resolve) => setTimeout(resolve, 2000));
		expect((await executionsOf(created.id)).length).toBe(500);
		expect(rows.filter((row) => row.status !== 'success')).toEqual([]);
		const sent = fake.requests.filter((r) => r.status === 201);
		expect(sent).toHaveLength(500);
		expect(senders.filter((phone) => fake.acceptedCount('sms', phone) !== 1)).toEqual([]);
		expect(sent.map((r) => r.body.message).sort()).toEqual(senders.map((_, i) => `We got: message ${i}`).sort());
		const ranOn = cluster.workerOf(rows.map((row) => row.id));
		expect(ranOn.filter((worker) => worker === undefined)).toEqual([]);
		const perWorker = [0, 1].map((worker) => ranOn.filter((w) => w === worker).length);
		console.log(`queue incoming SMS executions per worker: ${perWorker.join(', ')}`);
		expect(Math.min(...perWorker)).toBeGreaterThan(0);
	});
});
