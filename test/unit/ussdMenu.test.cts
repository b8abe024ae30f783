import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IExecuteFunctions } from 'n8n-workflow';
import { ussdMenuAnswer } from '../../nodes/AfricasTalkingCallbackResponse/ussdMenu/answer';
import { ussdMenuFields } from '../../nodes/AfricasTalkingCallbackResponse/ussdMenu/fields';
import { parseUssdMenu, UssdMenuError } from '../../nodes/AfricasTalkingCommon/ussdMenu/schema';
import { displayWarnings, expressionWithValues, fillPlaceholders, nonGsmCharacters } from '../../nodes/AfricasTalkingCommon/ussdMenu/text';
import { walkUssdMenu, type UssdRenderer } from '../../nodes/AfricasTalkingCommon/ussdMenu/walker';
import { USSD_FALLBACK, ussdSteps, ussdText } from '../../nodes/AfricasTalkingCommon/ussd';
import { eventOutput } from '../../nodes/AfricasTalkingTrigger/events';
import { NODE } from './context.cjs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fixture = { start: string; screens: Array<Record<string, any> & { options?: Array<Record<string, any>> }> };

/** A three-level shop: home → airtime (input) → confirm (menu) → done (end), with an account list and a help branch. */
const SHOP: Fixture = {
	start: 'home',
	screens: [
		{
			id: 'home', type: 'menu', text: 'Welcome to Duka',
			options: [{ label: 'Buy airtime', next: 'amount' }, { label: 'My account', next: 'accounts' }, { label: 'Help', next: 'help', key: '9' }],
		},
		{ id: 'amount', type: 'input', text: 'Amount (KES)?', variable: 'amount', check: 'number', min: 10, max: 1000, retryMessage: 'Enter 10 to 1000.', next: 'phone' },
		{ id: 'phone', type: 'input', text: 'Phone number?', variable: 'phone', check: 'phone', next: 'confirm' },
		{ id: 'confirm', type: 'menu', text: 'Send {{ $ussd.amount }} to {{ $ussd.phone }}?', variable: 'confirmed', options: [{ label: 'Yes', next: 'done', value: 'yes' }, { label: 'No', next: 'home' }] },
		{ id: 'done', type: 'end', text: 'Sent KES {{ $ussd.amount }} to {{ $ussd.phone }}.' },
		{ id: 'accounts', type: 'menu', text: 'Choose an account', variable: 'account', optionList: [{ label: 'Savings', value: 'ACC-1' }, { label: 'Current', value: 'ACC-2' }], optionListNext: 'balance' },
		{ id: 'balance', type: 'end', text: 'Balance of {{ $ussd.account }}: KES 100' },
		{ id: 'help', type: 'end', text: 'Call 100.' },
	],
};

const shop = parseUssdMenu(SHOP);
const walk = (text: string, menu = shop, renderer?: UssdRenderer) => walkUssdMenu(menu, text, renderer);

