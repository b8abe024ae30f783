/**
 * The USSD menu schema, shared by the node's fields and by menus given as JSON: the same keys in
 * both (the fields' `screens.screen` and `options.option` wrappers are accepted in JSON too).
 * parseUssdMenu checks a menu once and names the screen and field of every mistake.
 */

type ScreenType = 'menu' | 'input' | 'end';
type InputCheck = 'any' | 'digits' | 'number' | 'phone' | 'regex';

export interface MenuOption {
	label: string;
	next: string;
	/** What the caller presses; when empty, the next free number. */
	key?: string;
	/** Saved under the screen's variable when chosen; the label when empty. */
	value?: string;
}

interface BaseScreen {
	id: string;
	/** A template: `{{ $ussd.name }}` placeholders, or an n8n expression when it starts with `=` (node fields only). */
	text: string;
	/** Reaching this screen runs the workflow even when the trigger could answer it itself. */
	askWorkflow?: boolean;
}

export interface MenuScreen extends BaseScreen {
	type: 'menu';
	options: MenuOption[];
	/** Options given as a list (an array, or an expression giving one), shown after `options`. */
	optionList?: unknown;
	optionListNext?: string;
	variable?: string;
}

export interface InputScreen extends BaseScreen {
	type: 'input';
	variable: string;
	check: InputCheck;
	min?: number;
	max?: number;
	pattern?: RegExp;
	retryMessage?: string;
	next: string;
}

interface EndScreen extends BaseScreen {
	type: 'end';
}

export type Screen = MenuScreen | InputScreen | EndScreen;

export interface UssdMenu {
	start: string;
	screens: Map<string, Screen>;
	/** Empty turns the key off. */
	backKey: string;
	homeKey: string;
	backLabel: string;
	homeLabel: string;
	/** Whether the back and home keys also work on input screens (an answer equal to a key then navigates). */
	navigationOnInput: boolean;
	invalidMessage: string;
	/** How errors name a key: `"variable"` for JSON menus, `"Save Answer As"` for menus built with the fields. */
	name: FieldName;
}

const MENU_DEFAULTS = {
	backKey: '0',
	homeKey: '00',
	backLabel: 'Back',
	homeLabel: 'Home',
	navigationOnInput: true,
	invalidMessage: 'Invalid choice, please try again.',
} as const;

export class UssdMenuError extends Error {}

/** Names a key in an error, quoted: the JSON key, or the field label the user sees. */
export type FieldName = (key: string) => string;

/** The labels of the node's fields, by JSON key. */
const FIELD_LABELS: Record<string, string> = {
	start: 'Start Screen ID',
	screens: 'Screens',
	id: 'Screen ID',
	type: 'Kind',
	text: 'Text',
	variable: 'Save Answer As',
	check: 'Check',
	next: 'Next Screen ID',
	min: 'Minimum',
	max: 'Maximum',
	pattern: 'Pattern',
	retryMessage: 'Retry Message',
	options: 'Options',
	label: 'Label',
	key: 'Key',
	value: 'Value',
	optionList: 'Options From a List',
	optionListNext: 'List Options Lead To',
	backKey: 'Back Key',
	homeKey: 'Home Key',
	backLabel: 'Back Label',
	homeLabel: 'Home Label',
	invalidMessage: 'Invalid Choice Message',
	navigationOnInput: 'Back and Home on Input Screens',
	askWorkflow: 'Ask the Workflow',
};

const JSON_NAMES: FieldName = (key) => `"${key}"`;
export const FIELD_NAMES: FieldName = (key) => `"${FIELD_LABELS[key] ?? key}"`;

const SCREEN_TYPES: ScreenType[] = ['menu', 'input', 'end'];
const CHECKS: InputCheck[] = ['any', 'digits', 'number', 'phone', 'regex'];
const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A list given as an array, or wrapped the way n8n's fixedCollection stores it (`{ screen: [...] }`). */
function listOf(value: unknown, wrapper: string): unknown[] | undefined {
	if (value === undefined || value === null || value === '') return [];
	if (Array.isArray(value)) return value;
	if (isObject(value)) {
		const inner = value[wrapper];
		if (inner === undefined) return Object.keys(value).length === 0 ? [] : undefined;
		if (Array.isArray(inner)) return inner;
	}
	return undefined;
}

