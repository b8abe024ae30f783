'use strict';
// `npm run bench`: bulk campaigns in real n8n against the fake Africa's Talking answering every
// request after 200 ms. Ends with one line per scenario:
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

const LATENCY_MS = 200;
const LIVE = DEFAULT_ACCOUNTS.find((a) => a.environment === 'live');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const phones = (n) => Array.from({ length: n }, (_, i) => `+2547${String(i).padStart(8, '0')}`);

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

async function runScenario(n8n, fake, credential, scenario) {
	fake.reset();
	fake.latencyMs = LATENCY_MS;
	if (scenario.faults) scenario.faults(fake);
	const hookPath = `bench-${scenario.name}`;
	const workflow = webhookWorkflow({
		name: scenario.name, path: hookPath, credential, onError: 'continueRegularOutput',
		parameters: { resource: 'sms', operation: 'send', ...scenario.parameters },
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
	const run = execution.data.resultData.runData[AT_NODE_NAME][0];
	const output = (run.data?.main?.[0] ?? []).map((item) => item.json);
	const nodeEnd = run.startTime + run.executionTime;
	const nodePeak = Math.max(baseline, ...samples.filter(([t]) => t <= nodeEnd + 50).map(([, kb]) => kb));
	if (process.env.BENCH_TRACE) {
		const nodeStart = run.startTime;
		for (const [t, kb] of samples.filter((_, i) => i % 4 === 0)) {
			console.log(`trace t=${t - nodeStart}ms ${t < nodeStart ? 'before' : t <= nodeEnd ? 'node' : 'after'} rss_growth_mb=${((kb - baseline) / 1024).toFixed(1)}`);
		}
	}
	const reported = new Set(output.filter((item) => item.error !== undefined).map((item) => item.number));
	let lost = 0;
	let duplicated = 0;
	for (const phone of scenario.recipients) {
		const accepted = fake.acceptedCount('sms', phone);
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
	const fake = await new FakeAfricasTalking({ recordBodies: false }).listen({ tls });
	const n8n = await N8n.create({ fakePort: fake.port, caPath: tls.caPath, env: { N8N_PAYLOAD_SIZE_MAX: '64' } });
	const lines = [];
	try {
		await n8n.start();
		const credential = await n8n.createCredential({ name: 'AT bench', data: { environment: 'live', username: LIVE.username, apiKey: LIVE.apiKey } });
		for (const scenario of SCENARIOS.filter((s) => only.length === 0 || only.includes(s.name))) {
			console.log(`running ${scenario.name}…`);
			const result = await runScenario(n8n, fake, credential, scenario);
			console.log(result.detail);
			lines.push(result.line);
		}
	} finally {
		await n8n.stop();
		await fake.close();
	}
	console.log(lines.join('\n'));
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
