'use strict';
// `npm run bench`: bulk campaigns in real n8n against the fake Africa's Talking (and the fake
// TalkNTalk for talkntalk-* scenarios) answering every request after 200 ms. Ends with one line per scenario:
// bench <scenario> recipients=<n> requests=<n> seconds=<node execution seconds> rss_mb=<peak n8n RSS growth> lost=<n> duplicated=<n>
// rss_mb is the peak growth of the n8n process's RSS from the webhook post until the node has
// finished; the detail line also gives the peak until n8n has stored the execution (storing
// 100,000 output items is n8n's own cost, the same for any node that outputs that many).
const fs = require('node:fs');
const { FakeAfricasTalking } = require('../fake-at/server');
const { DEFAULT_ACCOUNTS } = require('../fake-at/accounts');
const { testTls } = require('../harness/tls');
const { N8n } = require('../harness/n8n');
const { webhookWorkflow, AT_NODE_NAME } = require('../harness/workflows');
const { FakeTalkNTalk, API_KEY: TNT_API_KEY } = require('../fake-tnt/server');
const { talkNTalkWorkflow, TNT_NODE_NAME } = require('../e2e/talkntalk');

const LATENCY_MS = 200;
const LIVE = DEFAULT_ACCOUNTS.find((a) => a.environment === 'live');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const phones = (n) => Array.from({ length: n }, (_, i) => `+2547${String(i).padStart(8, '0')}`);

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

const SCENARIOS = [
	{
		name: 'same-message-10k',
		recipients: phones(10000),
		items: (list) => [{ phones: list }],
		parameters: { recipients: '={{ $json.phones }}', message: 'Flash sale: 20% off today only', options: { batchSize: 1000, maxConcurrency: 10 } },
	},
	{
		name: 'same-message-100k',
		recipients: phones(100000),
		items: (list) => [{ phones: list }],
		parameters: { recipients: '={{ $json.phones }}', message: 'Flash sale: 20% off today only', options: { batchSize: 1000, maxConcurrency: 10 } },
	},
	{
		name: 'personalised-10k',
		recipients: phones(10000),
		items: (list) => list.map((phone, i) => ({ phone, name: `Customer ${i}` })),
		parameters: { recipients: '={{ $json.phone }}', message: '=Hi {{ $json.name }}, your order has shipped', options: { maxConcurrency: 100, maxRetries: 8 } },
		faults: (fake) => fake.injectRandomFaults({ rate: 0.05, status: 429, seed: 11 }),
	},
	{
		// TalkNTalk's bulk endpoint: 10,000 per request, at most 60 requests a minute.
		name: 'talkntalk-bulk-100k',
		provider: 'talkntalk',
		recipients: phones(100000),
		items: (list) => [{ phones: list }],
		parameters: { recipients: '={{ $json.phones }}', message: 'Flash sale: 20% off today only' },
		setup: (fakes) => (fakes.tnt.balanceCents = 1e9),
	},
	{
		// One request per recipient with no campaign features: every item at once, no retries.
		name: 'per-item-baseline-10k',
		recipients: phones(10000),
		items: (list) => list.map((phone, i) => ({ phone, name: `Customer ${i}` })),
		parameters: { recipients: '={{ $json.phone }}', message: '=Hi {{ $json.name }}, your order has shipped', options: { maxConcurrency: 0, retry: false } },
	},
];

function rssKb(pid) {
	const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
	return match ? Number(match[1]) : 0;
}

async function waitForFinish(n8n, workflowId) {
	for (;;) {
		const [execution] = await n8n.waitForExecutions(workflowId, 1, 600000);
		if (execution) return execution;
		await sleep(200);
	}
}

