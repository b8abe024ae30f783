'use strict';
// Campaign scenarios of `npm run bench`: bulk campaigns in real n8n against the fake Africa's Talking (and
// the fake TalkNTalk for talkntalk-* scenarios), each scenario in a fresh n8n so that one
// scenario's grown heap does not hide the next one's cost. Ends with one line per scenario:
// bench <scenario> recipients=<n> requests=<n> concurrency=<n> latency_ms=<n> seconds=<node execution seconds>
//   ideal_seconds=<requests × latency / concurrency> rss_mb=<peak n8n RSS growth while the node runs>
//   peak_rss_mb=<peak n8n RSS growth until n8n has stored the execution> max_in_flight=<n> lost=<n> duplicated=<n>
// n8n-receives-* scenarios (n8n's own share: a No Operation node in the send node's place) print
// bench <scenario> entries=<n> items=<n> seconds= rss_mb= peak_rss_mb=
// peak_rss_mb is what the user's n8n pays: from the webhook post until the execution is stored
// (storing 100,000 output items is n8n's own cost, the same for any node that outputs that many).
// Targets (issue 12) are read from these lines, never asserted by a timed test.
const { FakeAfricasTalking } = require('../fake-at/server');
const { DEFAULT_ACCOUNTS } = require('../fake-at/accounts');
const { N8n } = require('../harness/n8n');
const { N8N_VERSION, NODE_VERSION } = require('../harness/install-n8n');
const { webhookWorkflow, AT_NODE_NAME, node } = require('../harness/workflows');
const { FakeTalkNTalk, API_KEY: TNT_API_KEY } = require('../fake-tnt/server');
const { talkNTalkWorkflow, TNT_NODE_NAME } = require('../e2e/talkntalk');
const { sleep, benchSettings, rssKb, tolerant } = require('./common');

