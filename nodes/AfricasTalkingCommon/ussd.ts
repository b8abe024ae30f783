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