async function runScenario(n8n, fakes, credentials, scenario) {
	const providerName = scenario.provider || 'africastalking';
	const provider = PROVIDERS[providerName];
	const fake = providerName === 'talkntalk' ? fakes.tnt : fakes.at;
	fake.reset();
	fake.latencyMs = LATENCY_MS;
	if (scenario.faults) scenario.faults(fake);
	if (scenario.setup) scenario.setup(fakes);
	const hookPath = `bench-${scenario.name}`;
	const workflow = provider.workflow({
		name: scenario.name, path: hookPath, credential: credentials[providerName], onError: 'continueRegularOutput', parameters: scenario.parameters,
	});
	// Answer the post at once; the run is read from the execution afterwards.
	workflow.nodes[0].parameters.responseMode = 'onReceived';
	const created = await n8n.createWorkflow(workflow, { activate: true });

	global.gc?.();
	await sleep(1000);
	const baseline = rssKb(n8n.process.pid);
	let peak = baseline;
	const samples = [];
	const sampler = setInterval(() => {
		const now = rssKb(n8n.process.pid);
		samples.push([Date.now(), now]);
		peak = Math.max(peak, now);
	}, 50);
	const started = Date.now();
	const answer = await n8n.webhook(hookPath, { items: scenario.items(scenario.recipients) });
	if (answer.status !== 200) throw new Error(`${scenario.name}: webhook answered ${answer.status} ${answer.text}`);
	const finished = await waitForFinish(n8n, created.id);
	clearInterval(sampler);
	const wall = (Date.now() - started) / 1000;

	const execution = await n8n.execution(finished.id);
	const run = execution.data.resultData.runData[provider.nodeName][0];
	const output = (run.data?.main?.[0] ?? []).map((item) => item.json);
	const nodeEnd = run.startTime + run.executionTime;
	const nodePeak = Math.max(baseline, ...samples.filter(([t]) => t <= nodeEnd + 50).map(([, kb]) => kb));
	if (process.env.BENCH_TRACE) {
		const nodeStart = run.startTime;
		for (const [t, kb] of samples.filter((_, i) => i % 4 === 0)) {
			console.log(`trace t=${t - nodeStart}ms ${t < nodeStart ? 'before' : t <= nodeEnd ? 'node' : 'after'} rss_growth_mb=${((kb - baseline) / 1024).toFixed(1)}`);
		}
	}
	const reported = new Set(output.filter((item) => item.error !== undefined).map(provider.reportedNumber));
	let lost = 0;
	let duplicated = 0;
	for (const phone of scenario.recipients) {
		const accepted = provider.accepted(fakes, phone);
		if (accepted === 0 && !reported.has(phone)) lost += 1;
		if (accepted > 1) duplicated += 1;
	}
	await n8n.rest('POST', `/workflows/${created.id}/deactivate`, {});
	return {
		line: `bench ${scenario.name} recipients=${scenario.recipients.length} requests=${fake.requests.length} seconds=${(run.executionTime / 1000).toFixed(2)} rss_mb=${((nodePeak - baseline) / 1024).toFixed(1)} lost=${lost} duplicated=${duplicated}`,
		detail: `${scenario.name}: status=${execution.status} wall=${wall.toFixed(1)}s output_items=${output.length} reported_errors=${reported.size} throttled=${fake.requests.filter((r) => r.status === 429).length} max_in_flight=${fake.maxInFlight} rss_mb_until_stored=${((peak - baseline) / 1024).toFixed(1)}`,
	};
}

async function main() {
	const only = process.argv.slice(2);
	const tls = testTls();
	const fakes = {
		at: await new FakeAfricasTalking({ recordBodies: false }).listen({ tls }),
		tnt: await new FakeTalkNTalk({ recordBodies: false }).listen({ tls }),
	};
	const n8n = await N8n.create({
		fakePort: fakes.at.port, tntFakePort: fakes.tnt.port, caPath: tls.caPath, env: { N8N_PAYLOAD_SIZE_MAX: '64' },
		packages: ['n8n-nodes-africastalking', 'n8n-nodes-talkntalk'],
	});
	const lines = [];
	try {
		await n8n.start();
		const credentials = {
			africastalking: await n8n.createCredential({ name: 'AT bench', data: { environment: 'live', username: LIVE.username, apiKey: LIVE.apiKey } }),
			talkntalk: await n8n.createCredential({ name: 'TalkNTalk bench', type: 'talkNTalkApi', data: { apiKey: TNT_API_KEY } }),
		};
		for (const scenario of SCENARIOS.filter((s) => only.length === 0 || only.includes(s.name))) {
			console.log(`running ${scenario.name}…`);
			const result = await runScenario(n8n, fakes, credentials, scenario);
			console.log(result.detail);
			lines.push(result.line);
		}
	} finally {
		await n8n.stop();
		await fakes.at.close();
		await fakes.tnt.close();
	}
	console.log(lines.join('\n'));
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
