'use strict';
// `npm run bench [scenario…]`: bulk campaigns in real n8n against the fake Africa's Talking (and
// the fake TalkNTalk for talkntalk-* scenarios), each scenario in a fresh n8n so that one
// scenario's grown heap does not hide the next one's cost. Ends with one line per scenario:
// bench <scenario> recipients=<n> requests=<n> concurrency=<n> latency_ms=<n> seconds=<node execution seconds>
//   ideal_seconds=<requests × latency / concurrency> rss_mb=<peak n8n RSS growth while the node runs>
//   peak_rss_mb=<peak n8n RSS growth until n8n has stored the execution> max_in_flight=<n> lost=<n> duplicated=<n>
// peak_rss_mb is what the user's n8n pays: from the webhook post until the execution is stored
// (storing 100,000 output items is n8n's own cost, the same for any node that outputs that many).
// Targets (issue 12) are read from these lines, never asserted by a timed test.
//
// `callbacks-*` scenarios (issue 22): a burst of Africa's Talking callbacks (USSD, Voice) at a
// published workflow, BURST_REQUESTS posts with BURST_IN_FLIGHT in flight, timed from send to
// the whole answer; the same burst at a plain n8n Webhook → Respond to Webhook is the baseline:
// bench <scenario> requests=<n> in_flight=<n> p50_ms= p95_ms= p99_ms= max_ms= seconds=<burst wall time>
//   peak_rss_mb=<peak RSS of n8n and its task runners> wrong=<answers not as expected> executions=<stored>
//   lost=<answered as expected but never stored: Africa's Talking does not send those again>
// Every line's detail names the n8n and Node.js versions it ran on (N8N_TEST_VERSION picks them).
const fs = require('node:fs');
const { FakeAfricasTalking } = require('../fake-at/server');
const { DEFAULT_ACCOUNTS } = require('../fake-at/accounts');
const { testTls } = require('../harness/tls');
const { N8n } = require('../harness/n8n');
const { N8N_VERSION, NODE_VERSION } = require('../harness/install-n8n');
const { webhookWorkflow, triggerWorkflow, callbackResponse, node, chain, AT_NODE_NAME } = require('../harness/workflows');
const { CALLBACKS } = require('../fake-at/callbacks');
const { FakeTalkNTalk, API_KEY: TNT_API_KEY } = require('../fake-tnt/server');
const { talkNTalkWorkflow, TNT_NODE_NAME } = require('../e2e/talkntalk');
const { DELIVERY } = require('./delivery');
const USSD_SESSIONS = require('./ussdSession');

const LIVE = DEFAULT_ACCOUNTS.find((a) => a.environment === 'live');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const phones = (n, offset = 0) => Array.from({ length: n }, (_, i) => `+2547${String(offset + i).padStart(8, '0')}`);
const FLASH_SALE = 'Flash sale: 20% off today only';
const personalised = (list) => list.map((to, i) => ({ to, message: `Hi Customer ${i}, your order has shipped` }));
const sameMessage = (output, options) => ({ recipients: '={{ $json.phones }}', message: FLASH_SALE, output, options });
const messageList = (output, options) => ({ messageMode: 'list', messageList: '={{ $json.messages }}', output, options });

/** How each provider's scenarios build their workflow and count what the fake accepted. */
const PROVIDERS = {
	africastalking: {
		nodeName: AT_NODE_NAME,
		workflow: (options) => webhookWorkflow({ ...options, parameters: { resource: 'sms', operation: 'send', ...options.parameters } }),
		accepted: (fakes, phone) => fakes.at.acceptedCount('sms', phone),
		reportedNumber: (item) => item.number,
	},
	talkntalk: {
		nodeName: TNT_NODE_NAME,
		workflow: (options) => talkNTalkWorkflow({ ...options, parameters: { resource: 'sms', operation: 'sendBulk', ...options.parameters } }),
		// The node sends 2547… for +2547…
		accepted: (fakes, phone) => fakes.tnt.acceptedCount(phone.replace(/^\+/, '')),
		reportedNumber: (item) => `+${item.mobile}`,
	},
};

