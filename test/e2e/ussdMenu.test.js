'use strict';
// The USSD Menu Builder in real n8n: a whole USSD session posted to a published trigger the way
// Africa's Talking posts it (the full `text` every time), checking each answer and the outputs.
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { useStack } = require('./stack');
const { triggerWorkflow, callbackResponse } = require('../harness/workflows');
const { nodeOutput } = require('../harness/n8n');
const { postCallback } = require('../fake-at/callbacks');

jest.setTimeout(240000);

const stack = useStack({ resetFakeBeforeEach: false });

const output = (execution, name) => nodeOutput(execution, name).map((item) => item.json);
const runOf = (execution, name) => execution.data.resultData.runData[name][0];

/** Posts one session's `text` values in order; returns the answers AT would get. */
async function session(url, texts, sessionId) {
	const answers = [];
	for (const text of texts) {
		const answer = await postCallback(url, 'ussd', { text, sessionId });
		expect([answer.status, answer.contentType]).toEqual([200, expect.stringMatching(/^text\/plain/)]);
		answers.push(answer.text);
	}
	return answers;
}

/** The newest execution's output of a node (executions come newest first). */
async function lastExecution(workflowId, count) {
	await stack.n8n.waitForExecutions(workflowId, count);
	const executions = await stack.n8n.executions(workflowId);
	expect(executions).toHaveLength(count);
	return executions.sort((a, b) => Number(b.id) - Number(a.id))[0];
}

/** The recipe as a user imports it: credential chosen, and a webhook of its own for each copy. */
async function importRecipe(change = () => undefined) {
	const workflow = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'examples', 'ussd-menu.json'), 'utf8'));
	for (const n of workflow.nodes) {
		if (n.credentials) n.credentials.africasTalkingApi = stack.credentials.live;
		if (n.webhookId) n.webhookId = crypto.randomUUID();
	}
	workflow.name += ` ${crypto.randomUUID()}`;
	change(workflow);
	const trigger = workflow.nodes.find((n) => n.webhookId);
	const created = await stack.n8n.createWorkflow(workflow, { activate: true });
	return { id: created.id, url: `${stack.n8n.url}/webhook/${trigger.webhookId}/webhook`, trigger };
}

/** Posts one session and keeps the whole answers (status, content type, text). */
async function sessionAnswers(url, texts, sessionId) {
	const answers = [];
	for (const text of texts) {
		const answer = await postCallback(url, 'ussd', { text, sessionId });
		answers.push([answer.status, answer.contentType, answer.text]);
	}
	return answers;
}