/** The value, or the error it threw (so callers throw their own error outside any catch). */
function attempt<T>(run: () => T): T | Error {
	try {
		return run();
	} catch (error) {
		return error instanceof Error ? error : new Error(String(error));
	}
}

/** Strings as given; numbers (an option key of 1, a JSON ID of 3) as their text. */
function textOf(value: unknown, where: string): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	throw new UssdMenuError(`${where} must be text, got ${Array.isArray(value) ? 'a list' : typeof value}`);
}

function numberOf(value: unknown, where: string): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const n = typeof value === 'number' ? value : Number(String(value).trim());
	if (!Number.isFinite(n)) throw new UssdMenuError(`${where} must be a number, got "${String(value)}"`);
	return n;
}

function keyProblem(key: string): string | undefined {
	if (key.trim() !== key || key === '') return 'has spaces or is empty';
	if (key.includes('*')) return 'contains "*", which Africa\'s Talking uses to separate answers';
	if (key.includes('#')) return 'contains "#", which sends the answer on most phones';
	return undefined;
}

function parseOptions(raw: unknown, where: string, q: FieldName): MenuOption[] {
	const entries = listOf(raw, 'option');
	if (!entries) throw new UssdMenuError(`${where}: ${q('options')} must be a list of { label, next, key?, value? }`);
	return entries.map((entry, index) => {
		const at = `${where}, option ${index + 1}`;
		if (!isObject(entry)) throw new UssdMenuError(`${at} must be an object with label and next`);
		const option: MenuOption = { label: textOf(entry.label, `${at}: ${q('label')}`).trim(), next: textOf(entry.next, `${at}: ${q('next')}`).trim() };
		if (option.label === '') throw new UssdMenuError(`${at}: ${q('label')} is empty: give the text the caller sees`);
		if (option.next === '') throw new UssdMenuError(`${at} ("${option.label}"): ${q('next')} is empty: give the ID of the screen this option leads to`);
		const key = textOf(entry.key, `${at} ("${option.label}"): ${q('key')}`);
		if (key !== '') option.key = key;
		const value = textOf(entry.value, `${at} ("${option.label}"): ${q('value')}`);
		if (value !== '') option.value = value;
		return option;
	});
}

/** A screen, marked when it asks the workflow (true, or "true" as an expression may give it). */
function parseScreen(raw: unknown, index: number, q: FieldName): Screen {
	const screen = parseScreenFields(raw, index, q);
	const ask = isObject(raw) ? raw.askWorkflow : undefined;
	if (ask === true || ask === 'true') screen.askWorkflow = true;
	return screen;
}