const PERSONALISED_LIST_10K = {
	name: 'personalised-list-10k',
	lists: [phones(10000)],
	items: (list) => [{ messages: personalised(list) }],
	parameters: messageList('perRecipient', { maxConcurrency: 25, maxRetries: 8 }),
	faults: (fake) => fake.injectRandomFaults({ rate: 0.05, status: 429, seed: 11 }),
};

/**
 * `lists`: one recipient list per execution (posted at once); `items`: the input items a list
 * is posted as; `parameters`: the send node's (AT's SMS → Send unless `provider` says otherwise).
 */
const SCENARIOS = [
	{
		name: 'same-message-10k',
		lists: [phones(10000)],
		items: (list) => [{ phones: list }],
		parameters: sameMessage('perRecipient', { batchSize: 1000, maxConcurrency: 10 }),
	},
	{
		name: 'same-message-100k',
		lists: [phones(100000)],
		items: (list) => [{ phones: list }],
		parameters: sameMessage('perRecipient', { batchSize: 1000, maxConcurrency: 10 }),
	},
	{
		// A national list: Summary output, so that n8n stores one item instead of a million. The
		// list comes as one comma-separated text (a database's string_agg, a file's column): as an
		// array of a million strings, n8n itself takes ~300 MB to receive it before any node runs.
		name: 'same-message-1m',
		lists: [phones(1000000)],
		items: (list) => [{ phones: list.join(',') }],
		parameters: sameMessage('summary', { batchSize: 1000, maxConcurrency: 10 }),
	},
	{
		// The same list as an array (no target: shows what n8n itself pays to receive it).
		name: 'same-message-1m-array',
		lists: [phones(1000000)],
		items: (list) => [{ phones: list }],
		parameters: sameMessage('summary', { batchSize: 1000, maxConcurrency: 10 }),
	},
	{
		// One item per recipient through n8n: n8n's own per-item cost.
		name: 'personalised-10k',
		lists: [phones(10000)],
		items: (list) => list.map((phone, i) => ({ phone, name: `Customer ${i}` })),
		parameters: { recipients: '={{ $json.phone }}', message: '=Hi {{ $json.name }}, your order has shipped', options: { maxConcurrency: 100, maxRetries: 8 } },
		faults: (fake) => fake.injectRandomFaults({ rate: 0.05, status: 429, seed: 11 }),
	},
	{
		// TalkNTalk's bulk endpoint: 10,000 per request, at most 60 requests a minute.
		name: 'talkntalk-bulk-100k',
		provider: 'talkntalk',
		lists: [phones(100000)],
		items: (list) => [{ phones: list }],
		parameters: { recipients: '={{ $json.phones }}', message: FLASH_SALE },
		setup: (fakes) => (fakes.tnt.balanceCents = 1e9),
	},
	{
		// One request per recipient with no campaign features: every item at once, no retries.
		name: 'per-item-baseline-10k',
		lists: [phones(10000)],
		items: (list) => list.map((phone, i) => ({ phone, name: `Customer ${i}` })),
		parameters: { recipients: '={{ $json.phone }}', message: '=Hi {{ $json.name }}, your order has shipped', options: { maxConcurrency: 0, retry: false } },
	},
	// The same personalised messages as one item holding the list: no per-item cost.
	PERSONALISED_LIST_10K,
	{
		// The same in an n8n with a small host's heap (`NODE_OPTIONS=--max-old-space-size=512`; Node.js
		// also sizes it from the host's or container's memory). On this machine (24 GiB) n8n gets a
		// 4 GB heap, and V8 then lets the garbage of n8n's HTTP client grow to up to 4 × what n8n
		// keeps before a full collection; with a small heap it collects far sooner.
		...PERSONALISED_LIST_10K,
		name: 'personalised-list-10k-heap-512',
		nodeOptions: '--max-old-space-size=512',
	},
	{
		name: 'personalised-list-100k',
		lists: [phones(100000)],
		items: (list) => [{ messages: personalised(list) }],
		parameters: messageList('summary', { maxConcurrency: 100, maxRetries: 8 }),
		faults: (fake) => fake.injectRandomFaults({ rate: 0.05, status: 429, seed: 11 }),
	},
	{
		// Four campaigns to one account at once, each set to 20: together they keep to 20.
		name: 'parallel-campaigns',
		lists: [0, 1, 2, 3].map((n) => phones(10000, n * 10000)),
		items: (list) => [{ messages: personalised(list) }],
		parameters: messageList('summary', { maxConcurrency: 20, maxRetries: 8 }),
		latencyMs: 50,
	},
];

