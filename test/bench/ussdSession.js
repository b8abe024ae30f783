'use strict';
// `callbacks-ussd-session*` scenarios (issue 30): USSD_SESSIONS callers (default 500) each walk a
// four-screen Menu Builder menu to its end (home → amount → confirm → done), USSD_IN_FLIGHT
// (default 50) callers at a time, each posting its session's `text` the way Africa's Talking does.
// `callbacks-ussd-session`: the trigger answers the three fixed screens itself and the workflow
// runs once per session, at the end with the collected values; `callbacks-ussd-session-every-screen`:
// the same menu answered the way it was before (Menu Screens: Every Screen Runs the Workflow).
// bench <scenario> sessions=<n> screens=<per session> requests=<n> in_flight=<n> executions=<stored>
//   p50_ms= p95_ms= p99_ms= peak_rss_mb= wrong=<answers not as expected> lost=<answered but never stored>
//   fixed_p99_ms=<the screens before the end> end_p99_ms=<the last screen> seconds=<wall time>
const { N8n } = require('../harness/n8n');
const { N8N_VERSION, NODE_VERSION } = require('../harness/install-n8n');
const { triggerWorkflow, callbackResponse } = require('../harness/workflows');
const { CALLBACKS } = require('../fake-at/callbacks');
const { treeRssKb, peakTreeRss, percentile, benchSettings, storedCount } = require('./common');

const SESSIONS = Number(process.env.USSD_SESSIONS || 500);
const IN_FLIGHT = Number(process.env.USSD_IN_FLIGHT || 50);

const MENU = {
	answer: 'ussd', ussdType: 'menu', menuDefinition: 'fields', menuStart: 'home',
	menuScreens: {
		screen: [
			{ id: 'home', type: 'menu', text: 'Welcome to Duka', options: { option: [{ label: 'Buy airtime', next: 'amount' }, { label: 'Help', next: 'help' }] } },
			{ id: 'amount', type: 'input', text: 'Amount in KES?', variable: 'amount', check: 'number', min: '10', max: '1000', next: 'confirm' },
			{ id: 'confirm', type: 'menu', text: 'Buy KES {ussd.amount} of airtime?', variable: 'confirmed', options: { option: [{ label: 'Yes', next: 'done', value: 'yes' }, { label: 'No', next: 'help' }] } },
			{ id: 'done', type: 'end', text: 'Done! KES {ussd.amount} of airtime is on its way.' },
			{ id: 'help', type: 'end', text: 'Call 0711 000 000.' },
		],
	},
};

/** Caller i's session: the texts AT posts and the answers it must get. */
function session(i) {
	const amount = 10 + (Math.abs(i) % 990);
	return [
		['', 'CON Welcome to Duka\n1. Buy airtime\n2. Help'],
		['1', 'CON Amount in KES?\n0. Back\n00. Home'],
		[`1*${amount}`, `CON Buy KES ${amount} of airtime?\n1. Yes\n2. No\n0. Back\n00. Home`],
		[`1*${amount}*1`, `END Done! KES ${amount} of airtime is on its way.`],
	];
}
const SCREENS = session(0).length;

const post = (i, text) => new URLSearchParams({ ...CALLBACKS.ussd.body, sessionId: `ATUid_${i}`, phoneNumber: `+2547${String(Math.abs(i)).padStart(8, '0')}`, text }).toString();

function scenario(name, ussdScreens, what, executionsPerSession) {
	return {
		name,
		what,
		async run() {
			const n8n = await N8n.create({ env: benchSettings(), nodeOptions: process.env.BURST_NODE_OPTIONS });
			try {
				await n8n.start();
				const { workflow, path: hookPath } = triggerWorkflow({ name, parameters: { event: 'ussd', ussdScreens }, then: [callbackResponse(MENU)] });
				const created = await n8n.createWorkflow(workflow, { activate: true });
				await n8n.waitForWebhooks(workflow);
				const url = `${n8n.url}/webhook/${hookPath}`;
				const send = async (i, text) => {
					const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: post(i, text), signal: AbortSignal.timeout(120000) });
					return { status: res.status, text: await res.text() };
				};
				// One warm-up session, so that loading the nodes is not in the first answers.
				for (const [text] of session(-1)) await send(-1, text);
				const before = await storedCount(n8n, created.id, executionsPerSession);
				const baseline = treeRssKb(n8n.process.pid);
				const rss = peakTreeRss(n8n.process.pid, 100, baseline);
				const fixedTimes = [];
				const endTimes = [];
				let wrong = 0;
				let completed = 0;
				let firstWrong;
				let next = 0;
				const started = Date.now();
				const caller = async () => {
					for (let i = next++; i < SESSIONS; i = next++) {
						let right = 0;
						for (const [step, [text, expected]] of session(i).entries()) {
							const t0 = performance.now();
							let answer;
							try {
								answer = await send(i, text);
							} catch (error) {
								answer = { status: error.name, text: error.message };
							}
							(step === SCREENS - 1 ? endTimes : fixedTimes).push(performance.now() - t0);
							if (answer.status === 200 && answer.text === expected) right += 1;
							else {
								wrong += 1;
								firstWrong ??= `${answer.status} ${String(answer.text).slice(0, 200)}`;
							}
						}
						if (right === SCREENS) completed += 1;
					}
				};
				await Promise.all(Array.from({ length: IN_FLIGHT }, caller));
				const seconds = (Date.now() - started) / 1000;
				const peak = rss.stop();
				const stored = (await storedCount(n8n, created.id, before + SESSIONS * executionsPerSession)) - before;
				// Sessions answered right to the end whose executions n8n never stored: AT sends nothing again.
				const lost = Math.max(0, completed * executionsPerSession - stored);
				const sorted = (times) => [...times].sort((a, b) => a - b);
				const all = sorted([...fixedTimes, ...endTimes]);
				const ms = (times, p) => percentile(times, p).toFixed(0);
				return {
					line:
						`bench ${name} sessions=${SESSIONS} screens=${SCREENS} requests=${all.length} in_flight=${IN_FLIGHT} executions=${stored} ` +
						`p50_ms=${ms(all, 50)} p95_ms=${ms(all, 95)} p99_ms=${ms(all, 99)} peak_rss_mb=${(peak / 1024).toFixed(0)} wrong=${wrong} lost=${lost} ` +
						`fixed_p99_ms=${ms(sorted(fixedTimes), 99)} end_p99_ms=${ms(sorted(endTimes), 99)} seconds=${seconds.toFixed(1)}`,
					detail: `${name}: n8n=${N8N_VERSION} node=${NODE_VERSION} workflow="${what}" baseline_rss_mb=${(baseline / 1024).toFixed(0)} env=${JSON.stringify(benchSettings())}${firstWrong ? ` first_wrong="${firstWrong}"` : ''}`,
				};
			} finally {
				await n8n.stop();
			}
		},
	};
}

module.exports = [
	scenario('callbacks-ussd-session', 'trigger', 'Trigger (USSD, Menu Screens: fixed screens answered by the trigger) → Callback Response Menu Builder, 4 screens', 1),
	scenario('callbacks-ussd-session-every-screen', 'workflow', 'Trigger (USSD, Menu Screens: Every Screen Runs the Workflow) → Callback Response Menu Builder, 4 screens', SCREENS),
];
