/**
 * USSD, as Africa's Talking speaks it: the caller's answers arrive as one `text`, and the session
 * is answered "CON …" (continue) or "END …".
 */

/** The steps of a session, read from AT's `text`. */
export interface UssdSteps {
	/** Every answer the caller typed, in order ("" at the start of the session gives none). */
	inputs: string[];
	/** The newest answer ("" at the start). */
	lastInput: string;
	/** How many answers there are: 0 at the start, 1 after the first answer, … */
	level: number;
}

/**
 * The one reading of AT's USSD `text`, for the trigger's output and the Menu Builder's walk alike:
 * AT sends "" when the session starts, then every answer of the session joined by `*` ("1*2").
 * A `*` typed inside an answer ("Plot 4*B") arrives exactly as two answers ("Plot 4", then "B"):
 * nothing in the text tells them apart, so every `*` separates two steps, as AT documents it. Only
 * a reader that knows the menu can do better, and only at one place: AT sends nothing after an END,
 * so steps left over once the walk reaches an end screen belong to the answer that led there (the
 * walker joins them back with `ussdText`). Anything else would make the trigger's `inputs` and
 * the walker's screens disagree about the same text.
 */
export function ussdSteps(text: string): UssdSteps {
	const inputs = text === '' ? [] : text.split('*');
	return { inputs, lastInput: inputs.length ? inputs[inputs.length - 1] : '', level: inputs.length };
}

/** Steps joined back into the text AT sent for them (the inverse of `ussdSteps`). */
export function ussdText(inputs: readonly string[]): string {
	return inputs.join('*');
}

/** USSD answers: AT continues the session on "CON …", ends it on "END …", and drops anything else. */

export const USSD_FALLBACK = 'END Sorry, this service is not available right now. Please try again later.';

export interface UssdAnswer {
	response: string;
	/** Set when the workflow's answer could not be sent as is and the fallback went instead. */
	error?: string;
}

export function ussdAnswer(kind: 'continue' | 'end' | 'raw', text: string, fallback = USSD_FALLBACK): UssdAnswer {
	const clean = String(text ?? '');
	const safeFallback = /^END /.test(fallback) ? fallback : `END ${fallback}`;
	if (kind === 'continue' || kind === 'end') {
		if (clean.trim() === '') return { response: safeFallback, error: 'The USSD text is empty: Africa\'s Talking would drop the session, so the fallback END message was sent.' };
		return { response: `${kind === 'continue' ? 'CON' : 'END'} ${clean}` };
	}
	if (/^(CON|END) /.test(clean) && clean.slice(4).trim() !== '') return { response: clean };
	const shown = clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
	return {
		response: safeFallback,
		error: `The USSD answer "${shown}" does not start with "CON " or "END " (or has no text): Africa's Talking would drop the session, so the fallback END message was sent. Start the text with "CON " to show a menu or "END " to close the session.`,
	};
}