describe('USSD menu walker', () => {
	it('shows the start screen for the first request (empty text), with numbered options and no navigation', () => {
		expect(walk('')).toEqual({
			screen: 'home', values: {}, ended: false, path: ['home'], text: 'Welcome to Duka\n1. Buy airtime\n2. My account\n9. Help',
		});
	});

	it('walks three levels, collecting values and filling them into texts', () => {
		expect(walk('1').text).toBe('Amount (KES)?\n0. Back\n00. Home');
		expect(walk('1*50*0712345678')).toMatchObject({ screen: 'confirm', text: 'Send 50 to 0712345678?\n1. Yes\n2. No\n0. Back\n00. Home', ended: false });
		expect(walk('1*50*0712345678*1')).toEqual({
			screen: 'done', values: { amount: '50', phone: '0712345678', confirmed: 'yes' }, ended: true,
			path: ['home', 'amount', 'phone', 'confirm', 'done'], text: 'Sent KES 50 to 0712345678.',
		});
	});

	it('shows the same screen with a short error line for an invalid choice, and keeps the path', () => {
		expect(walk('7')).toMatchObject({ screen: 'home', path: ['home'], invalidAnswer: '7', text: 'Invalid choice, please try again.\nWelcome to Duka\n1. Buy airtime\n2. My account\n9. Help' });
		expect(walk('1*5')).toMatchObject({ screen: 'amount', text: 'Enter 10 to 1000.\nAmount (KES)?\n0. Back\n00. Home', invalidAnswer: '5' });
		expect(walk('1*5*abc*50')).toMatchObject({ screen: 'phone', values: { amount: '50' }, path: ['home', 'amount', 'phone'] });
		expect(walk('1*5*50').invalidAnswer).toBeUndefined();
		expect(walk('1*50*0712345678*3')).toMatchObject({ screen: 'confirm', values: { amount: '50', phone: '0712345678' }, text: expect.stringMatching(/^Invalid choice, please try again\.\nSend 50/) });
	});

	it('goes back one screen with 0 (forgetting that answer) and home with 00 (forgetting all)', () => {
		expect(walk('1*50*0')).toMatchObject({ screen: 'amount', values: {}, path: ['home', 'amount'] });
		expect(walk('1*50*0*70*0712345678')).toMatchObject({ screen: 'confirm', values: { amount: '70', phone: '0712345678' } });
		expect(walk('1*50*0712345678*00')).toMatchObject({ screen: 'home', values: {}, path: ['home'], text: 'Welcome to Duka\n1. Buy airtime\n2. My account\n9. Help' });
		expect(walk('0')).toMatchObject({ screen: 'home', path: ['home'] });
		expect(walk('0').invalidAnswer).toBeUndefined();
		// "No" leads home through an option: the path goes on, so back returns to confirm.
		expect(walk('1*50*0712345678*2')).toMatchObject({ screen: 'home', path: ['home', 'amount', 'phone', 'confirm', 'home'], values: { amount: '50', phone: '0712345678', confirmed: 'No' } });
		expect(walk('1*50*0712345678*2*0')).toMatchObject({ screen: 'confirm', values: { amount: '50', phone: '0712345678' } });
	});

	it('uses other back and home keys, or none', () => {
		const custom = parseUssdMenu({ ...SHOP, backKey: '98', homeKey: '', backLabel: 'Rudi' });
		expect(walk('1', custom).text).toBe('Amount (KES)?\n98. Rudi');
		expect(walk('1*00', custom)).toMatchObject({ screen: 'amount', invalidAnswer: '00' });
		expect(walk('1*98', custom).screen).toBe('home');
		expect(() => parseUssdMenu({ ...SHOP, backKey: '#0' })).toThrow('"backKey" "#0" contains "#"');
		const none = parseUssdMenu({ ...SHOP, backKey: '', homeKey: '' });
		expect(walk('1', none).text).toBe('Amount (KES)?');
		expect(walk('1*0', none)).toMatchObject({ screen: 'amount', text: expect.stringMatching(/^Enter 10 to 1000\./) });
	});

	it('lets input screens take the back key as an answer when navigation is off on inputs', () => {
		const menu = parseUssdMenu({
			start: 'pin', navigationOnInput: false,
			screens: [{ id: 'pin', type: 'input', text: 'PIN?', variable: 'pin', check: 'digits', next: 'ok' }, { id: 'ok', type: 'end', text: 'PIN {{ $ussd.pin }}' }],
		});
		expect(walk('0', menu)).toMatchObject({ screen: 'ok', values: { pin: '0' }, text: 'PIN 0' });
	});

	it.each([
		['digits', {}, ['0042'], ['12a', '', '4 2']],
		['number', { min: 10, max: 1000 }, ['10', '999.5', '1000', '50,5'], ['9', '1001', 'ten', '1e3']],
		['phone', {}, ['0712345678', '+254712345678', '254712345678', '0712 345 678', '(0712) 345-678'], ['12345', '+0712345678', '07123456789012']],
		['regex', { pattern: '[A-Z]{2}\\d{4}' }, ['AB1234'], ['ab1234', 'AB12345', 'xAB1234']],
		['any', {}, ['Amina', '0', '*'], ['', '   ']],
	])('checks %s answers', (check, extra, good, bad) => {
		const menu = parseUssdMenu({
			start: 'q', navigationOnInput: false,
			screens: [{ id: 'q', type: 'input', text: 'Answer?', variable: 'a', check, next: 'ok', ...extra }, { id: 'ok', type: 'end', text: 'OK' }],
		});
		// An answer of "*" alone arrives as two empty parts; see the `*` tests below.
		for (const answer of good.filter((g) => g !== '*')) expect([answer, walk(answer, menu).screen]).toEqual([answer, 'ok']);
		for (const answer of bad) expect([answer, walk(answer === '' ? '' : answer, menu).screen]).toEqual([answer, 'q']);
	});

	it('offers options from a list after the fixed ones, numbered around explicit and navigation keys, and saves the chosen value', () => {
		expect(walk('2').text).toBe('Choose an account\n1. Savings\n2. Current\n0. Back\n00. Home');
		expect(walk('2*2')).toMatchObject({ screen: 'balance', values: { account: 'ACC-2' }, text: 'Balance of ACC-2: KES 100' });
		const menu = parseUssdMenu({
			start: 'pick', backKey: '2', homeKey: '',
			screens: [
				{ id: 'pick', type: 'menu', text: 'Pick', variable: 'choice', options: [{ label: 'Other', next: 'end', key: '1' }], optionList: ['Red', 'Green', 'Blue'], optionListNext: 'end' },
				{ id: 'end', type: 'end', text: 'You chose {{ $ussd.choice }}' },
			],
		});
		expect(walk('', menu).text).toBe('Pick\n1. Other\n3. Red\n4. Green\n5. Blue');
		expect(walk('4', menu).text).toBe('You chose Green');
		expect(walk('1', menu).text).toBe('You chose Other');
	});

	it('asks the renderer for texts and lists with the values collected so far', () => {
		const menu = parseUssdMenu({
			start: 'name',
			screens: [
				{ id: 'name', type: 'input', text: 'Name?', variable: 'name', next: 'pick' },
				{ id: 'pick', type: 'menu', text: '=greeting', options: [{ label: 'Not {{ $ussd.name }}?', next: 'name' }], optionList: '=list', optionListNext: 'bye', variable: 'item' },
				{ id: 'bye', type: 'end', text: 'Bye' },
			],
		});
		const renderer: UssdRenderer = {
			text: (template, values) => (template === '=greeting' ? `Hi ${values.name}` : fillPlaceholders(template, values)),
			list: (_raw, values) => [`${values.name}'s first`, `${values.name}'s second`],
		};
		expect(walk('Ann', menu, renderer).text).toBe("Hi Ann\n1. Not Ann?\n2. Ann's first\n3. Ann's second\n0. Back\n00. Home");
		expect(walk('Ann*3', menu, renderer).values).toEqual({ name: 'Ann', item: "Ann's second" });
		const broken: UssdRenderer = { ...renderer, list: () => ({ not: 'a list' }) };
		expect(() => walk('Ann', menu, broken)).toThrow('Screen "pick": "optionList" must be a list, got object');
	});

	describe('"*" inside typed answers', () => {
		const address = (pattern?: string) =>
			parseUssdMenu({
				start: 'home',
				screens: [
					{ id: 'home', type: 'menu', text: 'Deliver?', options: [{ label: 'Yes', next: 'street' }, { label: 'Help', next: 'help' }] },
					{ id: 'street', type: 'input', text: 'Address?', variable: 'street', next: 'thanks', ...(pattern ? { check: 'regex', pattern, retryMessage: 'Letters, digits and spaces only.' } : {}) },
					{ id: 'thanks', type: 'end', text: 'Delivering to {{ $ussd.street }}' },
					{ id: 'help', type: 'end', text: 'Call 100.' },
				],
			});

		it('reads text left after an end screen as part of the answer that led there (AT sends nothing after END)', () => {
			expect(walk('1*Plot 4*B', address())).toMatchObject({ screen: 'thanks', values: { street: 'Plot 4*B' }, text: 'Delivering to Plot 4*B', ended: true });
			expect(walk('1*a*b*c', address()).values).toEqual({ street: 'a*b*c' });
			// An answer of only "*" leaves nothing but empty parts: refused like an empty answer.
			expect(walk('1**', address())).toMatchObject({ screen: 'street', invalidAnswer: '' });
		});

		it('shows the retry message when the joined answer fails the check, and takes a clean retry', () => {
			const strict = address('[A-Za-z0-9 ]+');
			expect(walk('1*Plot 4*B', strict)).toMatchObject({ screen: 'street', invalidAnswer: 'Plot 4*B', text: 'Letters, digits and spaces only.\nAddress?\n0. Back\n00. Home' });
			expect(walk('1*Plot 4*B*Plot 4B', strict)).toMatchObject({ screen: 'thanks', values: { street: 'Plot 4B' } });
			expect(walk('1*Plot 4*B*0', strict)).toMatchObject({ screen: 'home', values: {} });
		});

		it('refuses a menu choice typed with "*" (no key has one), then takes the next choice', () => {
			const menu = address();
			expect(walk('2*1', menu)).toMatchObject({ screen: 'home', invalidAnswer: '2*1', text: expect.stringMatching(/^Invalid choice/) });
			expect(walk('2*1*2', menu)).toMatchObject({ screen: 'help', ended: true });
			expect(walk('2*1*1', menu).screen).toBe('street');
		});

		it('splits answers on "*" before screens that still follow (AT gives no way to tell them apart)', () => {
			const menu = parseUssdMenu({
				start: 'name',
				screens: [
					{ id: 'name', type: 'input', text: 'Name?', variable: 'name', next: 'ok' },
					{ id: 'ok', type: 'menu', text: 'Hi {{ $ussd.name }}', options: [{ label: 'Done', next: 'bye' }] },
					{ id: 'bye', type: 'end', text: 'Bye {{ $ussd.name }}' },
				],
			});
			expect(walk('Ann*Bo', menu)).toMatchObject({ screen: 'ok', values: { name: 'Ann' }, invalidAnswer: 'Bo' });
			expect(walk('Ann*1*x', menu)).toMatchObject({ screen: 'ok', invalidAnswer: '1*x' });
		});
	});

	describe('one reading of the text for the trigger and the walker', () => {
		const triggerSteps = (text: string) => {
			const { inputs, lastInput, level } = eventOutput('ussd', { sessionId: 'S', serviceCode: '*384#', phoneNumber: '+254711000001', text }) as Record<string, unknown>;
			return { inputs, lastInput, level };
		};
		/** Input screens q1 … q4 (any text), then an end screen. */
		const questions = parseUssdMenu({
			start: 'q1',
			screens: [
				...[1, 2, 3, 4].map((n) => ({ id: `q${n}`, type: 'input', text: `Question ${n}?`, variable: `q${n}`, next: n === 4 ? 'bye' : `q${n + 1}` })),
				{ id: 'bye', type: 'end', text: 'Thanks.' },
			],
		});
		/** A seeded generator, so that a failure can be replayed. */
		const random = (seed: number) => () => {
			seed = (seed + 0x6d2b79f5) | 0;
			let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
			t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
			return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
		};
		/** An answer a caller may type: letters, digits, "#" and spaces, never blank, never a navigation key. */
		const answer = (next: () => number) => {
			const length = 1 + Math.floor(next() * 5);
			const text = Array.from({ length }, () => 'ab1# '[Math.floor(next() * 5)]).join('');
			return text.trim() === '' ? `a${text}` : text;
		};

		it.each([
			['', { inputs: [], lastInput: '', level: 0 }, { screen: 'home', values: {} }],
			['1', { inputs: ['1'], lastInput: '1', level: 1 }, { screen: 'street', values: {} }],
			['1*Plot 4*B', { inputs: ['1', 'Plot 4', 'B'], lastInput: 'B', level: 3 }, { screen: 'thanks', values: { street: 'Plot 4*B' }, ended: true }],
			['1*a*b*c', { inputs: ['1', 'a', 'b', 'c'], lastInput: 'c', level: 4 }, { screen: 'thanks', values: { street: 'a*b*c' } }],
			['1**', { inputs: ['1', '', ''], lastInput: '', level: 3 }, { screen: 'street', invalidAnswer: '' }],
			['2*1', { inputs: ['2', '1'], lastInput: '1', level: 2 }, { screen: 'home', invalidAnswer: '2*1' }],
		])('text %j: the trigger and the walker read the same steps; only an answer ending the session takes the steps left', (text, steps, walked) => {
			expect(triggerSteps(text)).toEqual(steps);
			expect(ussdSteps(text)).toEqual(steps);
			expect(ussdText(steps.inputs)).toBe(text);
			const menu = parseUssdMenu({
				start: 'home',
				screens: [
					{ id: 'home', type: 'menu', text: 'Deliver?', options: [{ label: 'Yes', next: 'street' }, { label: 'Help', next: 'help' }] },
					{ id: 'street', type: 'input', text: 'Address?', variable: 'street', next: 'thanks' },
					{ id: 'thanks', type: 'end', text: 'Delivering to {{ $ussd.street }}' },
					{ id: 'help', type: 'end', text: 'Call 100.' },
				],
			});
			expect(walk(text, menu)).toMatchObject(walked);
		});

		it('takes one trigger input per screen, for any answers without "*" (200 seeded sessions)', () => {
			const next = random(27);
			for (let session = 0; session < 200; session++) {
				const answers = Array.from({ length: Math.floor(next() * 5) }, () => answer(next));
				const text = answers.join('*');
				const steps = triggerSteps(text);
				expect([text, steps.inputs, steps.level]).toEqual([text, answers, answers.length]);
				const walked = walk(text, questions);
				expect([text, walked.path.length - 1, walked.values]).toEqual([text, steps.level, Object.fromEntries(answers.map((a, i) => [`q${i + 1}`, a.trim()]))]);
			}
		});

		it('joins back the trigger inputs left after the answer that ends the session, when it had "*" inside (200 seeded sessions)', () => {
			const next = random(2727);
			for (let session = 0; session < 200; session++) {
				const last = Array.from({ length: 2 + Math.floor(next() * 3) }, () => answer(next)).join('*');
				const answers = [answer(next), answer(next), answer(next), last];
				const text = answers.join('*');
				const steps = triggerSteps(text);
				expect([text, steps.inputs]).toEqual([text, text.split('*')]);
				const walked = walk(text, questions);
				expect([text, walked.screen, walked.values.q4]).toEqual([text, 'bye', ussdText((steps.inputs as string[]).slice(3)).trim()]);
				expect(walked.values.q4).toBe(last.trim());
			}
		});
	});

	it('walks very long paths (20,000 answers) in linear time, without recursion', () => {
		const loop = parseUssdMenu({
			start: 'a',
			screens: [
				{ id: 'a', type: 'menu', text: 'A', options: [{ label: 'Deeper', next: 'b' }] },
				{ id: 'b', type: 'input', text: 'Count?', variable: 'n', check: 'digits', next: 'a' },
			],
		});
		const deep = Array.from({ length: 10000 }, (_, i) => `1*${i + 1}`).join('*');
		const started = Date.now();
		const result = walk(deep, loop);
		expect(result).toMatchObject({ screen: 'a', values: { n: '10000' } });
		expect(result.path).toHaveLength(20001);
		expect(walk(`${deep}*0*0`, loop)).toMatchObject({ screen: 'a', values: { n: '9999' } });
		expect(walk(`${deep}*00`, loop)).toMatchObject({ screen: 'a', values: {}, path: ['a'] });
		const noise = Array.from({ length: 20000 }, () => '7').join('*');
		expect(walk(`${noise}*1`, loop)).toMatchObject({ screen: 'b', path: ['a', 'b'] });
		expect(Date.now() - started).toBeLessThan(5000);
	});

	it('ends at once when the start screen is an end screen, whatever the text', () => {
		const menu = parseUssdMenu({ start: 'closed', screens: [{ id: 'closed', type: 'end', text: 'Closed today.' }] });
		expect(walk('', menu)).toMatchObject({ screen: 'closed', ended: true, text: 'Closed today.' });
		expect(walk('1*2', menu)).toMatchObject({ screen: 'closed', ended: true });
	});
});