describe('test/examples/ussd-menu.json (the README example), imported as a user would', () => {
	const HOME = 'CON Welcome to Duka\n1. Buy airtime\n9. Help';
	const AMOUNT = 'CON Amount in KES (10-1000)?\n0. Back\n00. Home';
	const CONFIRM = 'Buy KES 50 of airtime for this number?\n1. Yes\n2. Cancel\n0. Back\n00. Home';
	const steps = [
		['', HOME],
		['1', AMOUNT],
		['1*5', 'CON Enter an amount from 10 to 1000.\nAmount in KES (10-1000)?\n0. Back\n00. Home'],
		['1*5*50', `CON ${CONFIRM}`],
		['1*5*50*7', `CON Invalid choice, please try again.\n${CONFIRM}`],
		['1*5*50*7*0', AMOUNT],
		['1*5*50*7*0*00', HOME],
		// The account list is looked up by the workflow (Ask the Workflow), and the order is sent at the end.
		['1*5*50*7*0*00*1*80*1', 'CON Pay from:\n1. Savings (KES 1,200)\n2. M-Pesa wallet\n0. Back\n00. Home'],
		['1*5*50*7*0*00*1*80*1*2', 'END Done! KES 80 of airtime is on its way.'],
	];

	it('runs a three-level airtime menu with an input, an invalid choice, back and home answered by the trigger, and runs the workflow only for the account list and the order', async () => {
		const recipe = await importRecipe();
		stack.fake.reset();
		const answers = await session(recipe.url, steps.map(([text]) => text), 'ATUid_menu');
		expect(answers).toEqual(steps.map(([, answer]) => answer));

		// Two executions for the session: the account list (a lookup) and the order; the seven fixed screens ran nothing.
		const last = await lastExecution(recipe.id, 2);
		// Only the confirmed order reached Africa's Talking: one airtime request, for the amount chosen.
		expect(stack.fake.requests.map((r) => [r.path, r.body.recipients])).toEqual([['/version1/airtime/send', '[{"phoneNumber":"+254711000666","amount":"KES 80"}]']]);

		// The path to this screen runs through a list from an expression, which only the workflow can
		// evaluate: the trigger hands over the session as it came, the Callback Response walks it.
		expect(output(last, 'USSD Session')[0]).toMatchObject({ event: 'ussd', text: steps[8][0] });
		expect(output(last, 'USSD Session')[0].screen).toBeUndefined();
		expect(output(last, 'USSD Menu')[0]).toMatchObject({
			response: 'END Done! KES 80 of airtime is on its way.',
			screen: 'done',
			values: { amount: '80', account: 'ACC-2', confirmed: 'yes' },
			ended: true,
			path: ['home', 'amount', 'confirm', 'account', 'done'],
		});
		expect(output(last, 'Send Airtime')[0]).toMatchObject({ phoneNumber: '+254711000666', status: 'Sent' });
	});

	it('answers byte for byte what the workflow answers on every screen (Menu Screens: Every Screen Runs the Workflow), with one execution per screen there', async () => {
		const fixed = await importRecipe();
		const everyScreen = await importRecipe((workflow) => {
			workflow.nodes.find((n) => n.webhookId).parameters.ussdScreens = 'workflow';
		});
		const texts = [...steps.map(([text]) => text), '9', '1*80*2', '1*80*0*0*9'];
		const now = await sessionAnswers(fixed.url, texts, 'ATUid_fixed');
		const before = await sessionAnswers(everyScreen.url, texts, 'ATUid_every');
		expect(now).toEqual(before);
		expect(now.map(([status, type]) => [status, type])).toEqual(texts.map(() => [200, 'text/plain; charset=utf-8']));
		// Runs at the account list, the order, and the cancelled order (an end with values); help (an end without) runs nothing.
		expect(await stack.n8n.waitForExecutions(fixed.id, 3)).toHaveLength(3);
		expect(await stack.n8n.waitForExecutions(everyScreen.id, texts.length)).toHaveLength(texts.length);
		const executions = await stack.n8n.executions(fixed.id);
		expect(executions.map((e) => output(e, 'USSD Menu')[0].screen).sort()).toEqual(['account', 'cancelled', 'done']);
		// Where the path holds no expression, the trigger's output says where the session is.
		const cancelled = executions.find((e) => output(e, 'USSD Menu')[0].screen === 'cancelled');
		expect(output(cancelled, 'USSD Session')[0]).toMatchObject({ screen: 'cancelled', values: { amount: '80', confirmed: 'no' }, ended: true });
	});

	it('answers Help at once, without an execution or sending anything', async () => {
		const recipe = await importRecipe();
		stack.fake.reset();
		expect(await session(recipe.url, ['9'], 'ATUid_help')).toEqual(['END Dial *384*123# and choose Buy airtime. Questions? Call 0711 000 000.']);
		// A menu workflow's webhook: answered by the trigger, so nothing is stored; give n8n a moment to prove it.
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(await stack.n8n.executions(recipe.id)).toHaveLength(0);
		expect(stack.fake.requests).toHaveLength(0);
	});
});

describe('screens the trigger answers are protected and checked like every callback', () => {
	it('refuses a request without the Secret Token (401), one from an address not allowed (403) and one that is not a USSD callback (400), starting nothing', async () => {
		const secret = 'q8K+tZ/3vW9xLr2==-menu-token';
		const menu = callbackResponse({
			answer: 'ussd', menuDefinition: 'fields', menuStart: 'home',
			menuScreens: { screen: [{ id: 'home', type: 'menu', text: 'Welcome', options: { option: [{ label: 'Help', next: 'help' }] } }, { id: 'help', type: 'end', text: 'Call 100.' }] },
		});
		const publishWith = async (data) => {
			const credential = await stack.n8n.createCredential({ name: `AT webhook ${crypto.randomUUID()}`, type: 'africasTalkingWebhookApi', data });
			const { workflow, path: hookPath } = triggerWorkflow({ name: `ussd protected menu ${crypto.randomUUID()}`, parameters: { event: 'ussd' }, then: [menu], protection: credential });
			const created = await stack.n8n.createWorkflow(workflow, { activate: true });
			return { id: created.id, url: `${stack.n8n.url}/webhook/${hookPath}` };
		};
		const tokened = await publishWith({ secretToken: secret });
		const refused = await postCallback(tokened.url, 'ussd', { text: '' });
		expect([refused.status, refused.text]).toEqual([401, 'Unauthorized']);
		const wrongBody = await postCallback(`${tokened.url}?token=${encodeURIComponent(secret)}`, 'ussd', {}, { type: 'json' });
		expect(wrongBody.status).toBe(400);
		const answered = await postCallback(`${tokened.url}?token=${encodeURIComponent(secret)}`, 'ussd', { text: '' });
		expect([answered.status, answered.text]).toEqual([200, 'CON Welcome\n1. Help']);
		const blocked = await publishWith({ ipAllowlist: '192.0.2.0/24' });
		expect((await postCallback(blocked.url, 'ussd', { text: '' })).status).toBe(403);
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(await stack.n8n.executions(tokened.id)).toHaveLength(0);
		expect(await stack.n8n.executions(blocked.id)).toHaveLength(0);
	});
});

