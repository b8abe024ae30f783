import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { ussdAnswer, USSD_FALLBACK } from '../../AfricasTalkingCommon/ussd';
import { FIELD_NAMES, parseUssdMenu, UssdMenuError, type UssdMenu } from '../../AfricasTalkingCommon/ussdMenu/schema';
import { displayWarnings, expressionWithValues, fillPlaceholders, type UssdValues } from '../../AfricasTalkingCommon/ussdMenu/text';
import { plainRenderer, walkUssdMenu, type UssdRenderer } from '../../AfricasTalkingCommon/ussdMenu/walker';

/** Fields whose expressions may use `$ussd`: resolved by the walker for each screen it shows. */
const RENDERED = ['text', 'label', 'optionList'];

/**
 * The screens as stored, with every expression resolved except texts and option lists: those are
 * kept raw so that `{{ $ussd.name }}` reaches the walker instead of failing in n8n's evaluation.
 */
function resolveStructure(this: IExecuteFunctions, itemIndex: number, value: unknown, key = ''): unknown {
	if (typeof value === 'string') return value.startsWith('=') && !RENDERED.includes(key) ? this.evaluateExpression(value.slice(1), itemIndex) : value;
	if (Array.isArray(value)) return value.map((entry) => resolveStructure.call(this, itemIndex, entry, key));
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([name, entry]) => [name, resolveStructure.call(this, itemIndex, entry, name)]));
	}
	return value;
}

/** Texts and lists from the fields: expressions are evaluated by n8n with `$ussd` as the collected values. */
function fieldRenderer(this: IExecuteFunctions, itemIndex: number): UssdRenderer {
	const evaluate = (raw: string, values: UssdValues) => this.evaluateExpression(expressionWithValues(raw.slice(1), values), itemIndex);
	return {
		text: (template, values) => (template.startsWith('=') ? String(evaluate(template, values) ?? '') : fillPlaceholders(template, values)),
		list: (raw, values) => (typeof raw === 'string' && raw.startsWith('=') ? evaluate(raw, values) : raw),
	};
}

function menuOf(this: IExecuteFunctions, itemIndex: number): { menu: UssdMenu; renderer: UssdRenderer } {
	if (this.getNodeParameter('menuDefinition', itemIndex, 'fields') === 'json') {
		// Texts from JSON are filled in, never evaluated: a menu made elsewhere must not run code.
		return { menu: parseUssdMenu(this.getNodeParameter('menuJson', itemIndex)), renderer: plainRenderer };
	}
	const screens = this.getNodeParameter('menuScreens', itemIndex, {}, { rawExpressions: true });
	return {
		menu: parseUssdMenu({
			...(this.getNodeParameter('menuSettings', itemIndex, {}) as IDataObject),
			start: this.getNodeParameter('menuStart', itemIndex, ''),
			screens: resolveStructure.call(this, itemIndex, screens),
		}, FIELD_NAMES),
		renderer: fieldRenderer.call(this, itemIndex),
	};
}

/** Warnings for the screen shown, and for every screen whose text alone is already too long or not GSM. */
function warningsFor(menu: UssdMenu, shownScreen: string, shownText: string): string[] {
	const warnings = new Set(displayWarnings(shownScreen, shownText));
	for (const screen of menu.screens.values()) {
		if (screen.id === shownScreen || screen.text.startsWith('=')) continue;
		for (const warning of displayWarnings(screen.id, fillPlaceholders(screen.text, {}))) warnings.add(warning);
	}
	return [...warnings];
}

/**
 * The node's answer for one item; `broken` when the menu cannot work: the caller still gets the
 * Fallback Message (`json.response`, sent before the node fails), and the node then fails with
 * `broken`, so that it shows red and n8n's Error Workflow runs.
 */
export interface MenuAnswer {
	json: IDataObject;
	broken?: { message: string; description: string };
}

/** The Menu Builder answer: the walked screen as CON/END text, and where the session is. */
export function ussdMenuAnswer(this: IExecuteFunctions, itemIndex: number): MenuAnswer {
	const fallback = (this.getNodeParameter('ussdFallback', itemIndex, USSD_FALLBACK) as string) || USSD_FALLBACK;
	const sessionText = this.getNodeParameter('menuSessionText', itemIndex, '') as unknown;
	if (sessionText === undefined || sessionText === null) {
		// Every request would show the start screen again: say where the text went.
		this.addExecutionHints({
			message: 'Session Text is empty because the input item has no "text": the start screen is shown on every request. Point Session Text at the trigger\'s text, e.g. {{ $(\'Africa\\\'s Talking Trigger\').item.json.text }}.',
			type: 'warning',
			location: 'outputPane',
		});
	}
	try {
		const { menu, renderer } = menuOf.call(this, itemIndex);
		const walk = walkUssdMenu(menu, String(sessionText ?? ''), renderer);
		const answer = ussdAnswer(walk.ended ? 'end' : 'continue', walk.text, fallback);
		const warnings = warningsFor(menu, walk.screen, walk.text);
		if (answer.error) this.addExecutionHints({ message: answer.error, type: 'danger', location: 'outputPane' });
		if (warnings.length) this.addExecutionHints(...warnings.map((message) => ({ message, type: 'warning' as const, location: 'outputPane' as const })));
		const json: IDataObject = {
			...answer,
			screen: walk.screen,
			values: walk.values,
			ended: walk.ended || answer.response.startsWith('END '),
			path: walk.path,
			...(walk.invalidAnswer !== undefined ? { invalidAnswer: walk.invalidAnswer } : {}),
			...(warnings.length ? { warnings } : {}),
		};
		return { json };
	} catch (error) {
		if (!(error instanceof UssdMenuError)) throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		// The session gets the fallback; the node fails with the mistake (see UssdMenuBroken).
		const message = `The USSD menu cannot work: ${error.message}. The caller got the Fallback Message (END) instead.`;
		const response = ussdAnswer('raw', '', fallback).response;
		return {
			json: { response, error: message, ended: true },
			broken: {
				message,
				description: `Every caller gets the Fallback Message ("${response}") until the menu is fixed. Fix the field named above; the Menu Builder checks the whole menu before it answers.`,
			},
		};
	}
}
