'use strict';
// Callback scenarios of `npm run bench`, `callbacks-*` (issue 22): a burst of Africa's Talking callbacks (USSD, Voice) at a
// published workflow, BURST_REQUESTS posts with BURST_IN_FLIGHT in flight, timed from send to
// the whole answer; the same burst at a plain n8n Webhook → Respond to Webhook is the baseline:
// bench <scenario> requests=<n> in_flight=<n> p50_ms= p95_ms= p99_ms= max_ms= seconds=<burst wall time>
//   peak_rss_mb=<peak RSS of n8n and its task runners> wrong=<answers not as expected> executions=<stored>
//   lost=<answered as expected but never stored: Africa's Talking does not send those again>
const { N8n } = require('../harness/n8n');
const { N8N_VERSION, NODE_VERSION } = require('../harness/install-n8n');
const { triggerWorkflow, callbackResponse, node, chain } = require('../harness/workflows');
const { CALLBACKS } = require('../fake-at/callbacks');
const { sleep, benchSettings, treeRssKb, peakTreeRss, percentile, storedCount } = require('./common');
const USSD_SESSIONS = require('./ussdSession');

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
		// The floor under every trigger answer (issue 30): what n8n spends on one request to a
		// community trigger's webhook before the trigger's own code runs. A GET, which the trigger
		// refuses at its first line (400) and for which nothing executes. On n8n 2.41 this includes
		// an expression isolate n8n builds for each such request (only its own Webhook node is spared).
		name: 'callbacks-trigger-floor',
		what: 'Trigger (USSD) sent GET: refused at its first line with 400, no execution',
		workflow: atTrigger({ event: 'ussd' }),
		method: 'GET',
		expectedStatus: 400,
		executes: false,
		post: ussdPost,
		expected: () => "Africa's Talking sends callbacks with POST",
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

async function runBurst(scenario) {
	const n8n = await N8n.create({ env: benchSettings(), nodeOptions: process.env.BURST_NODE_OPTIONS });
	try {
		await n8n.start();
		const { workflow, path: hookPath } = scenario.workflow({ name: scenario.name });
		const created = await n8n.createWorkflow(workflow, { activate: true });
		await n8n.waitForWebhooks(workflow);
		const url = `${n8n.url}/webhook/${hookPath}`;
		const method = scenario.method ?? 'POST';
		const expectedStatus = scenario.expectedStatus ?? 200;
		// Requests that start an execution each (all but the floor's refusals).
		const perRequest = scenario.executes === false ? 0 : 1;
		const request = (i) =>
			method === 'GET'
				? { method, signal: AbortSignal.timeout(120000) }
				: { method, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(scenario.post(i)).toString(), signal: AbortSignal.timeout(120000) };
		// One warm-up request, so that loading the nodes is not in the first answers.
		await fetch(url, request(-1)).then((r) => r.text());
		await sleep(2000);
		const baseline = treeRssKb(n8n.process.pid);
		const rss = peakTreeRss(n8n.process.pid, 100, baseline);
		const times = [];
		let wrong = 0;
		let firstWrong;
		let next = 0;
		const started = Date.now();
		const worker = async () => {
			for (let i = next++; i < BURST_REQUESTS; i = next++) {
				const options = request(i);
				const t0 = performance.now();
				let status;
				let text;
				try {
					const res = await fetch(url, options);
					status = res.status;
					text = await res.text();
				} catch (error) {
					status = error.name;
					text = error.message;
				}
				times.push(performance.now() - t0);
				if (status !== expectedStatus || text !== scenario.expected(i)) {
					wrong += 1;
					firstWrong ??= `${status} ${String(text).slice(0, 200)}`;
				}
			}
		};
		await Promise.all(Array.from({ length: BURST_IN_FLIGHT }, worker));
		const seconds = (Date.now() - started) / 1000;
		const peak = rss.stop();
		const stored = (await storedCount(n8n, created.id, (BURST_REQUESTS + 1) * perRequest)) - perRequest;
		// Answered as expected but never stored: Africa's Talking will not send these again.
		const lost = Math.max(0, (BURST_REQUESTS - wrong) * perRequest - stored);
		times.sort((a, b) => a - b);
		const ms = (p) => percentile(times, p).toFixed(0);
		return {
			line: `bench ${scenario.name} requests=${BURST_REQUESTS} in_flight=${BURST_IN_FLIGHT} p50_ms=${ms(50)} p95_ms=${ms(95)} p99_ms=${ms(99)} max_ms=${times[times.length - 1].toFixed(0)} seconds=${seconds.toFixed(1)} peak_rss_mb=${(peak / 1024).toFixed(0)} wrong=${wrong} executions=${stored} lost=${lost}`,
			detail: `${scenario.name}: n8n=${N8N_VERSION} node=${NODE_VERSION} workflow="${scenario.what}" baseline_rss_mb=${(baseline / 1024).toFixed(0)} env=${JSON.stringify(benchSettings())}${firstWrong ? ` first_wrong="${firstWrong}"` : ''}`,
		};
	} finally {
		await n8n.stop();
	}
}

/** Runs the named bursts, each in a fresh n8n, telling `report` as each starts and ends. */
async function runCallbacks(names, report) {
	for (const scenario of [...BURSTS, ...USSD_SESSIONS].filter((s) => names.includes(s.name))) {
		report.start(scenario.name);
		report.end(scenario.run ? await scenario.run() : await runBurst(scenario));
	}
}

module.exports = { CALLBACK_SCENARIOS: [...BURSTS, ...USSD_SESSIONS].map((s) => s.name), runCallbacks };