function parseScreenFields(raw: unknown, index: number, q: FieldName): Screen {
	const position = `Screen ${index + 1}`;
	if (!isObject(raw)) throw new UssdMenuError(`${position} must be an object with id, type and text`);
	const id = textOf(raw.id, `${position}: ${q('id')}`).trim();
	if (id === '') throw new UssdMenuError(`${position}: ${q('id')} is empty: give every screen an ID (e.g. "home")`);
	const where = `Screen "${id}"`;
	const type = textOf(raw.type, `${where}: ${q('type')}`).trim() || 'menu';
	if (!SCREEN_TYPES.includes(type as ScreenType)) throw new UssdMenuError(`${where}: ${q('type')} must be menu, input or end, got "${type}"`);
	const text = textOf(raw.text, `${where}: ${q('text')}`);
	const variable = textOf(raw.variable, `${where}: ${q('variable')}`).trim();
	if (variable !== '' && !VARIABLE.test(variable)) {
		throw new UssdMenuError(`${where}: ${q('variable')} "${variable}" must be letters, digits and _ (not starting with a digit), so texts can use {{ $ussd.${variable.replace(/\W/g, '_')} }}`);
	}

	if (type === 'end') {
		if (text.trim() === '') throw new UssdMenuError(`${where} (end): ${q('text')} is empty: give the closing message`);
		return { id, type, text };
	}
	if (type === 'input') {
		if (text.trim() === '') throw new UssdMenuError(`${where} (input): ${q('text')} is empty: give the question the caller answers`);
		if (variable === '') throw new UssdMenuError(`${where} (input): ${q('variable')} is empty: name the value the answer is saved under (e.g. "amount")`);
		const check = (textOf(raw.check, `${where}: ${q('check')}`).trim() || 'any') as InputCheck;
		if (!CHECKS.includes(check)) throw new UssdMenuError(`${where}: ${q('check')} must be one of ${CHECKS.join(', ')}, got "${check}"`);
		const screen: InputScreen = { id, type, text, variable, check, next: textOf(raw.next, `${where}: ${q('next')}`).trim() };
		if (screen.next === '') throw new UssdMenuError(`${where} (input): ${q('next')} is empty: give the ID of the screen after the answer`);
		if (check === 'number') {
			screen.min = numberOf(raw.min, `${where}: ${q('min')}`);
			screen.max = numberOf(raw.max, `${where}: ${q('max')}`);
			if (screen.min !== undefined && screen.max !== undefined && screen.min > screen.max) {
				throw new UssdMenuError(`${where}: ${q('min')} (${screen.min}) is greater than ${q('max')} (${screen.max})`);
			}
		}
		if (check === 'regex') {
			const pattern = textOf(raw.pattern, `${where}: ${q('pattern')}`);
			if (pattern === '') throw new UssdMenuError(`${where}: ${q('pattern')} is empty: give the regular expression answers must match`);
			const compiled = attempt(() => new RegExp(`^(?:${pattern})$`));
			if (compiled instanceof Error) throw new UssdMenuError(`${where}: ${q('pattern')} is not a valid regular expression: ${compiled.message}`);
			screen.pattern = compiled;
		}
		const retry = textOf(raw.retryMessage, `${where}: ${q('retryMessage')}`).trim();
		if (retry !== '') screen.retryMessage = retry;
		return screen;
	}

	const options = parseOptions(raw.options, where, q);
	const screen: MenuScreen = { id, type: 'menu', text, options };
	if (variable !== '') screen.variable = variable;
	const list = raw.optionList;
	if (list !== undefined && list !== null && list !== '' && !(Array.isArray(list) && list.length === 0)) {
		screen.optionList = list;
		screen.optionListNext = textOf(raw.optionListNext, `${where}: ${q('optionListNext')}`).trim();
		if (screen.optionListNext === '') throw new UssdMenuError(`${where}: ${q('optionListNext')} is empty: give the ID of the screen the listed options lead to`);
	}
	if (options.length === 0 && screen.optionList === undefined) {
		throw new UssdMenuError(`${where} (menu): no options: add options or an option list, or make it an end screen`);
	}
	return screen;
}

function checkKeys(screen: MenuScreen, menu: Pick<UssdMenu, 'backKey' | 'homeKey' | 'name'>) {
	const q = menu.name;
	const used = new Map<string, number>();
	screen.options.forEach((option, index) => {
		if (option.key === undefined) return;
		const at = `Screen "${screen.id}", option ${index + 1} ("${option.label}")`;
		const problem = keyProblem(option.key);
		if (problem) throw new UssdMenuError(`${at}: ${q('key')} "${option.key}" ${problem}`);
		const clash = used.get(option.key);
		if (clash !== undefined) {
			throw new UssdMenuError(`${at}: ${q('key')} "${option.key}" is also the key of option ${clash + 1} ("${screen.options[clash].label}"): give each option its own key`);
		}
		if (option.key === menu.backKey) throw new UssdMenuError(`${at}: ${q('key')} "${option.key}" is the back key: change the option's key or the back key`);
		if (option.key === menu.homeKey) throw new UssdMenuError(`${at}: ${q('key')} "${option.key}" is the home key: change the option's key or the home key`);
		used.set(option.key, index);
	});
}

