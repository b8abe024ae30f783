/**
 * Walks Africa's Talking's USSD `text` (every answer of the session joined by `*`) through a menu
 * from its start screen. Nothing is stored between requests: the same text always gives the same
 * screen, so it works in queue mode and across restarts.
 *
 * How `*` is read: the text is split into steps by `ussdSteps` (AfricasTalkingCommon/ussd.ts),
 * the same steps the trigger outputs as `inputs`, and each screen takes one step. An answer typed
 * with a `*` in it therefore looks like two steps. Only where the menu makes it unambiguous are
 * steps joined back: AT sends nothing after an END, so steps left over once the walk reaches an end
 * screen must come from a `*` typed inside the answer that led there. That answer is then read as
 * the rest of the steps joined back with `*` (an address like "Plot 4*B"); if that fails the
 * screen's check, the steps before the last are taken as an earlier, rejected attempt and the last
 * step as the new answer; otherwise the screen is shown again with its retry message.
 */
import { listedOptions, type InputScreen, type MenuOption, type MenuScreen, type Screen, type UssdMenu } from './schema';
import { fillPlaceholders, type UssdValues } from './text';
import { isTypedPhoneNumber } from '../phoneNumbers';
import { ussdSteps, ussdText } from '../ussd';

export interface UssdRenderer {
	/** A screen's text with the collected values filled in. */
	text(template: string, values: UssdValues, screen: Screen): string;
	/** A menu's option list (an array, or what an expression gives) for the collected values. */
	list(raw: unknown, values: UssdValues, screen: MenuScreen): unknown;
}

export const plainRenderer: UssdRenderer = {
	text: (template, values) => fillPlaceholders(template, values),
	list: (raw) => raw,
};

export interface UssdWalk {
	/** The screen the caller sees now. */
	screen: string;
	/** Every value collected on the way, by variable name. */
	values: UssdValues;
	/** True when the answer is END. */
	ended: boolean;
	/** Screen IDs from the start screen to this one (back and home shorten it). */
	path: string[];
	/** The text shown, without CON/END. */
	text: string;
	/** Set when the caller's last answer was refused and the screen is shown again. */
	invalidAnswer?: string;
}

interface Frame {
	id: string;
	/** Index in the text of the answer that led here. */
	at: number;
	variable?: string;
	previous?: string;
}

type Answer = { next: string; variable?: string; value?: string } | { error: string };

const NUMBER = /^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/;

function accepts(screen: InputScreen, answer: string): boolean {
	switch (screen.check) {
		case 'digits':
			return /^\d+$/.test(answer);
		case 'number': {
			if (!NUMBER.test(answer)) return false;
			const n = Number(answer.replace(',', '.'));
			return (screen.min === undefined || n >= screen.min) && (screen.max === undefined || n <= screen.max);
		}
		case 'phone':
			return isTypedPhoneNumber(answer);
		case 'regex':
			return (screen.pattern as RegExp).test(answer);
		default:
			return answer !== '';
	}
}