describe('USSD menu schema', () => {
	const base = () => JSON.parse(JSON.stringify(SHOP));
	const change = (edit: (menu: Fixture) => void) => {
		const menu = base();
		edit(menu);
		return menu;
	};

	it('accepts the shape the node\'s fields store (screens.screen, options.option) and numbers as text', () => {
		const menu = parseUssdMenu({
			start: 1,
			screens: { screen: [{ id: 1, type: 'menu', text: 'Hi', options: { option: [{ label: 'Go', next: 2, key: 5 }] } }, { id: 2, type: 'end', text: 'Bye' }] },
		});
		expect(walk('', menu).text).toBe('Hi\n5. Go');
		expect(walk('5', menu).screen).toBe('2');
		expect(parseUssdMenu(JSON.stringify(SHOP)).screens.size).toBe(8);
	});

	it('accepts the Menu JSON field\'s default', () => {
		const menu = parseUssdMenu(ussdMenuFields.find((field) => field.name === 'menuJson')!.default);
		expect(walk('1*Amina', menu)).toMatchObject({ ended: true, text: 'Thank you Amina' });
	});

	it('accepts the JSON example of docs/ussd-menus.md', () => {
		const page = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'ussd-menus.md'), 'utf8');
		const json = /## Menus as JSON[\s\S]*?```json\n([\s\S]*?)```/.exec(page)![1];
		const menu = parseUssdMenu(json);
		expect(walk('1*50', menu).text).toBe('Pay from:\n1. Savings\n0. Back\n00. Home');
		expect(walk('1*50*1', menu)).toMatchObject({ ended: true, text: 'Buying 50 from ACC-1.' });
	});

	it.each([
		['not JSON', '{ "start": ', /^The menu is not valid JSON: /],
		['empty JSON', '  ', 'The menu JSON is empty'],
		['a list', [], 'The menu must be an object'],
		['no screens', { start: 'home', screens: [] }, 'The menu has no screens'],
		['screens not a list', { start: 'home', screens: 'home' }, '"screens" must be a list of screens'],
		['no start screen', change((m) => { m.start = ''; }), 'No start screen: set "start" to the ID of the first screen (screens: home, amount, phone, confirm, done, accounts, balance, help)'],
		['an unknown start screen', change((m) => { m.start = 'welcome'; }), '"start": the start screen "welcome" does not exist (screens: home,'],
		['a screen without ID', change((m) => { (m.screens[2] as Record<string, unknown>).id = ' '; }), 'Screen 3: "id" is empty'],
		['a duplicate ID', change((m) => { (m.screens[4] as Record<string, unknown>).id = 'amount'; }), 'Screen 5 ("amount"): duplicate "id": screen 2 already has the ID "amount"'],
		['an unknown kind', change((m) => { (m.screens[0] as Record<string, unknown>).type = 'list'; }), 'Screen "home": "type" must be menu, input or end, got "list"'],
		['an unknown next screen of an option', change((m) => { m.screens[0].options![1].next = 'acounts'; }), 'Screen "home", option 2 ("My account"): "next": the next screen "acounts" does not exist (screens: home,'],
		['an unknown next screen of an input', change((m) => { m.screens[1].next = 'phon'; }), 'Screen "amount": "next": the next screen "phon" does not exist'],
		['an unknown screen for listed options', change((m) => { m.screens[5].optionListNext = 'x'; }), 'Screen "accounts": "optionListNext": the next screen "x" does not exist'],
		['listed options leading nowhere', change((m) => { m.screens[5].optionListNext = ''; }), 'Screen "accounts": "optionListNext" is empty'],
		['an option number clash', change((m) => { m.screens[0].options![2].key = '9'; m.screens[0].options![1].key = '9'; }), 'Screen "home", option 3 ("Help"): "key" "9" is also the key of option 2 ("My account")'],
		['an option on the back key', change((m) => { m.screens[0].options![2].key = '0'; }), 'Screen "home", option 3 ("Help"): "key" "0" is the back key'],
		['an option on the home key', change((m) => { m.screens[0].options![2].key = '00'; }), 'Screen "home", option 3 ("Help"): "key" "00" is the home key'],
		['a key with *', change((m) => { m.screens[0].options![2].key = '9*'; }), 'Screen "home", option 3 ("Help"): "key" "9*" contains "*"'],
		['an option without label', change((m) => { m.screens[0].options![0].label = ''; }), 'Screen "home", option 1: "label" is empty'],
		['a menu without options', change((m) => { m.screens[0].options = []; }), 'Screen "home" (menu): no options'],
		['an input without variable', change((m) => { m.screens[1].variable = ''; }), 'Screen "amount" (input): "variable" is empty'],
		['a variable that texts cannot use', change((m) => { m.screens[1].variable = 'the amount'; }), 'Screen "amount": "variable" "the amount" must be letters, digits and _'],
		['an unknown check', change((m) => { m.screens[1].check = 'email'; }), 'Screen "amount": "check" must be one of any, digits, number, phone, regex, got "email"'],
		['min above max', change((m) => { m.screens[1].min = 100; m.screens[1].max = 10; }), 'Screen "amount": "min" (100) is greater than "max" (10)'],
		['a min that is no number', change((m) => { (m.screens[1] as Record<string, unknown>).min = 'ten'; }), 'Screen "amount": "min" must be a number, got "ten"'],
		['a broken pattern', change((m) => { Object.assign(m.screens[2], { check: 'regex', pattern: '([0-9' }); }), /^Screen "phone": "pattern" is not a valid regular expression/],
		['an end screen without text', change((m) => { m.screens[4].text = ''; }), 'Screen "done" (end): "text" is empty'],
		['an input without question', change((m) => { m.screens[2].text = ' '; }), 'Screen "phone" (input): "text" is empty'],
		['a text that is a list', change((m) => { (m.screens[4] as Record<string, unknown>).text = ['a']; }), 'Screen "done": "text" must be text, got a list'],
		['the same back and home key', change((m) => { Object.assign(m, { backKey: '0', homeKey: '0' }); }), '"backKey" and "homeKey" are both "0"'],
	])('refuses %s, naming the screen and field', (_what, menu, message) => {
		expect(() => parseUssdMenu(menu)).toThrow(UssdMenuError);
		expect(() => parseUssdMenu(menu)).toThrow(message);
	});
});

