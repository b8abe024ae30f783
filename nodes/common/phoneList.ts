/**
 * How both packages read a list of phone numbers, one rule for all: numbers are separated by
 * commas, semicolons or new lines; inside a number, spaces, dashes, dots and brackets are ignored
 * (`+254 711 000 001`, `0711-000-001`). An entry that is not one number that way but whose
 * space-separated parts each are (`+254711000001 +254711000002`) is read as those numbers.
 */

/** Inside a number, ignored. */
const FILLER = /[\s().-]/g;
const HAS_FILLER = /[\s().-]/;
const SEPARATOR_OR_SPACE = /[,;\s]/;

export interface PhoneListEntry {
	/** The entry as the user wrote it (for errors). */
	written: string;
	/** The entry without spaces, dashes, dots and brackets. */
	compact: string;
	/** Its position in the list, from 0 (for errors about a list read from the input item). */
	index: number;
}

/** A number without the spaces, dashes, dots and brackets that people write inside it. */
export function compactPhone(text: string): string {
	return HAS_FILLER.test(text) ? text.replace(FILLER, '') : text;
}

/**
 * Calls `visit` for every number of a text list, in order, without building an array: a text of
 * a million numbers costs no more than itself. `isNumber` is the provider's own format check,
 * used only to decide whether an entry with spaces is one number or several.
 */
function forEachPhoneInText(text: string, isNumber: (compact: string) => boolean, visit: (entry: Omit<PhoneListEntry, 'index'>) => void): void {
	// One clean number (an array's element, usually): itself, with no match or copy of it made.
	if (text !== '' && !SEPARATOR_OR_SPACE.test(text)) {
		visit({ written: text, compact: compactPhone(text) });
		return;
	}
	// Between numbers: commas, semicolons, new lines.
	const pieces = /[^,;\r\n]+/g;
	for (let piece = pieces.exec(text); piece; piece = pieces.exec(text)) {
		const written = piece[0].trim();
		if (written === '') continue;
		const compact = compactPhone(written);
		if (!isNumber(compact) && /\s/.test(written)) {
			const parts = written.split(/\s+/);
			if (parts.every((part) => isNumber(compactPhone(part)))) {
				for (const part of parts) visit({ written: part, compact: compactPhone(part) });
				continue;
			}
		}
		visit({ written, compact });
	}
}

/** The same for any value a field may hold: text, a number, or an array of them (nested too). */
export function forEachPhone(value: unknown, isNumber: (compact: string) => boolean, visit: (entry: PhoneListEntry) => void): void {
	let index = 0;
	const visitNext = (entry: Omit<PhoneListEntry, 'index'>) => visit({ ...entry, index: index++ });
	const walk = (element: unknown): void => {
		if (Array.isArray(element)) {
			for (const inner of element) walk(inner);
			return;
		}
		if (element === undefined || element === null) return;
		if (typeof element === 'number') {
			visitNext({ written: String(element), compact: String(element) });
			return;
		}
		if (typeof element === 'object') {
			const written = JSON.stringify(element);
			visitNext({ written, compact: written });
			return;
		}
		forEachPhoneInText(String(element), isNumber, visitNext);
	};
	walk(value);
}

/** Every number of a list, as written and compacted. */
export function phoneListEntries(value: unknown, isNumber: (compact: string) => boolean): PhoneListEntry[] {
	const entries: PhoneListEntry[] = [];
	forEachPhone(value, isNumber, (entry) => entries.push(entry));
	return entries;
}
