import { NodeOperationError, Workflow, type IExecuteFunctions, type INode, type INodeParameters, type INodeTypes } from 'n8n-workflow';
import { AfricasTalkingCallbackResponse } from '../../nodes/AfricasTalkingCallbackResponse/AfricasTalkingCallbackResponse.node';
import { FIELD_NAMES, parseUssdMenu } from '../../nodes/AfricasTalkingCommon/ussdMenu/schema';
import { expressionWithValues, fillPlaceholders } from '../../nodes/AfricasTalkingCommon/ussdMenu/text';
import { triggerWebhooks } from '../../nodes/AfricasTalkingTrigger/webhookDescription';
import { USSD_FALLBACK } from '../../nodes/AfricasTalkingCommon/ussd';

const nodeType = new AfricasTalkingCallbackResponse();
const property = (name: string) => nodeType.description.properties.find((p) => p.name === name)!;
const screenField = (name: string) => {
	const screens = property('menuScreens').options as Array<{ values: Array<{ name: string; placeholder?: string; options?: Array<{ values: Array<{ name: string; placeholder?: string }> }> }> }>;
	return screens[0].values.find((field) => field.name === name)!;
};

const HOME = (next: string) => ({
	menuStart: 'home',
	menuScreens: {
		screen: [
			{ id: 'home', type: 'menu', text: 'Welcome', options: { option: [{ label: 'Buy', next: 'amount' }, { label: 'Help', next }] } },
			{ id: 'amount', type: 'input', text: 'Amount?', variable: 'amount', check: 'number', next: 'done' },
			{ id: 'done', type: 'end', text: 'Buying KES {ussd.amount} of airtime.' },
			{ id: 'help', type: 'end', text: 'Call 100.' },
		],
	},
});

describe('menu errors name the fields a user sees', () => {
	const fields = (change: (menu: ReturnType<typeof HOME>) => void) => {
		const menu = HOME('help');
		change(menu);
		return () => parseUssdMenu({ start: menu.menuStart, screens: menu.menuScreens }, FIELD_NAMES);
	};
	it.each([
		['an input without Save Answer As', (m: ReturnType<typeof HOME>) => { (m.menuScreens.screen[1] as Record<string, unknown>).variable = ''; }, 'Screen "amount" (input): "Save Answer As" is empty'],
		['a duplicate Screen ID', (m: ReturnType<typeof HOME>) => { m.menuScreens.screen[3].id = 'done'; }, 'Screen 4 ("done"): duplicate "Screen ID": screen 3 already has the ID "done"'],
		['an empty Next Screen ID', (m: ReturnType<typeof HOME>) => { m.menuScreens.screen[0].options!.option[1].next = ''; }, 'Screen "home", option 2 ("Help"): "Next Screen ID" is empty'],
		['a missing screen', (m: ReturnType<typeof HOME>) => { m.menuScreens.screen[0].options!.option[1].next = 'hlp'; }, 'Screen "home", option 2 ("Help"): "Next Screen ID": the next screen "hlp" does not exist'],
		['an unknown Start Screen ID', (m: ReturnType<typeof HOME>) => { m.menuStart = 'start'; }, '"Start Screen ID": the start screen "start" does not exist'],
	])('%s', (_what, change, message) => {
		expect(fields(change)).toThrow(message);
	});

	it('JSON menus keep the JSON keys, and an empty next says it is empty', () => {
		expect(() => parseUssdMenu({ start: 'home', screens: [{ id: 'home', type: 'menu', text: 'Hi', options: [{ label: 'Go', next: '' }] }] })).toThrow(
			'Screen "home", option 1 ("Go"): "next" is empty',
		);
	});
});

describe('{ussd.name}: a placeholder the editor does not take for an expression', () => {
	it('is filled in plain texts, next to the {{ $ussd.name }} form', () => {
		expect(fillPlaceholders('Buying KES {ussd.amount} ({{ $ussd.amount }}) of {ussd.missing}airtime.', { amount: '50' })).toBe('Buying KES 50 (50) of airtime.');
		expect(fillPlaceholders('{amount} {{ussd.amount}} { not }', { amount: '50' })).toBe('{amount} {{ussd.amount}} { not }');
		// A typed value is never read as a placeholder again.
		expect(fillPlaceholders('{ussd.a} {ussd.b}', { a: '{ussd.b}', b: 'secret' })).toBe('{ussd.b} secret');
	});

	it('works in expression texts too, as a literal that cannot run code', () => {
		const rewritten = expressionWithValues('Hi {ussd.name}, {{ $json.x }}', { name: '{{ $env.HOME }}' });
		expect(rewritten).toBe('Hi {{ ({"name":"\\u007b\\u007b $env.HOME \\u007d\\u007d"})["name"] }}, {{ $json.x }}');
	});

	it('is what the Text field shows, without {{ }}', () => {
		const text = screenField('text');
		expect(text.placeholder).toContain('{ussd.amount}');
		expect(text.placeholder).not.toContain('{{');
		expect((text as { hint?: string }).hint).toContain('{ussd.name}');
	});
});

describe('the editor: defaults and placeholders', () => {
	it('USSD Menu opens on the Menu Builder', () => {
		expect(property('ussdType').default).toBe('menu');
		expect((property('ussdType').options as Array<{ value: string }>)[0].value).toBe('menu');
	});

	it('placeholders that do not look like values', () => {
		expect(screenField('id').placeholder).not.toBe('home');
		const option = screenField('options').options![0].values.find((field) => field.name === 'key')!;
		expect(option.placeholder).not.toMatch(/^\d+$/);
	});
});