const BURST_REQUESTS = Number(process.env.BURST_REQUESTS || 2000);
const BURST_IN_FLIGHT = Number(process.env.BURST_IN_FLIGHT || 50);
const USSD_HELLO = '=CON Hello {{ $json.phoneNumber }}';
const ussdPost = (i) => ({ ...CALLBACKS.ussd.body, sessionId: `ATUid_${i}`, phoneNumber: `+2547${String(i).padStart(8, '0')}` });
const voicePost = (i) => ({ ...CALLBACKS.voiceCall.body, sessionId: `ATVId_${i}`, callerNumber: `+2547${String(i).padStart(8, '0')}` });
const sayXml = (text) => `<?xml version="1.0" encoding="UTF-8"?><Response><Say>${text}</Say></Response>`;

/** An Africa's Talking Trigger workflow: `then` are the nodes after it. */
function atTrigger(parameters, then = []) {
	return ({ name }) => {
		const { workflow, path } = triggerWorkflow({ name, parameters, then });
		return { workflow, path };
	};
}

/**
 * Callback bursts. `workflow({ name })` gives { workflow, path }; `post(i)` the i-th form body;
 * `expected(i)` the answer text. Each runs in a fresh n8n, like the campaign scenarios.
 */
const BURSTS = [
	{
		// The baseline: n8n's own Webhook node → Respond to Webhook with a fixed text, no expression.
		name: 'callbacks-baseline-webhook',
		what: 'n8n Webhook → Respond to Webhook, text CON hello',
		workflow: ({ name }) => ({
			path: `baseline-${process.pid}`,
			workflow: {
				name,
				nodes: [
					node('Webhook', 'n8n-nodes-base.webhook', 2, { httpMethod: 'POST', path: `baseline-${process.pid}`, responseMode: 'responseNode', options: {} }, [0, 0], { webhookId: require('node:crypto').randomUUID() }),
					node('Respond to Webhook', 'n8n-nodes-base.respondToWebhook', 1, { respondWith: 'text', responseBody: 'CON hello', options: {} }, [220, 0]),
				],
				connections: chain('Webhook', 'Respond to Webhook'),
				settings: { executionOrder: 'v1' },
			},
		}),
		post: ussdPost,
		expected: () => 'CON hello',
	},
	{
		// The same answer through n8n's Webhook node, with the expression the USSD scenario has.
		name: 'callbacks-baseline-webhook-expression',
		what: 'n8n Webhook → Respond to Webhook, text =CON Hello {{ $json.body.phoneNumber }}',
		workflow: ({ name }) => ({
			path: `baseline-expr-${process.pid}`,
			workflow: {
				name,
				nodes: [
					node('Webhook', 'n8n-nodes-base.webhook', 2, { httpMethod: 'POST', path: `baseline-expr-${process.pid}`, responseMode: 'responseNode', options: {} }, [0, 0], { webhookId: require('node:crypto').randomUUID() }),
					node('Respond to Webhook', 'n8n-nodes-base.respondToWebhook', 1, { respondWith: 'text', responseBody: '=CON Hello {{ $json.body.phoneNumber }}', options: {} }, [220, 0]),
				],
				connections: chain('Webhook', 'Respond to Webhook'),
				settings: { executionOrder: 'v1' },
			},
		}),
		post: ussdPost,
		expected: (i) => `CON Hello ${ussdPost(i).phoneNumber}`,
	},
	{
		name: 'callbacks-ussd',
		what: 'Trigger (USSD) → Callback Response =CON Hello {{ $json.phoneNumber }}',
		workflow: atTrigger({ event: 'ussd' }, [callbackResponse({ answer: 'ussd', ussdType: 'raw', ussdText: USSD_HELLO })]),
		post: ussdPost,
		expected: (i) => `CON Hello ${ussdPost(i).phoneNumber}`,
	},
	{
		// The same without an expression: separates the expression's cost from the nodes'.
		name: 'callbacks-ussd-static',
		what: 'Trigger (USSD) → Callback Response CON Hello (no expression)',
		workflow: atTrigger({ event: 'ussd' }, [callbackResponse({ answer: 'ussd', ussdType: 'raw', ussdText: 'CON Hello' })]),
		post: ussdPost,
		expected: () => 'CON Hello',
	},
	{
		name: 'callbacks-voice',
		what: 'Trigger (Voice Call, answer from workflow) → Callback Response Say =Hello {{ $json.callerNumber }}',
		workflow: atTrigger({ event: 'voiceCall', voiceAnswer: 'workflow' }, [callbackResponse({ answer: 'voice', actions: { action: [{ type: 'say', text: '=Hello {{ $json.callerNumber }}' }] } })]),
		post: voicePost,
		expected: (i) => sayXml(`Hello ${voicePost(i).callerNumber}`),
	},
	{
		// The trigger answers by itself (a fixed greeting) and the workflow runs after the answer.
		name: 'callbacks-voice-trigger-answers',
		what: 'Trigger (Voice Call) answering itself: Say Hello',
		workflow: atTrigger({ event: 'voiceCall', voiceAnswer: 'say', voiceText: 'Hello' }),
		post: voicePost,
		expected: () => sayXml('Hello'),
	},
	{
		// A campaign's delivery reports arriving together: the trigger answers OK itself.
		name: 'callbacks-delivery-reports',
		what: 'Trigger (SMS Delivery Report) answering OK itself, no other node',
		workflow: atTrigger({ event: 'deliveryReport' }),
		post: (i) => ({ ...CALLBACKS.deliveryReport.body, id: `ATXid_${i}`, status: 'Success', phoneNumber: `+2547${String(Math.max(i, 0)).padStart(8, '0')}` }),
		expected: () => 'OK',
	},
];