describe('menus given as JSON', () => {
	/** Trigger → "Menu Source" (a Set node holding the JSON text, as a menu made elsewhere would arrive) → Callback Response. */
	async function publishJsonMenu(menu, menuJson = '={{ $json.menu }}') {
		const { workflow, path: hookPath } = triggerWorkflow({
			name: `ussd json menu ${Date.now()}`,
			parameters: { event: 'ussd' },
			then: [
				{
					name: 'Menu Source', type: 'n8n-nodes-base.set', typeVersion: 3.4,
					parameters: { mode: 'manual', assignments: { assignments: [{ id: crypto.randomUUID(), name: 'menu', type: 'string', value: JSON.stringify(menu) }] }, includeOtherFields: true, options: {} },
				},
				callbackResponse({ answer: 'ussd', ussdType: 'menu', menuDefinition: 'json', menuJson }),
			],
		});
		const created = await stack.n8n.createWorkflow(workflow, { activate: true });
		return { url: `${stack.n8n.url}/webhook/${hookPath}`, id: created.id };
	}

	it('walks a JSON menu, fills {{ $ussd }} placeholders, and hints at texts phones may not show', async () => {
		const wf = await publishJsonMenu({
			start: 'name', backKey: '', homeKey: '',
			screens: [
				{ id: 'name', type: 'input', text: 'Your name?', variable: 'name', check: 'regex', pattern: '[A-Za-z ]{2,20}', retryMessage: 'Letters only.', next: 'ok' },
				{ id: 'ok', type: 'menu', text: 'Karibu {{ $ussd.name }} 😀', options: [{ label: 'Finish', next: 'bye', key: '1' }] },
				{ id: 'bye', type: 'end', text: 'Asante {{ $ussd.name }}!' },
			],
		});
		expect(await session(wf.url, ['', 'Amina 2', 'Amina 2*Amina', 'Amina 2*Amina*1'], 'ATUid_json')).toEqual([
			'CON Your name?', 'CON Letters only.\nYour name?', 'CON Karibu Amina 😀\n1. Finish', 'END Asante Amina!',
		]);
		const last = await lastExecution(wf.id, 4);
		expect(output(last, 'Callback Response')[0]).toMatchObject({ screen: 'bye', values: { name: 'Amina' }, ended: true });
		const executions = await stack.n8n.executions(wf.id);
		const third = executions.find((e) => output(e, 'Callback Response')[0].screen === 'ok');
		expect(runOf(third, 'Callback Response').hints).toEqual([
			expect.objectContaining({ type: 'warning', message: expect.stringContaining('USSD screen "ok" has characters outside the GSM 7-bit alphabet: "😀"') }),
		]);
	});

	it('sends the fallback END, and fails the execution naming the screen and field, when the menu is invalid', async () => {
		// This time the expression gives an object rather than JSON text.
		const wf = await publishJsonMenu({ start: 'home', screens: [{ id: 'home', type: 'menu', text: 'Hi', options: [{ label: 'Go', next: 'nowhere' }] }] }, '={{ JSON.parse($json.menu) }}');
		expect(await session(wf.url, [''], 'ATUid_bad')).toEqual(['END Sorry, this service is not available right now. Please try again later.']);
		const last = await lastExecution(wf.id, 1);
		expect(last.status).toBe('error');
		expect(runOf(last, 'Callback Response').error.message).toBe(
			'The USSD menu cannot work: Screen "home", option 1 ("Go"): "next": the next screen "nowhere" does not exist (screens: home). The caller got the Fallback Message (END) instead.',
		);
	});
});