describe('USSD texts', () => {
	it('fills {{ $ussd.name }} placeholders; values not collected are empty', () => {
		expect(fillPlaceholders('Send {{ $ussd.amount }} to {{$ussd["phone"]}}{{ $ussd.missing }}.', { amount: '50', phone: '0712' })).toBe('Send 50 to 0712.');
		expect(fillPlaceholders('{{ $json.name }} stays', {})).toBe('{{ $json.name }} stays');
	});

	it('turns $ussd in expressions into a literal that cannot close the expression or run code', () => {
		const rewritten = expressionWithValues('Hi {{ $json.name }}: {{ $ussd.amount * 2 }} $ussd', { amount: '21', note: '}} {{ $env.SECRET }}"\'' });
		expect(rewritten.startsWith('Hi {{ $json.name }}: {{ ({')).toBe(true);
		expect(rewritten.endsWith('}).amount * 2 }} $ussd')).toBe(true);
		expect(rewritten.match(/\}\}/g)).toHaveLength(2);
		// eslint-disable-next-line no-new-func
		const literal = new Function(`return ${/\{\{ (\(\{.*\}\))\.amount/.exec(rewritten)![1]}`)();
		expect(literal).toEqual({ amount: '21', note: '}} {{ $env.SECRET }}"\'' });
	});

	it('warns past 182 characters and for characters outside GSM 7-bit', () => {
		expect(displayWarnings('home', 'x'.repeat(182))).toEqual([]);
		expect(displayWarnings('home', 'x'.repeat(183))).toEqual([expect.stringContaining('USSD screen "home" is 183 characters long: a USSD page holds 182,')]);
		// Extension characters take two places; any character outside GSM 7-bit makes the page 80 long.
		expect(displayWarnings('home', '€'.repeat(91))).toEqual([]);
		expect(displayWarnings('home', '€'.repeat(92))[0]).toMatch(/is 184 characters long/);
		expect(displayWarnings('home', `${'x'.repeat(79)}’`)).toHaveLength(1);
		expect(displayWarnings('home', `${'x'.repeat(80)}’`)[0]).toMatch(/^USSD screen "home" is 81 characters long: a USSD page holds 80 because it has characters outside the GSM 7-bit alphabet/);
		expect(nonGsmCharacters('Karibu! Bei ni €5 [ofa] {leo} ~ | ^ \\ ÄÖÑÜ')).toEqual([]);
		expect(nonGsmCharacters('It’s “great” 👍 ok’')).toEqual(['’', '“', '”', '👍']);
		expect(displayWarnings('bye', 'Asante 🙏')).toEqual([expect.stringMatching(/^USSD screen "bye" has characters outside the GSM 7-bit alphabet: "🙏" \(U\+1F64F\)/)]);
	});
});