/** Checks a menu (from JSON or from the node's fields) and returns it ready to walk. */
export function parseUssdMenu(raw: unknown, q: FieldName = JSON_NAMES): UssdMenu {
	let input = raw;
	if (typeof input === 'string') {
		if (input.trim() === '') throw new UssdMenuError('The menu JSON is empty: give { "start": …, "screens": [ … ] }');
		const json = input;
		input = attempt(() => JSON.parse(json) as unknown);
		if (input instanceof Error) throw new UssdMenuError(`The menu is not valid JSON: ${input.message}`);
	}
	if (!isObject(input)) throw new UssdMenuError('The menu must be an object: { "start": "home", "screens": [ … ] }');

	const keyOf = (name: 'backKey' | 'homeKey') => {
		const key = input[name] === undefined ? MENU_DEFAULTS[name] : textOf(input[name], q(name)).trim();
		const problem = key === '' ? undefined : keyProblem(key);
		if (problem) throw new UssdMenuError(`${q(name)} "${key}" ${problem}`);
		return key;
	};
	const label = (name: 'backLabel' | 'homeLabel' | 'invalidMessage') => textOf(input[name], q(name)).trim() || MENU_DEFAULTS[name];
	const menu: UssdMenu = {
		start: textOf(input.start, q('start')).trim(),
		screens: new Map(),
		backKey: keyOf('backKey'),
		homeKey: keyOf('homeKey'),
		backLabel: label('backLabel'),
		homeLabel: label('homeLabel'),
		navigationOnInput: input.navigationOnInput === undefined ? MENU_DEFAULTS.navigationOnInput : input.navigationOnInput !== false && input.navigationOnInput !== 'false',
		invalidMessage: label('invalidMessage'),
		name: q,
	};
	if (menu.backKey !== '' && menu.backKey === menu.homeKey) throw new UssdMenuError(`${q('backKey')} and ${q('homeKey')} are both "${menu.backKey}": give them different keys, or leave one empty to turn it off`);

	const screens = listOf(input.screens, 'screen');
	if (!screens) throw new UssdMenuError(`${q('screens')} must be a list of screens: [{ "id": "home", "type": "menu", … }]`);
	if (screens.length === 0) throw new UssdMenuError('The menu has no screens: add at least a start screen');
	screens.forEach((raw, index) => {
		const screen = parseScreen(raw, index, q);
		if (menu.screens.has(screen.id)) {
			const first = screens.findIndex((other) => isObject(other) && String(other.id ?? '').trim() === screen.id);
			throw new UssdMenuError(`Screen ${index + 1} ("${screen.id}"): duplicate ${q('id')}: screen ${first + 1} already has the ID "${screen.id}"`);
		}
		menu.screens.set(screen.id, screen);
	});

	const ids = [...menu.screens.keys()];
	const known = `(screens: ${ids.join(', ')})`;
	if (menu.start === '') throw new UssdMenuError(`No start screen: set ${q('start')} to the ID of the first screen ${known}`);
	if (!menu.screens.has(menu.start)) throw new UssdMenuError(`${q('start')}: the start screen "${menu.start}" does not exist ${known}`);
	const mustExist = (next: string | undefined, where: string) => {
		if (next !== undefined && !menu.screens.has(next)) throw new UssdMenuError(`${where}: the next screen "${next}" does not exist ${known}`);
	};
	for (const screen of menu.screens.values()) {
		if (screen.type === 'input') mustExist(screen.next, `Screen "${screen.id}": ${q('next')}`);
		if (screen.type !== 'menu') continue;
		screen.options.forEach((option, index) => mustExist(option.next, `Screen "${screen.id}", option ${index + 1} ("${option.label}"): ${q('next')}`));
		mustExist(screen.optionListNext, `Screen "${screen.id}": ${q('optionListNext')}`);
		checkKeys(screen, menu);
	}
	return menu;
}

/** The options an expression or JSON list gave: strings, or objects with label (or name) and value. */
export function listedOptions(list: unknown, screen: MenuScreen, q: FieldName = JSON_NAMES): MenuOption[] {
	let items = list;
	if (typeof items === 'string') {
		const json = items;
		items = attempt(() => JSON.parse(json) as unknown);
		if (items instanceof Error) {
			throw new UssdMenuError(`Screen "${screen.id}": ${q('optionList')} must be a list (an array, or an expression giving one), got the text "${json.slice(0, 40)}"`);
		}
	}
	if (items === undefined || items === null) return [];
	if (!Array.isArray(items)) throw new UssdMenuError(`Screen "${screen.id}": ${q('optionList')} must be a list, got ${typeof items}`);
	return items.map((item, index) => {
		const at = `Screen "${screen.id}": ${q('optionList')} item ${index + 1}`;
		if (typeof item === 'string' || typeof item === 'number') return { label: String(item), value: String(item), next: screen.optionListNext as string };
		if (!isObject(item)) throw new UssdMenuError(`${at} must be text or { label, value }`);
		const label = textOf(item.label ?? item.name, `${at}: ${q('label')}`).trim();
		if (label === '') throw new UssdMenuError(`${at} has no ${q('label')}`);
		const value = item.value === undefined || item.value === null ? label : typeof item.value === 'object' ? JSON.stringify(item.value) : String(item.value);
		return { label, value, next: screen.optionListNext as string };
	});
}