export function walkUssdMenu(menu: UssdMenu, text: string, renderer: UssdRenderer = plainRenderer): UssdWalk {
	const tokens = ussdSteps(text).inputs;
	const stack: Frame[] = [{ id: menu.start, at: -1 }];
	let values: UssdValues = {};
	let error: string | undefined;
	let invalidAnswer: string | undefined;

	const screenOf = (frame: Frame) => menu.screens.get(frame.id) as Screen;
	const current = () => screenOf(stack[stack.length - 1]);

	// Listed options can depend on the values, so they are worked out per visit (once per values).
	const optionCache = new Map<string, MenuOption[]>();
	const optionsOf = (screen: MenuScreen): MenuOption[] => {
		const cacheKey = `${screen.id}\u0000${JSON.stringify(values)}`;
		const cached = optionCache.get(cacheKey);
		if (cached) return cached;
		// Labels written in the menu may show values; listed labels are data and are shown as they are.
		const written = screen.options.map((option) => ({ ...option, label: renderer.text(option.label, values, screen) }));
		const all = [...written, ...(screen.optionList === undefined ? [] : listedOptions(renderer.list(screen.optionList, values, screen), screen, menu.name))];
		const taken = new Set([menu.backKey, menu.homeKey, ...all.map((o) => o.key)].filter((k): k is string => !!k));
		let next = 1;
		const keyed = all.map((option) => {
			if (option.key !== undefined) return option;
			while (taken.has(String(next))) next++;
			taken.add(String(next));
			return { ...option, key: String(next) };
		});
		optionCache.set(cacheKey, keyed);
		return keyed;
	};

	const answerAt = (screen: Screen, raw: string): Answer => {
		const given = raw.trim();
		if (screen.type === 'menu') {
			const option = optionsOf(screen).find((o) => o.key === given);
			if (!option) return { error: menu.invalidMessage };
			return { next: option.next, variable: screen.variable, value: option.value ?? option.label };
		}
		if (screen.type === 'input') {
			if (!accepts(screen, given)) return { error: screen.retryMessage ?? menu.invalidMessage };
			return { next: screen.next, variable: screen.variable, value: given };
		}
		return { error: menu.invalidMessage };
	};

	const navigates = (screen: Screen) => screen.type === 'menu' || (screen.type === 'input' && menu.navigationOnInput);

	const pop = () => {
		const frame = stack.pop() as Frame;
		if (frame.variable === undefined) return;
		if (frame.previous === undefined) delete values[frame.variable];
		else values[frame.variable] = frame.previous;
	};

	/** One answer at the current screen: back, home, a move to the next screen, or a refusal. */
	const step = (token: string, at: number) => {
		error = undefined;
		invalidAnswer = undefined;
		const screen = current();
		const given = token.trim();
		if (navigates(screen) && given !== '') {
			if (given === menu.homeKey) {
				stack.length = 1;
				values = {};
				return;
			}
			if (given === menu.backKey) {
				if (stack.length > 1) pop();
				return;
			}
		}
		const answer = answerAt(screen, token);
		if ('error' in answer) {
			error = answer.error;
			invalidAnswer = token;
			return;
		}
		const frame: Frame = { id: answer.next, at };
		if (answer.variable !== undefined) {
			frame.variable = answer.variable;
			frame.previous = values[answer.variable];
			values[answer.variable] = answer.value as string;
		}
		stack.push(frame);
	};

	/** Text left after an END: the answer that led to the end screen had `*` in it (see the top of this file). */
	const rereadLastAnswer = () => {
		const ending = stack[stack.length - 1];
		if (stack.length === 1) return; // the start screen is an end screen: nothing to re-read
		pop();
		const screen = current();
		const joined = ussdText(tokens.slice(ending.at));
		if (!('error' in answerAt(screen, joined))) {
			step(joined, ending.at);
			return;
		}
		const last = tokens.length - 1;
		if ('error' in answerAt(screen, ussdText(tokens.slice(ending.at, last)))) {
			step(tokens[last], last);
			return;
		}
		error = screen.type === 'input' ? (screen.retryMessage ?? menu.invalidMessage) : menu.invalidMessage;
		invalidAnswer = joined;
	};

	for (let at = 0; at < tokens.length; at++) {
		if (current().type === 'end') {
			rereadLastAnswer();
			break;
		}
		step(tokens[at], at);
	}

	const screen = current();
	const lines: string[] = [];
	if (error) lines.push(error);
	const body = renderer.text(screen.text, values, screen).trim();
	if (body) lines.push(body);
	if (screen.type === 'menu') for (const option of optionsOf(screen)) lines.push(`${option.key}. ${option.label}`);
	if (stack.length > 1 && navigates(screen)) {
		if (menu.backKey) lines.push(`${menu.backKey}. ${menu.backLabel}`);
		if (menu.homeKey) lines.push(`${menu.homeKey}. ${menu.homeLabel}`);
	}
	const walk: UssdWalk = { screen: screen.id, values: { ...values }, ended: screen.type === 'end', path: stack.map((f) => f.id), text: lines.join('\n') };
	if (invalidAnswer !== undefined) walk.invalidAnswer = invalidAnswer;
	return walk;
}
