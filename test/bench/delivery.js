'use strict';
// `npm run bench delivery-reports-10k` (issue 28): the delivery-tracking recipes at scale. A
// 10,000-recipient campaign (campaign-with-delivery-tracking.json), while the fake AT posts its
// 10,000 delivery reports (1 % twice, in random order, the first ones before the campaign's rows
// are stored) with 50 in flight to delivery-reports-into-campaign.json, then campaign-report.json:
// bench delivery-reports-10k recipients=<n> reports=<posted> duplicates=<n> before_rows=<reports
//   answered before the campaign's rows were stored> in_flight=50 seconds=<campaign start to report>
//   executions=<stored trigger executions> peak_rss_mb=<peak RSS of n8n and its task runners>
//   exact=<the report equals what the fake sent> lost=<n> counted_twice=<n>
const os = require('node:os');
const { N8n } = require('../harness/n8n');
const { N8N_VERSION, NODE_VERSION } = require('../harness/install-n8n');
const { createDeliveryTables, importRecipe, runRecipe, outputOf, triggerUrl } = require('../harness/dataTables');
const { LIVE } = require('../e2e/stack');
const { FakeAfricasTalking } = require('../fake-at/server');
const { benchSettings, peakTreeRss, sleep } = require('./common');

const RECIPIENTS = 10000;
const IN_FLIGHT = 50;

async function storedExecutions(n8n, workflowId, expected) {
	const deadline = Date.now() + 1800000;
	for (let last = -1, stableSince = Date.now(); ; ) {
		const list = await n8n.executionList(workflowId);
		const finished = list.filter((e) => e.status !== 'running' && e.status !== 'new');
		if (finished.length >= expected || Date.now() > deadline) return finished;
		if (finished.length !== last) [last, stableSince] = [finished.length, Date.now()];
		else if (Date.now() - stableSince > 60000) return finished;
		await sleep(1000);
	}
}

async function runDeliveryReports(fake, tls) {
	const n8n = await N8n.create({ fakePort: fake.port, caPath: tls.caPath, env: benchSettings() });
	try {
		await n8n.start();
		const credential = await n8n.createCredential({ name: 'AT live', data: { environment: 'live', username: LIVE.username, apiKey: LIVE.apiKey } });
		await createDeliveryTables(n8n);
		const trigger = importRecipe('delivery-reports-into-campaign.json', { credential });
		const triggerId = (await n8n.createWorkflow(trigger, { activate: true })).id;
		const reports = fake.sendDeliveryReports({ url: triggerUrl(n8n, trigger), delayMs: [0, 3000], duplicateRate: 0.01, inFlight: IN_FLIGHT, seed: 28 });

		const rss = peakTreeRss(n8n.process.pid, 250);
		const started = Date.now();
		const phones = Array.from({ length: RECIPIENTS }, (_, i) => ({ phone: `+2547${String(i).padStart(8, '0')}` }));
		const campaignRun = await runRecipe(n8n, importRecipe('campaign-with-delivery-tracking.json', { credential, campaign: { campaign: 'bench', rows: phones } }));
		const beforeRows = reports.posts - reports.refusedPosts;
		const rows = outputOf(campaignRun, 'One Row per Recipient').length;
		await reports.drained();
		const executions = await storedExecutions(n8n, triggerId, reports.reports.size + reports.duplicates);
		const [report] = outputOf(await runRecipe(n8n, importRecipe('campaign-report.json', { credential, campaign: { campaign: 'bench' } })), 'Campaign Report');
		const seconds = (Date.now() - started) / 1000;
		const peak = rss.stop();

		const expected = reports.expectedCounts([...reports.reports.keys()]);
		const failureReasons = Object.fromEntries(report.failureReasons.map((r) => [r.reason, r.count]));
		const exact = ['delivered', 'failed', 'pending', 'unknown'].every((k) => report[k] === expected[k]) && JSON.stringify(Object.entries(failureReasons).sort()) === JSON.stringify(Object.entries(expected.failureReasons).sort());
		// A report sent but not counted shows as pending; a message counted twice makes the counts exceed the messages.
		const lost = Math.max(0, report.pending - expected.pending) + reports.lost.length;
		const countedTwice = Math.max(0, report.delivered + report.failed + report.pending + report.unknown - report.sent) + Math.max(0, report.messages - RECIPIENTS);
		const [load1] = os.loadavg();
		return {
			line: `bench delivery-reports-10k recipients=${RECIPIENTS} reports=${reports.reports.size + reports.duplicates} duplicates=${reports.duplicates} before_rows=${beforeRows} in_flight=${IN_FLIGHT} seconds=${seconds.toFixed(1)} executions=${executions.length} peak_rss_mb=${(peak / 1024).toFixed(0)} exact=${exact} lost=${lost} counted_twice=${countedTwice}`,
			detail: `delivery-reports-10k: n8n=${N8N_VERSION} node=${NODE_VERSION} load1=${load1.toFixed(2)} rows=${rows} report=${JSON.stringify({ ...report, unmatchedMessageIds: undefined })} expected=${JSON.stringify(expected)} refused_posts=${reports.refusedPosts} failed_executions=${executions.filter((e) => e.status !== 'success').length}`,
		};
	} finally {
		await n8n.stop();
	}
}

const SCENARIOS = [{ name: 'delivery-reports-10k', run: runDeliveryReports }];

/** Runs the named scenarios of this family, each in a fresh n8n, against one fake AT. */
async function runDelivery(tls, names, report) {
	if (names.length === 0) return;
	const fake = await new FakeAfricasTalking({ recordBodies: false }).listen({ tls });
	try {
		for (const scenario of SCENARIOS.filter((s) => names.includes(s.name))) {
			report.start(scenario.name);
			report.end(await scenario.run(fake, tls));
		}
	} finally {
		await fake.close();
	}
}

module.exports = { DELIVERY_SCENARIOS: SCENARIOS.map((s) => s.name), runDelivery };