describe('the editor warns of a broken menu before it runs', () => {
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	/** Evaluates the node's hint conditions the way n8n's editor does (getSimpleParameterValue, before any run). */
	function shownHints(parameters: INodeParameters): string[] {
		const node: INode = {
			id: 'r', name: 'Callback Response', type: 'n8n-nodes-africastalking.africasTalkingCallbackResponse', typeVersion: 1, position: [0, 0],
			parameters: { answer: 'ussd', ussdType: 'menu', menuDefinition: 'fields', ...parameters },
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		return (nodeType.description.hints ?? [])
			.filter((hint) => hint.whenToDisplay === 'beforeExecution' && workflow.expression.getSimpleParameterValue(node, hint.displayCondition!, 'internal', {}) === true)
			.map((hint) => hint.message);
	}

	it('shows a danger hint when an option leads to a missing screen, a Screen ID is empty or repeated, or the start screen is missing', () => {
		expect(shownHints(HOME('hlp'))).toEqual([expect.stringContaining('This menu cannot work yet')]);
		expect(shownHints(HOME(''))).toHaveLength(1);
		expect(shownHints({ ...HOME('help'), menuStart: 'start' })).toHaveLength(1);
		const repeated = HOME('help');
		repeated.menuScreens.screen[3].id = 'done';
		expect(shownHints(repeated)).toHaveLength(1);
	});

	it('shows it for a new menu with no screens yet (nothing to answer a caller with)', () => {
		expect(shownHints({ menuStart: 'home' })).toEqual([expect.stringContaining('it has no screens')]);
		expect(shownHints({ menuStart: 'home', menuScreens: { screen: [] } })).toHaveLength(1);
		expect(shownHints({ menuStart: 'home', menuDefinition: 'json' })).toEqual([]);
		expect(shownHints({ menuStart: 'home', answer: 'voice' })).toEqual([]);
	});

	it('shows nothing for a menu that works, or a next screen given by an expression', () => {
		expect(shownHints(HOME('help'))).toEqual([]);
		expect(shownHints(HOME('={{ "help" }}'))).toEqual([]);
		expect(shownHints({ ...HOME('hlp'), ussdType: 'continue' })).toEqual([]);
	});
});

describe('a broken menu fails the execution while the caller gets the polite END', () => {
	function execute(parameters: INodeParameters, trigger: INodeParameters | undefined) {
		const sent: unknown[] = [];
		const all: INodeParameters = { answer: 'ussd', ussdType: 'menu', menuDefinition: 'fields', menuSessionText: '', ...parameters };
		const ctx = {
			getInputData: () => [{ json: {} }],
			getNode: () => ({ name: 'Callback Response' }),
			getNodeParameter: (name: string, _item: number, fallback?: unknown, options?: { rawExpressions?: boolean }) => (void options, name in all ? all[name] : fallback),
			getParentNodes: () => (trigger ? [{ name: 'AT Trigger', type: 'n8n-nodes-africastalking.africasTalkingTrigger', typeVersion: 1, disabled: false, parameters: trigger }] : []),
			evaluateExpression: (expression: string) => expression,
			addExecutionHints: () => undefined,
			sendResponse: (response: unknown) => sent.push(response),
			continueOnFail: () => false,
		} as unknown as IExecuteFunctions;
		return { run: () => nodeType.execute.call(ctx), sent };
	}

	it('answers the END fallback, then fails naming screen, option and field', async () => {
		const { run, sent } = execute(HOME('hlp'), { event: 'ussd' });
		const error = await run().then(
			() => undefined,
			(thrown: unknown) => thrown as NodeOperationError,
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.message).toContain('Screen "home", option 2 ("Help"): "Next Screen ID": the next screen "hlp" does not exist');
		expect(sent).toEqual([{ body: USSD_FALLBACK, headers: { 'content-type': 'text/plain; charset=utf-8' }, statusCode: 200 }]);
	});

	it.each([
		['continue', '', /The USSD text is empty/],
		['end', '   ', /The USSD text is empty/],
		['raw', 'Hello there', /does not start with "CON " or "END "/],
	])('fails the same way when a %s answer has no usable text (%j): the caller gets the fallback END', async (ussdType, ussdText, reason) => {
		const { run, sent } = execute({ ussdType, ussdText }, { event: 'ussd' });
		const error = await run().then(
			() => undefined,
			(thrown: unknown) => thrown as NodeOperationError,
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.message).toMatch(reason);
		expect(sent).toEqual([{ body: USSD_FALLBACK, headers: { 'content-type': 'text/plain; charset=utf-8' }, statusCode: 200 }]);
	});

	it('sends a working menu answer itself when the trigger waits for it, not when a Respond to Webhook node answers', async () => {
		const waiting = execute(HOME('help'), { event: 'ussd' });
		const [[item]] = await waiting.run();
		expect(item.json.response).toBe('CON Welcome\n1. Buy\n2. Help');
		expect(waiting.sent).toEqual([{ body: 'CON Welcome\n1. Buy\n2. Help', headers: { 'content-type': 'text/plain; charset=utf-8' }, statusCode: 200 }]);
		const respondNode = execute(HOME('help'), { event: 'ussd', respondUsing: 'respondToWebhook' });
		await respondNode.run();
		expect(respondNode.sent).toEqual([]);
	});

	it("makes the trigger wait for a node's answer (n8n's responseNode mode) on USSD sessions", () => {
		const mode = String(triggerWebhooks[0].responseMode);
		expect(mode).toContain('$parameter["event"] === "ussd"');
		expect(mode).toMatch(/\|\| \$parameter\["event"\] === "ussd"\) \? "responseNode"/);
	});
});