const LIVE = DEFAULT_ACCOUNTS.find((a) => a.environment === 'live');
const phones = (n, offset = 0) => Array.from({ length: n }, (_, i) => `+2547${String(offset + i).padStart(8, '0')}`);
const FLASH_SALE = 'Flash sale: 20% off today only';
const personalised = (list) => list.map((to, i) => ({ to, message: `Hi Customer ${i}, your order has shipped` }));
// Lists given by an expression (`{{ $json.phones }}`), which n8n evaluates (on 2.41, copies through its expression isolate)…
const sameMessage = (output, options) => ({ recipientsSource: 'parameter', recipients: '={{ $json.phones }}', message: FLASH_SALE, output, options });
const messageList = (output, options) => ({ messageMode: 'list', messageListSource: 'parameter', messageList: '={{ $json.messages }}', output, options });
// …or by the name of the item's field, read by the node from the item (issue 29): no expression, no copy.
const sameMessageFromField = (output, options) => ({ recipientsSource: 'field', recipientsField: 'phones', message: FLASH_SALE, output, options });
const messageListFromField = (output, options) => ({ messageMode: 'list', messageListSource: 'field', messageListField: 'messages', output, options });

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
		// The same text list read from the item's field by name: no expression.
		name: 'same-message-1m-field',
		lists: [phones(1000000)],
		items: (list) => [{ phones: list.join(',') }],
		parameters: sameMessageFromField('summary', { batchSize: 1000, maxConcurrency: 10 }),
	},
	{
		name: 'same-message-1m-array-field',
		lists: [phones(1000000)],
		items: (list) => [{ phones: list }],
		parameters: sameMessageFromField('summary', { batchSize: 1000, maxConcurrency: 10 }),
	},
	{
		// n8n's own share of the two above (no target): the same item received and stored by the
		// same Webhook → Split Out, then a No Operation node in the send node's place. What the
		// send scenarios' rss_mb and peak_rss_mb take beyond these lines is the node's.
		name: 'n8n-receives-1m-text',
		lists: [phones(1000000)],
		items: (list) => [{ phones: list.join(',') }],
		receiveOnly: true,
	},
	{
		name: 'n8n-receives-1m-array',
		lists: [phones(1000000)],
		items: (list) => [{ phones: list }],
		receiveOnly: true,
	},
	{
		// One item per recipient through n8n: n8n's own per-item cost.
		name: 'personalised-10k',
		lists: [phones(10000)],
		items: (list) => list.map((phone, i) => ({ phone, name: `Customer ${i}` })),
		parameters: { recipientsSource: 'parameter', recipients: '={{ $json.phone }}', message: '=Hi {{ $json.name }}, your order has shipped', options: { maxConcurrency: 100, maxRetries: 8 } },
		faults: (fake) => fake.injectRandomFaults({ rate: 0.05, status: 429, seed: 11 }),
	},
	{
		// TalkNTalk's bulk endpoint: 10,000 per request, at most 60 requests a minute.
		name: 'talkntalk-bulk-100k',
		provider: 'talkntalk',
		lists: [phones(100000)],
		items: (list) => [{ phones: list }],
		parameters: { recipientsSource: 'parameter', recipients: '={{ $json.phones }}', message: FLASH_SALE },
		setup: (fakes) => (fakes.tnt.balanceCents = 1e9),
	},
	{
		// One request per recipient with no campaign features: every item at once, no retries.
		name: 'per-item-baseline-10k',
		lists: [phones(10000)],
		items: (list) => list.map((phone, i) => ({ phone, name: `Customer ${i}` })),
		parameters: { recipientsSource: 'parameter', recipients: '={{ $json.phone }}', message: '=Hi {{ $json.name }}, your order has shipped', options: { maxConcurrency: 0, retry: false } },
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
		// The same list read from the item's field by name: runs within n8n 2.41's default 128 MB expression limit.
		name: 'personalised-list-100k-field',
		lists: [phones(100000)],
		items: (list) => [{ messages: personalised(list) }],
		parameters: messageListFromField('summary', { maxConcurrency: 100, maxRetries: 8 }),
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

/**
 * Waits until `count` executions of the workflow are stored as finished. Asked every 2 s: each
 * question costs the main thread of the n8n being measured a database query while it runs the
 * campaign (small: about 1 s of 247 s busy in a profile of personalised-list-100k-field asked
 * every 200 ms), and the line's seconds come from the stored run (its start and execution time),
 * not from this wait.
 */
async function waitForStored(n8n, workflowId, count) {
	const deadline = Date.now() + 1800000;
	for (;;) {
		const list = await tolerant('GET /rest/executions', () => n8n.executionList(workflowId));
		const finished = list.filter((e) => e.status !== 'running' && e.status !== 'new');
		if (finished.length >= count) return finished;
		if (Date.now() > deadline) throw new Error(`only ${finished.length} of ${count} executions finished in time`);
		await sleep(2000);
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
		fakePort: fakes.at.port, tntFakePort: fakes.tnt.port, caPath: tls.caPath, env: { N8N_PAYLOAD_SIZE_MAX: '64', ...benchSettings() }, nodeOptions: [scenario.nodeOptions, process.env.BURST_NODE_OPTIONS].filter(Boolean).join(' ') || undefined,
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
			name: scenario.name, path: hookPath, credential: credentials[providerName], onError: 'continueRegularOutput', parameters: scenario.parameters ?? {},
		});
		if (scenario.receiveOnly) workflow.nodes[2] = node(provider.nodeName, 'n8n-nodes-base.noOp', 1, {}, workflow.nodes[2].position);
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
		const memory = `rss_mb=${((nodePeak - baseline) / 1024).toFixed(1)} peak_rss_mb=${((peak - baseline) / 1024).toFixed(1)}`;
		if (scenario.receiveOnly) {
			const entries = scenario.lists.reduce((n, list) => n + list.length, 0);
			return {
				line: `bench ${scenario.name} entries=${entries} items=${output.length} seconds=${nodeSeconds.toFixed(2)} ${memory}`,
				detail: `${scenario.name}: n8n=${N8N_VERSION} node=${NODE_VERSION} status=${executions.map((e) => e.status).join(',')} wall=${wall.toFixed(1)}s baseline_rss_mb=${(baseline / 1024).toFixed(1)} workflow="Webhook → Split Out → No Operation" env=${JSON.stringify(benchSettings())}`,
			};
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
			line: `bench ${scenario.name} recipients=${recipients} requests=${requests} concurrency=${concurrency} latency_ms=${latencyMs} seconds=${nodeSeconds.toFixed(2)} ideal_seconds=${ideal} ${memory} max_in_flight=${fake.maxInFlight} lost=${lost} duplicated=${duplicated}`,
			detail: `${scenario.name}: n8n=${N8N_VERSION} node=${NODE_VERSION} status=${executions.map((e) => e.status).join(',')} wall=${wall.toFixed(1)}s baseline_rss_mb=${(baseline / 1024).toFixed(1)} node_options=${scenario.nodeOptions ?? 'none'} env=${JSON.stringify(benchSettings())} output_items=${output.length} reported_errors=${reported.size} throttled=${fake.requests.filter((r) => r.status === 429).length}${summaries.length ? ` summary_sent=${summaries.reduce((n, s) => n + s.sent, 0)} summary_cost=${JSON.stringify(summaries[0].totalCost)}` : ''}${firstError ? ` first_error=${JSON.stringify(firstError)}` : ''}`,
		};
	} finally {
		await n8n.stop();
	}
}

/** Runs the named scenarios, each in a fresh n8n, telling `report` as each starts and ends. */
async function runCampaigns(tls, names, report) {
	if (names.length === 0) return;
	const fakes = {
		at: await new FakeAfricasTalking({ recordBodies: false }).listen({ tls }),
		tnt: await new FakeTalkNTalk({ recordBodies: false }).listen({ tls }),
	};
	try {
		for (const scenario of SCENARIOS.filter((s) => names.includes(s.name))) {
			report.start(scenario.name);
			report.end(await runScenario(fakes, tls, scenario));
		}
	} finally {
		await fakes.at.close();
		await fakes.tnt.close();
	}
}

module.exports = { CAMPAIGN_SCENARIOS: SCENARIOS.map((s) => s.name), runCampaigns };
