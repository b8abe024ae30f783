/**
 * The Menu Builder answered at the webhook: the trigger reads the menu of the Callback Response
 * node after it (its parameters as the workflow stores them) and answers every screen it can
 * build without running the workflow. A screen it cannot build exactly as the Callback Response
 * would (an expression to evaluate, a menu to report as broken, an answer that needs the
 * fallback) is left to the workflow, which answers it as before: same code, same bytes.
 */
import type { IDataObject } from 'n8n-workflow';
import { ussdAnswer, USSD_FALLBACK } from '../ussd';
import { FIELD_NAMES, parseUssdMenu, type UssdMenu } from './schema';
import { fillPlaceholders } from './text';
import { plainRenderer, walkUssdMenu, type UssdRenderer, type UssdWalk } from './walker';

/** The node type of the Callback Response, whatever package prefix n8n gives it. */
export const CALLBACK_RESPONSE_TYPE = /\.africasTalkingCallbackResponse$/;

/** Stored parameters of a Callback Response that answers with the Menu Builder. */
export function isMenuBuilder(parameters: IDataObject | undefined): boolean {
	return parameters?.answer === 'ussd' && (parameters.ussdType ?? 'menu') === 'menu';
}

const isExpression = (value: unknown) => typeof value === 'string' && value.startsWith('=');

/** Texts, labels and option lists: the walker renders them, and says when one needs n8n (below). */
const RENDERED = ['text', 'label', 'optionList'];

/** Whether anything but a rendered field holds an expression (which only the running node can resolve). */
function hasStructureExpression(value: unknown, key = ''): boolean {
	if (isExpression(value)) return !RENDERED.includes(key);
	if (Array.isArray(value)) return value.some((entry) => hasStructureExpression(entry, key));
	if (value && typeof value === 'object') return Object.entries(value).some(([name, entry]) => hasStructureExpression(entry, name));
	return false;
}

/** The Session Text values that read Africa's Talking's own `text`: the trigger walks that text. */
const SESSION_TEXT_OF_TRIGGER = /^=\{\{\s*(\$json|\$\(.+\)\.(item|first\(\))\.json)\.text\s*\}\}$/;

export interface WebhookMenu {
	menu: UssdMenu;
	fallback: string;
	/** Menus built with the fields: a text starting with `=` is an n8n expression. JSON texts never are. */
	fromFields: boolean;
}

/**
 * The menu of a Callback Response node, from its stored parameters, when the trigger can walk it
 * exactly as the node would; undefined when only the running node can (expressions for the
 * menu's structure, the Fallback Message or Session Text) or must (a menu it would report broken).
 */
export function webhookMenu(parameters: IDataObject): WebhookMenu | undefined {
	const fallback = parameters.ussdFallback ?? USSD_FALLBACK;
	if (isExpression(fallback) || !SESSION_TEXT_OF_TRIGGER.test(String(parameters.menuSessionText ?? '={{ $json.text }}'))) return undefined;
	const fromFields = parameters.menuDefinition !== 'json';
	const source = fromFields
		? { ...(parameters.menuSettings as IDataObject | undefined), start: parameters.menuStart ?? 'home', screens: parameters.menuScreens }
		: parameters.menuJson;
	if (hasStructureExpression(source)) return undefined;
	try {
		return { menu: parseUssdMenu(source, fromFields ? FIELD_NAMES : undefined), fallback: String(fallback || USSD_FALLBACK), fromFields };
	} catch {
		// A broken menu fails loudly in the workflow: the caller gets the Fallback Message, the execution fails.
		return undefined;
	}
}

class NeedsWorkflow extends Error {}

/** Texts and lists of the fields as the Callback Response renders them without n8n; an expression stops the walk. */
const fieldRendererWithoutN8n: UssdRenderer = {
	text: (template, values) => {
		if (isExpression(template)) throw new NeedsWorkflow();
		return fillPlaceholders(template, values);
	},
	list: (raw) => {
		if (isExpression(raw)) throw new NeedsWorkflow();
		return raw;
	},
};

export type WebhookAnswer =
	/** The trigger answers this screen itself: no execution. */
	| { response: string; walk: UssdWalk }
	/** The workflow runs: at a screen that asks for it, at the end of a session with values, or because only the node can build it (no walk then). */
	| { walk?: UssdWalk };

/** What the trigger does with one request of the session: answer it, or run the workflow. */
export function answerAtWebhook({ menu, fallback, fromFields }: WebhookMenu, text: string): WebhookAnswer {
	let walk: UssdWalk;
	try {
		walk = walkUssdMenu(menu, text, fromFields ? fieldRendererWithoutN8n : plainRenderer);
	} catch {
		// An expression to evaluate, or an option list the node reports as broken.
		return {};
	}
	const answer = ussdAnswer(walk.ended ? 'end' : 'continue', walk.text, fallback);
	if (answer.error) return {};
	const screen = menu.screens.get(walk.screen);
	if (screen?.askWorkflow || (walk.ended && Object.keys(walk.values).length > 0)) return { walk };
	return { response: answer.response, walk };
}