/** RSS of a process and all its descendants (n8n's task runners run as child processes). */
function treeRssKb(pid) {
	let total = 0;
	const stack = [pid];
	while (stack.length) {
		const current = stack.pop();
		try {
			total += rssKb(current);
			for (const task of fs.readdirSync(`/proc/${current}/task`)) {
				const children = fs.readFileSync(`/proc/${current}/task/${task}/children`, 'utf8').trim();
				if (children) stack.push(...children.split(/\s+/).map(Number));
			}
		} catch {
			// exited meanwhile
		}
	}
	return total;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function runBurst(scenario) {
	const n8n = await N8n.create({ env: benchSettings(), nodeOptions: process.env.BURST_NODE_OPTIONS });
	try {
		await n8n.start();
		const { workflow, path: hookPath } = scenario.workflow({ name: scenario.name });
		const created = await n8n.createWorkflow(workflow, { activate: true });
		await n8n.waitForWebhooks(workflow);
		const url = `${n8n.url}/webhook/${hookPath}`;
		// One warm-up request, so that loading the nodes is not in the first answers.
		await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(scenario.post(-1)).toString() }).then((r) => r.text());
		await sleep(2000);
		const baseline = treeRssKb(n8n.process.pid);
		let peak = baseline;
		const sampler = setInterval(() => (peak = Math.max(peak, treeRssKb(n8n.process.pid))), 100);
		const times = [];
		let wrong = 0;
		let firstWrong;
		let next = 0;
		const started = Date.now();
		const worker = async () => {
			for (let i = next++; i < BURST_REQUESTS; i = next++) {
				const body = new URLSearchParams(scenario.post(i)).toString();
				const t0 = performance.now();
				let status;
				let text;
				try {
					const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body, signal: AbortSignal.timeout(120000) });
					status = res.status;
					text = await res.text();
				} catch (error) {
					status = error.name;
					text = error.message;
				}
				times.push(performance.now() - t0);
				if (status !== 200 || text !== scenario.expected(i)) {
					wrong += 1;
					firstWrong ??= `${status} ${String(text).slice(0, 200)}`;
				}
			}
		};
		await Promise.all(Array.from({ length: BURST_IN_FLIGHT }, worker));
		const seconds = (Date.now() - started) / 1000;
		clearInterval(sampler);
		const stored = await storedCount(n8n, created.id, BURST_REQUESTS + 1);
		// Answered as expected but never stored: Africa's Talking will not send these again.
		const lost = Math.max(0, BURST_REQUESTS - wrong - (stored - 1));
		times.sort((a, b) => a - b);
		const ms = (p) => percentile(times, p).toFixed(0);
		return {
			line: `bench ${scenario.name} requests=${BURST_REQUESTS} in_flight=${BURST_IN_FLIGHT} p50_ms=${ms(50)} p95_ms=${ms(95)} p99_ms=${ms(99)} max_ms=${times[times.length - 1].toFixed(0)} seconds=${seconds.toFixed(1)} peak_rss_mb=${(peak / 1024).toFixed(0)} wrong=${wrong} executions=${stored - 1} lost=${lost}`,
			detail: `${scenario.name}: n8n=${N8N_VERSION} node=${NODE_VERSION} workflow="${scenario.what}" baseline_rss_mb=${(baseline / 1024).toFixed(0)} env=${JSON.stringify(benchSettings())}${firstWrong ? ` first_wrong="${firstWrong}"` : ''}`,
		};
	} finally {
		await n8n.stop();
	}
}