describe('the node\'s Menu Builder answer', () => {
	/** The slice of n8n's execute context the answer uses, with parameters as n8n stores them. */
	function context(parameters: Record<string, unknown>) {
		const hints: Array<{ message: string; type: string }> = [];
		const ctx = {
			getNode: () => NODE,
			getNodeParameter: (name: string, _item: number, fallback?: unknown) => (name in parameters ? parameters[name] : fallback),
			// Stands in for n8n's evaluation of `={{ … }}` texts: enough to see what the node hands it.
			evaluateExpression: (expression: string) => expression.replace(/\{\{\s*\(\{(.*?)\}\)\.(\w+)\s*\}\}/g, (_m, body: string, key: string) => JSON.parse(`{${body}}`)[key]),
			addExecutionHints: (...added: Array<{ message: string; type: string }>) => hints.push(...added),
		};
		return { ctx: ctx as unknown as IExecuteFunctions, hints };
	}

	it('answers CON/END with the screen, values and ended, resolving $ussd in expression texts', () => {
		const { ctx } = context({
			menuDefinition: 'fields', menuStart: 'name', menuSessionText: 'Ann',
			menuScreens: { screen: [{ id: 'name', type: 'input', text: 'Name?', variable: 'name', next: 'bye' }, { id: 'bye', type: 'end', text: '=Bye {{ $ussd.name }}!' }] },
		});
		expect(ussdMenuAnswer.call(ctx, 0).json).toEqual({ response: 'END Bye Ann!', screen: 'bye', values: { name: 'Ann' }, ended: true, path: ['name', 'bye'] });
	});

	it('reports the menu as broken, with the fallback END the caller gets, when the menu is invalid', () => {
		const { ctx } = context({ menuDefinition: 'json', menuJson: { start: 'home', screens: [{ id: 'home', type: 'menu', text: 'Hi', options: [{ label: 'Go', next: 'nowhere' }] }] }, menuSessionText: '' });
		const answer = ussdMenuAnswer.call(ctx, 0);
		expect(answer.broken?.message).toContain('Screen "home", option 1 ("Go"): "next": the next screen "nowhere" does not exist');
		expect(answer.json).toMatchObject({ response: USSD_FALLBACK, ended: true, error: answer.broken?.message });
	});

	it('warns when the session text is missing (the start screen would show on every request)', () => {
		const { ctx, hints } = context({ menuDefinition: 'json', menuJson: SHOP, menuSessionText: undefined });
		expect(ussdMenuAnswer.call(ctx, 0).json).toMatchObject({ screen: 'home', response: expect.stringMatching(/^CON Welcome/) });
		expect(hints).toEqual([expect.objectContaining({ type: 'warning', message: expect.stringMatching(/^Session Text is empty because the input item has no "text"/) })]);
		const withText = context({ menuDefinition: 'json', menuJson: SHOP, menuSessionText: '' });
		ussdMenuAnswer.call(withText.ctx, 0);
		expect(withText.hints).toEqual([]);
	});

	it('adds warning hints for long and non-GSM screens', () => {
		const { ctx, hints } = context({
			menuDefinition: 'json', menuSessionText: '',
			menuJson: JSON.stringify({ start: 'home', screens: [{ id: 'home', type: 'menu', text: 'Karibu 😀', options: [{ label: 'x'.repeat(200), next: 'bye' }] }, { id: 'bye', type: 'end', text: 'Bye “friend”' }] }),
		});
		const answer = ussdMenuAnswer.call(ctx, 0).json;
		expect(answer.response).toMatch(/^CON Karibu/);
		expect(hints).toEqual([
			expect.objectContaining({ type: 'warning', message: expect.stringMatching(/^USSD screen "home" is 213 characters long: a USSD page holds 80 because/) }),
			expect.objectContaining({ type: 'warning', message: expect.stringMatching(/^USSD screen "home" has characters outside the GSM 7-bit alphabet: "😀"/) }),
			expect.objectContaining({ type: 'warning', message: expect.stringMatching(/^USSD screen "bye" has characters outside the GSM 7-bit alphabet: "“" \(U\+201C\), "”"/) }),
		]);
		expect(answer.warnings).toHaveLength(3);
	});
});