describe('a broken menu built with the fields (issue: it passed as a success)', () => {
	it('answers every callback with the polite END, records the execution as failed with the field labels, and runs the Error Workflow', async () => {
		// The Error Workflow: an Error Trigger that only has to run. n8n 2.x runs only a published
		// one; n8n 1.x runs it unpublished and refuses to activate a workflow whose only trigger is
		// the Error Trigger ("has no node to start the workflow").
		const errorFlowDefinition = {
			name: `ussd error workflow ${Date.now()}`,
			nodes: [{ id: crypto.randomUUID(), name: 'Error Trigger', type: 'n8n-nodes-base.errorTrigger', typeVersion: 1, position: [0, 0], parameters: {} }],
			connections: {},
			settings: { executionOrder: 'v1' },
		};
		const errorFlow = await stack.n8n.createWorkflow(errorFlowDefinition, { activate: true }).catch(async (error) => {
			if (!/has no node to start the workflow/.test(error.message)) throw error;
			const saved = await stack.n8n.rest('GET', '/workflows');
			return saved.find((w) => w.name === errorFlowDefinition.name);
		});
		const { workflow, path: hookPath } = triggerWorkflow({
			name: `ussd broken fields menu ${Date.now()}`,
			parameters: { event: 'ussd' },
			then: [
				callbackResponse({
					answer: 'ussd', menuDefinition: 'fields', menuStart: 'home',
					menuScreens: {
						screen: [
							{ id: 'home', type: 'menu', text: 'Welcome', options: { option: [{ label: 'Buy', next: 'bye' }, { label: 'Help', next: 'hlp' }] } },
							{ id: 'bye', type: 'end', text: 'Bye.' },
							{ id: 'help', type: 'end', text: 'Call 100.' },
						],
					},
				}),
			],
		});
		workflow.settings.errorWorkflow = errorFlow.id;
		const created = await stack.n8n.createWorkflow(workflow, { activate: true });
		const url = `${stack.n8n.url}/webhook/${hookPath}`;
		const fallback = 'END Sorry, this service is not available right now. Please try again later.';
		expect(await session(url, ['', '1'], 'ATUid_hlp')).toEqual([fallback, fallback]);
		await stack.n8n.waitForExecutions(created.id, 2);
		const executions = await stack.n8n.executions(created.id);
		expect(executions.map((e) => e.status)).toEqual(['error', 'error']);
		expect(runOf(executions[0], 'Callback Response').error.message).toContain('Screen "home", option 2 ("Help"): "Next Screen ID": the next screen "hlp" does not exist (screens: home, bye, help)');
		expect(await stack.n8n.waitForExecutions(errorFlow.id, 2)).toHaveLength(2);
	});

	it('answers a working menu at once and records a success where the workflow runs', async () => {
		const { workflow, path: hookPath } = triggerWorkflow({
			name: `ussd working fields menu ${Date.now()}`,
			parameters: { event: 'ussd' },
			then: [
				callbackResponse({
					answer: 'ussd', menuDefinition: 'fields', menuStart: 'amount',
					menuScreens: {
						screen: [
							{ id: 'amount', type: 'input', text: 'Amount?', variable: 'amount', check: 'number', next: 'done' },
							{ id: 'done', type: 'end', text: 'Buying KES {ussd.amount} of airtime.' },
						],
					},
				}),
			],
		});
		const created = await stack.n8n.createWorkflow(workflow, { activate: true });
		const url = `${stack.n8n.url}/webhook/${hookPath}`;
		expect(await session(url, ['', '50'], 'ATUid_ok')).toEqual(['CON Amount?', 'END Buying KES 50 of airtime.']);
		// The question is a fixed screen, answered by the trigger; the end with a value runs the workflow.
		await stack.n8n.waitForExecutions(created.id, 1);
		expect((await stack.n8n.executions(created.id)).map((e) => e.status)).toEqual(['success']);
	});
});

describe('$ussd in expression texts of the fields', () => {
	it('lets n8n evaluate {{ $ussd.… }} in texts and option labels, next to other expressions, with typed values kept as text', async () => {
		const { workflow, path: hookPath } = triggerWorkflow({
			name: `ussd expression texts ${Date.now()}`,
			parameters: { event: 'ussd' },
			then: [
				callbackResponse({
					answer: 'ussd', ussdType: 'menu', menuDefinition: 'fields', menuStart: 'note',
					menuScreens: {
						screen: [
							// Other fields may be expressions too (resolved by n8n, without $ussd).
							{ id: 'note', type: 'input', text: 'A note?', variable: 'note', check: 'any', next: '={{ "con" + "firm" }}' },
							{
								id: 'confirm', type: 'menu', text: '=Hello {{ $json.phoneNumber }}, send this?',
								options: { option: [{ label: '=Send "{{ $ussd.note }}" ({{ $ussd.note.length }} characters)', next: 'echo', key: '1' }] },
							},
							{ id: 'echo', type: 'end', text: '={{ $ussd.note.toUpperCase() }} from {{ $json.phoneNumber }}' },
						],
					},
				}),
			],
		});
		await stack.n8n.createWorkflow(workflow, { activate: true });
		const url = `${stack.n8n.url}/webhook/${hookPath}`;
		// A note that looks like an expression is shown as typed, never evaluated.
		const note = '}} {{ $env.HOME }}';
		expect(await session(url, ['', note, `${note}*1`], 'ATUid_expr')).toEqual([
			'CON A note?',
			`CON Hello +254711000666, send this?\n1. Send "${note}" (18 characters)\n0. Back\n00. Home`,
			'END }} {{ $ENV.HOME }} from +254711000666',
		]);
	});
});