/** The n8n settings a scenario runs with: n8n's defaults unless BENCH_ENV (JSON) sets some, e.g. '{"N8N_EXPRESSION_ENGINE":"legacy"}'. */
function benchSettings() {
	return process.env.BENCH_ENV ? JSON.parse(process.env.BENCH_ENV) : {};
}

/** Executions of the workflow stored so far, once the count stops growing (or reaches `expected`). */
async function storedCount(n8n, workflowId, expected) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const deadline = Date.now() + 300000;
	let last = -1;
	let stableSince = Date.now();
	for (;;) {
		const list = await tolerant('GET /rest/executions', () => n8n.rest('GET', `/executions?filter=${filter}&limit=1`));
		const count = list.count ?? (list.results || list).length;
		if (count >= expected || Date.now() > deadline) return count;
		if (count !== last) {
			last = count;
			stableSince = Date.now();
		} else if (Date.now() - stableSince > 15000) return count;
		await sleep(500);
	}
}

function rssKb(pid) {
	const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
	return match ? Number(match[1]) : 0;
}

/** n8n under load may answer 503 ("Database is not ready") for a moment: wait and ask again. */
async function tolerant(what, call) {
	const deadline = Date.now() + 180000;
	for (let attempt = 0; ; attempt++) {
		try {
			return await call();
		} catch (error) {
			const transient = /→ 503\b/.test(error.message) || ['ECONNRESET', 'ECONNREFUSED', 'UND_ERR_SOCKET'].includes(error.cause?.code);
			if (!transient || Date.now() > deadline) throw error;
			console.log(`${what}: ${error.message.slice(0, 120)}; asking again`);
			await sleep(Math.min(5000, 250 * 2 ** attempt));
		}
	}
}

/** Waits until `count` executions of the workflow are stored as finished. */
async function waitForStored(n8n, workflowId, count) {
	const deadline = Date.now() + 1800000;
	for (;;) {
		const list = await tolerant('GET /rest/executions', () => n8n.executionList(workflowId));
		const finished = list.filter((e) => e.status !== 'running' && e.status !== 'new');
		if (finished.length >= count) return finished;
		if (Date.now() > deadline) throw new Error(`only ${finished.length} of ${count} executions finished in time`);
		await sleep(200);
	}
}

