import {
	Workflow,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeParameters,
	type INodeTypes,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { AfricasTalkingTrigger } from '../../nodes/AfricasTalkingTrigger/AfricasTalkingTrigger.node';
import { AfricasTalkingCallbackResponse } from '../../nodes/AfricasTalkingCallbackResponse/AfricasTalkingCallbackResponse.node';
import { USSD_FALLBACK } from '../../nodes/AfricasTalkingCommon/ussd';

/**
 * The fixed screens of a Menu Builder menu are answered by the trigger, without an execution:
 * every answer must be byte for byte what the Callback Response sends for the same menu and
 * text (the node's own path, "today's"), and the workflow must still run where the menu needs it.
 */
const triggerType = new AfricasTalkingTrigger();
const responseType = new AfricasTalkingCallbackResponse();
const nodeTypes = {
	getByName: (type: string) => (type.endsWith('Trigger') ? triggerType : responseType),
	getByNameAndVersion: (type: string) => (type.endsWith('Trigger') ? triggerType : responseType),
	getKnownTypes: () => ({}),
} as unknown as INodeTypes;

const TRIGGER = "Africa's Talking Trigger";
const RESPONSE = 'Callback Response';

/** A published workflow as n8n holds it: n8n's Workflow fills in every parameter's default. */
function publish(menu: INodeParameters, trigger: INodeParameters = {}, credentials?: INode['credentials']): Workflow {
	const nodes: INode[] = [
		{ id: 't', name: TRIGGER, type: 'n8n-nodes-africastalking.africasTalkingTrigger', typeVersion: 2, position: [0, 0], parameters: { event: 'ussd', ...trigger }, credentials },
		{ id: 'r', name: RESPONSE, type: 'n8n-nodes-africastalking.africasTalkingCallbackResponse', typeVersion: 1, position: [200, 0], parameters: { answer: 'ussd', ...menu } },
	];
	return new Workflow({ nodes, connections: { [TRIGGER]: { main: [[{ node: RESPONSE, type: 'main' as never, index: 0 }]] } }, active: true, nodeTypes });
}

const body = (text: string, sessionId = 'ATUid_1') => ({ sessionId, serviceCode: '*384*123#', phoneNumber: '+254711000666', networkCode: '63902', text });

/** n8n's webhook request to the trigger: what it sends, and what the trigger hands back. */
async function webhook(workflow: Workflow, posted: IDataObject, request: { url?: string; type?: string } = {}) {
	const node = workflow.getNode(TRIGGER)!;
	const sent: Array<{ status?: number; body?: unknown }> = [];
	const headers: Record<string, string> = {};
	const res = {
		status: (code: number) => (sent.push({ status: code }), res),
		type: (value: string) => ((headers['content-type'] = value), res),
		send: (value: unknown) => (sent.push({ body: value }), res),
	};
	const ctx = {
		getWebhookName: () => 'default',
		getNode: () => node,
		getNodeParameter: (name: string, fallback?: unknown) => (name in node.parameters ? node.parameters[name] : fallback),
		getCredentials: async () => ({ secretToken: 'a-secret-token-of-32-characters!' }),
		getRequestObject: () => ({ headers: { 'content-type': request.type ?? 'application/x-www-form-urlencoded' }, url: request.url ?? '/webhook/x/webhook', ip: '127.0.0.1' }),
		getResponseObject: () => res,
		getBodyData: () => posted,
		getChildNodes: (name: string, options?: { includeNodeParameters?: boolean }) =>
			workflow.getChildNodes(name).map((child) => {
				const found = workflow.getNode(child)!;
				return { name: found.name, type: found.type, typeVersion: found.typeVersion, disabled: found.disabled ?? false, ...(options?.includeNodeParameters ? { parameters: found.parameters } : {}) };
			}),
	} as unknown as IWebhookFunctions;
	const result = (await triggerType.webhook.call(ctx)) as IWebhookResponseData;
	return { result, sent, headers };
}

/** The Callback Response running on the trigger's item: the answer it sends, or the error it fails with. */
async function callbackResponse(workflow: Workflow, item: IDataObject) {
	const node = workflow.getNode(RESPONSE)!;
	const sent: Array<{ body: unknown; headers: IDataObject }> = [];
	const ctx = {
		getInputData: () => [{ json: item }],
		getNode: () => node,
		// Session Text's default, {{ $json.text }}, resolved as n8n would; the menus here have no other expression.
		getNodeParameter: (name: string, _item: number, fallback?: unknown) => (name === 'menuSessionText' ? item.text : name in node.parameters ? node.parameters[name] : fallback),
		getParentNodes: () => [{ ...workflow.getNode(TRIGGER)!, disabled: false }],
		evaluateExpression: () => {
			throw new Error('no expression in these menus');
		},
		addExecutionHints: () => undefined,
		sendResponse: (response: { body: unknown; headers: IDataObject }) => sent.push(response),
		continueOnFail: () => false,
	} as unknown as IExecuteFunctions;
	const failure = await responseType.execute.call(ctx).then(
		() => undefined,
		(error: Error) => error.message,
	);
	expect(sent).toHaveLength(1);
	return { response: String(sent[0].body), contentType: String(sent[0].headers['content-type']), failure };
}

/** One request both ways: the trigger on its own (new) and trigger + Callback Response on every screen (today). */
async function bothWays(menu: INodeParameters, text: string) {
	const today = publish(menu, { ussdScreens: 'workflow' });
	const before = await webhook(today, body(text));
	expect(before.result.webhookResponse).toBeUndefined();
	const expected = await callbackResponse(today, before.result.workflowData![0][0].json);

	const now = await webhook(publish(menu), body(text));
	if (now.result.workflowData === undefined) {
		expect(now.sent).toEqual([]);
		// n8n sends the trigger's webhookResponse with the content type set here (the same charset then).
		expect(expected.contentType).toBe(`${now.headers['content-type']}; charset=utf-8`);
		return { answer: String(now.result.webhookResponse), expected: expected.response, execution: undefined };
	}
	const item = now.result.workflowData[0][0].json;
	const ran = await callbackResponse(publish(menu), item);
	return { answer: ran.response, expected: expected.response, execution: { item, failure: ran.failure } };
}

const DUKA: INodeParameters = {
	menuStart: 'home',
	menuSettings: {},
	menuScreens: {
		screen: [
			{ id: 'home', type: 'menu', text: 'Welcome to Duka', options: { option: [{ label: 'Buy airtime', next: 'amount' }, { label: 'Balance', next: 'balance' }, { label: 'Help', next: 'help', key: '9' }] } },
			{ id: 'amount', type: 'input', text: 'Amount in KES (10-1000)?', variable: 'amount', check: 'number', min: '10', max: '1000', retryMessage: 'Enter an amount from 10 to 1000.', next: 'account' },
			{ id: 'account', type: 'menu', text: 'Pay from:', variable: 'account', optionList: '[{"label":"Savings","value":"ACC-1"},"M-Pesa"]', optionListNext: 'confirm' },
			{ id: 'confirm', type: 'menu', text: 'Buy KES {ussd.amount} from {ussd.account}?', variable: 'confirmed', options: { option: [{ label: 'Yes', next: 'done', value: 'yes' }, { label: 'Cancel', next: 'cancelled' }] } },
			{ id: 'done', type: 'end', text: 'Done! KES {ussd.amount} is on its way.' },
			{ id: 'cancelled', type: 'end', text: 'Cancelled.' },
			{ id: 'balance', type: 'end', text: 'Your balance comes by SMS.', askWorkflow: true },
			{ id: 'help', type: 'end', text: 'Call 0711 000 000.' },
		],
	},
};

describe('a whole menu walked both ways: the trigger answers fixed screens byte for byte as the Callback Response does', () => {
	const walks: Array<[string, string | undefined]> = [
		['', undefined],
		['1', undefined],
		['1*5', undefined], // a refused amount: the retry message
		['1*5*50', undefined],
		['1*5*50*7', undefined], // an invalid choice
		['1*5*50*7*0', undefined], // back
		['1*5*50*7*0*00', undefined], // home
		['1*5*50*7*0*00*1*80*2', undefined],
		['1*5*50*7*0*00*1*80*2*1', 'done'], // the end, with values: the workflow runs
		['1*80*1*2', 'cancelled'], // an end with values too
		['2', 'balance'], // marked Ask the Workflow
		['9', undefined], // an end without values: nothing to act on
		['9*1', undefined], // text after an END (AT sends none): the same end screen
	];

	it.each(walks)('text "%s"', async (text, runsAt) => {
		const { answer, expected, execution } = await bothWays(DUKA, text);
		expect(answer).toBe(expected);
		expect(execution?.item.screen).toBe(runsAt);
		if (execution) {
			expect(execution.failure).toBeUndefined();
			expect(execution.item).toMatchObject({ event: 'ussd', text, dedupeKey: `ussd:ATUid_1:${text}`, ended: true, values: expect.any(Object) });
		}
	});

	it('hands the workflow the values collected on the way', async () => {
		const { execution } = await bothWays(DUKA, '1*80*2*1');
		expect(execution?.item).toMatchObject({ screen: 'done', values: { amount: '80', account: 'M-Pesa', confirmed: 'yes' }, ended: true });
	});

	it('walks a JSON menu the same way ({{ $ussd }} in JSON texts is filled in, never evaluated)', async () => {
		const menu = {
			menuDefinition: 'json',
			menuJson: JSON.stringify({
				start: 'name', backKey: '', homeKey: '',
				screens: [
					{ id: 'name', type: 'input', text: 'Your name?', variable: 'name', check: 'regex', pattern: '[A-Za-z ]{2,20}', retryMessage: 'Letters only.', next: 'ok' },
					{ id: 'ok', type: 'menu', text: '=Karibu {{ $ussd.name }}', options: [{ label: 'Finish', next: 'bye', key: '1' }] },
					{ id: 'bye', type: 'end', text: 'Asante {{ $ussd.name }}!' },
				],
			}),
		};
		const runs = [];
		for (const text of ['', 'Amina 2', 'Amina 2*Amina', 'Amina 2*Amina*1']) {
			const { answer, expected, execution } = await bothWays(menu, text);
			expect(answer).toBe(expected);
			runs.push(execution?.item.screen);
		}
		expect(runs).toEqual([undefined, undefined, undefined, 'bye']);
	});
});

describe('what the trigger leaves to the workflow', () => {
	it('a broken menu: every request runs the workflow, where the caller gets the polite END and the execution fails', async () => {
		const broken = { ...DUKA, menuStart: 'start' };
		const { answer, execution } = await bothWays(broken, '');
		expect(answer).toBe(USSD_FALLBACK);
		expect(execution?.failure).toContain('"Start Screen ID": the start screen "start" does not exist');
	});

	it.each([
		['a text from an expression', { menuScreens: { screen: [{ id: 'home', type: 'end', text: '=Hi {{ $json.phoneNumber }}' }] } }],
		['a next screen from an expression', { menuScreens: { screen: [{ id: 'home', type: 'input', text: 'Name?', variable: 'name', next: '={{ "bye" }}' }, { id: 'bye', type: 'end', text: 'Bye' }] } }],
		['a menu from an expression', { menuDefinition: 'json', menuJson: '={{ $json.menu }}' }],
		['a Fallback Message from an expression', { ussdFallback: '={{ "END Sorry" }}', menuScreens: { screen: [{ id: 'home', type: 'end', text: 'Hi' }] } }],
		['a Session Text that is not the trigger\'s text', { menuSessionText: '={{ $json.other }}', menuScreens: { screen: [{ id: 'home', type: 'end', text: 'Hi' }] } }],
	])('%s', async (_what, menu) => {
		const { result } = await webhook(publish({ menuStart: 'home', ...menu }), body(''));
		expect(result.webhookResponse).toBeUndefined();
		expect(result.workflowData?.[0][0].json).toMatchObject({ event: 'ussd', text: '' });
		expect(result.workflowData?.[0][0].json.screen).toBeUndefined();
	});

	it('the screens from a list given by an expression on, not the fixed screens before it', async () => {
		const menu = {
			menuStart: 'home',
			menuScreens: {
				screen: [
					{ id: 'home', type: 'menu', text: 'Welcome', options: { option: [{ label: 'Accounts', next: 'accounts' }] } },
					{ id: 'accounts', type: 'menu', text: 'Choose', optionList: '={{ $json.accounts }}', optionListNext: 'bye' },
					{ id: 'bye', type: 'end', text: 'Bye' },
				],
			},
		};
		expect((await webhook(publish(menu), body(''))).result.webhookResponse).toBe('CON Welcome\n1. Accounts');
		for (const text of ['1', '1*1']) expect((await webhook(publish(menu), body(text))).result.workflowData).toBeDefined();
		// Back from the listed screen needs no list: the start screen again, from the trigger.
		expect((await webhook(publish(menu), body('1*0'))).result.webhookResponse).toBe('CON Welcome\n1. Accounts');
	});

	it('two menus after the trigger (branches): the workflow knows which one answers', async () => {
		const workflow = publish(DUKA);
		const second: INode = { ...workflow.getNode(RESPONSE)!, id: 'r2', name: 'Other Menu' };
		const twoMenus = new Workflow({
			nodes: [workflow.getNode(TRIGGER)!, workflow.getNode(RESPONSE)!, second],
			connections: { [TRIGGER]: { main: [[{ node: RESPONSE, type: 'main' as never, index: 0 }, { node: 'Other Menu', type: 'main' as never, index: 0 }]] } },
			active: true,
			nodeTypes,
		});
		expect((await webhook(twoMenus, body(''))).result.workflowData).toBeDefined();
	});
});

describe('webhook-answered screens are protected and checked like every callback', () => {
	it('refuses a request without the secret token (401), and answers one with it', async () => {
		const workflow = publish(DUKA, {}, { africasTalkingWebhookApi: { id: 'c', name: 'protection' } });
		const refused = await webhook(workflow, body(''));
		expect(refused.sent).toEqual([{ status: 401 }, { body: 'Unauthorized' }]);
		expect(refused.result).toEqual({ noWebhookResponse: true });
		const allowed = await webhook(workflow, body(''), { url: '/webhook/x/webhook?token=a-secret-token-of-32-characters!' });
		expect(allowed.result.webhookResponse).toMatch(/^CON Welcome to Duka/);
	});

	it('refuses what is not a USSD callback (400), before any menu is walked', async () => {
		const missing = await webhook(publish(DUKA), { serviceCode: '*384#', phoneNumber: '+254711000666', text: '' });
		expect(missing.sent[0]).toEqual({ status: 400 });
		expect(missing.result).toEqual({ noWebhookResponse: true });
		const json = await webhook(publish(DUKA), body(''), { type: 'application/json' });
		expect(json.sent[0]).toEqual({ status: 400 });
	});

	it('answers a repeated callback (AT retrying) with the same screen, starting nothing', async () => {
		const first = await webhook(publish(DUKA), body('1*5'));
		const again = await webhook(publish(DUKA), body('1*5'));
		expect(again.result).toEqual(first.result);
		expect(first.result).toEqual({ webhookResponse: 'CON Enter an amount from 10 to 1000.\nAmount in KES (10-1000)?\n0. Back\n00. Home' });
	});
});