/** Recipients the node reported as not sent: error items, or a summary's failed recipients. */
function reportedFailures(output, provider) {
	const reported = new Set();
	for (const json of output) {
		if (json.failedRecipients) for (const failure of json.failedRecipients) reported.add(failure.recipient);
		else if (json.error !== undefined) reported.add(provider.reportedNumber(json));
	}
	return reported;
}

async function runScenario(fakes, tls, scenario) {
	const providerName = scenario.provider || 'africastalking';
	const provider = PROVIDERS[providerName];
	const fake = providerName === 'talkntalk' ? fakes.tnt : fakes.at;
	const n8n = await N8n.create({
		fakePort: fakes.at.port, tntFakePort: fakes.tnt.port, caPath: tls.caPath, env: { N8N_PAYLOAD_SIZE_MAX: '64', ...benchSettings() }, nodeOptions: scenario.nodeOptions,
		packages: ['n8n-nodes-africastalking', 'n8n-nodes-talkntalk'],
	});
	try {
		await n8n.start();
		const credentials = {
			africastalking: await n8n.createCredential({ name: 'AT bench', data: { environment: 'live', username: LIVE.username, apiKey: LIVE.apiKey } }),
			talkntalk: await n8n.createCredential({ name: 'TalkNTalk bench', type: 'talkNTalkApi', data: { apiKey: TNT_API_KEY } }),
		};
		fake.reset();
		const latencyMs = scenario.latencyMs ?? 200;
		fake.latencyMs = latencyMs;
		if (scenario.faults) scenario.faults(fake);
		if (scenario.setup) scenario.setup(fakes);
		const hookPath = `bench-${scenario.name}`;
		const workflow = provider.workflow({
			name: scenario.name, path: hookPath, credential: credentials[providerName], onError: 'continueRegularOutput', parameters: scenario.parameters,
		});
		// Answer the post at once; the run is read from the stored execution afterwards.
		workflow.nodes[0].parameters.responseMode = 'onReceived';
		const created = await n8n.createWorkflow(workflow, { activate: true });
		const bodies = scenario.lists.map((list) => ({ items: scenario.items(list) }));

		await sleep(3000);
		const baseline = rssKb(n8n.process.pid);
		let peak = baseline;
		const samples = [];
		const sampler = setInterval(() => {
			const now = rssKb(n8n.process.pid);
			samples.push([Date.now(), now]);
			peak = Math.max(peak, now);
		}, 50);
		const started = Date.now();
		const answers = await Promise.all(bodies.map((body) => n8n.webhook(hookPath, body)));
		for (const answer of answers) if (answer.status !== 200) throw new Error(`${scenario.name}: webhook answered ${answer.status} ${answer.text}`);
		const stored = await waitForStored(n8n, created.id, bodies.length);
		clearInterval(sampler);
		const wall = (Date.now() - started) / 1000;

		const executions = [];
		for (const { id } of stored) executions.push(await tolerant(`GET /rest/executions/${id}`, () => n8n.execution(id)));
		const runs = executions.map((execution) => execution.data.resultData.runData[provider.nodeName][0]);
		const output = runs.flatMap((run) => (run.data?.main?.[0] ?? []).map((item) => item.json));
		const nodeEnd = Math.max(...runs.map((run) => run.startTime + run.executionTime));
		const nodeSeconds = (nodeEnd - Math.min(...runs.map((run) => run.startTime))) / 1000;
		const nodePeak = Math.max(baseline, ...samples.filter(([t]) => t <= nodeEnd + 50).map(([, kb]) => kb));
		if (process.env.BENCH_TRACE) {
			const nodeStart = Math.min(...runs.map((run) => run.startTime));
			for (const [t, kb] of samples.filter((_, i) => i % 4 === 0)) {
				console.log(`trace t=${t - nodeStart}ms ${t < nodeStart ? 'before' : t <= nodeEnd ? 'node' : 'after'} rss_growth_mb=${((kb - baseline) / 1024).toFixed(1)}`);
			}
		}
		const reported = reportedFailures(output, provider);
		let lost = 0;
		let duplicated = 0;
		let recipients = 0;
		for (const list of scenario.lists) {
			for (const phone of list) {
				recipients += 1;
				const accepted = provider.accepted(fakes, phone);
				if (accepted === 0 && !reported.has(phone)) lost += 1;
				if (accepted > 1) duplicated += 1;
			}
		}
		const concurrency = scenario.parameters.options?.maxConcurrency ?? 'default';
		const requests = fake.requests.length;
		const ideal = typeof concurrency === 'number' && concurrency > 0 ? ((requests * latencyMs) / concurrency / 1000).toFixed(2) : 'n/a';
		const summaries = output.filter((json) => json.failedRecipients);
		const firstError = output.find((json) => json.error !== undefined)?.error;
		return {
			line: `bench ${scenario.name} recipients=${recipients} requests=${requests} concurrency=${concurrency} latency_ms=${latencyMs} seconds=${nodeSeconds.toFixed(2)} ideal_seconds=${ideal} rss_mb=${((nodePeak - baseline) / 1024).toFixed(1)} peak_rss_mb=${((peak - baseline) / 1024).toFixed(1)} max_in_flight=${fake.maxInFlight} lost=${lost} duplicated=${duplicated}`,
			detail: `${scenario.name}: n8n=${N8N_VERSION} node=${NODE_VERSION} status=${executions.map((e) => e.status).join(',')} wall=${wall.toFixed(1)}s baseline_rss_mb=${(baseline / 1024).toFixed(1)} node_options=${scenario.nodeOptions ?? 'none'} env=${JSON.stringify(benchSettings())} output_items=${output.length} reported_errors=${reported.size} throttled=${fake.requests.filter((r) => r.status === 429).length}${summaries.length ? ` summary_sent=${summaries.reduce((n, s) => n + s.sent, 0)} summary_cost=${JSON.stringify(summaries[0].totalCost)}` : ''}${firstError ? ` first_error=${JSON.stringify(firstError)}` : ''}`,
		};
	} finally {
		await n8n.stop();
	}
}

async function main() {
	const only = process.argv.slice(2);
	const known = [...SCENARIOS, ...BURSTS, ...USSD_SESSIONS, ...DELIVERY].map((s) => s.name);
	const unknown = only.filter((name) => !known.includes(name));
	if (unknown.length) throw new Error(`unknown scenario(s) ${unknown.join(', ')}; known: ${known.join(', ')}`);
	const tls = testTls();
	const fakes = {
		at: await new FakeAfricasTalking({ recordBodies: false }).listen({ tls }),
		tnt: await new FakeTalkNTalk({ recordBodies: false }).listen({ tls }),
	};
	const lines = [];
	try {
		for (const scenario of SCENARIOS.filter((s) => only.length === 0 || only.includes(s.name))) {
			console.log(`running ${scenario.name}…`);
			const result = await runScenario(fakes, tls, scenario);
			console.log(result.detail);
			console.log(result.line);
			lines.push(result.line);
		}
		for (const scenario of [...BURSTS, ...USSD_SESSIONS, ...DELIVERY].filter((s) => only.length === 0 || only.includes(s.name))) {
			console.log(`running ${scenario.name}…`);
			const result = scenario.run ? await scenario.run({ fakes, tls }) : await runBurst(scenario);
			console.log(result.detail);
			console.log(result.line);
			lines.push(result.line);
		}
	} finally {
		await fakes.at.close();
		await fakes.tnt.close();
	}
	console.log(lines.join('\n'));
}

// The measuring helpers, for the scenarios kept in their own files (ussdSession.js).
module.exports = { treeRssKb, percentile, benchSettings, storedCount };

if (require.main === module) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
