import type { IDataObject } from 'n8n-workflow';

/** A provider must never receive a parameter the user left empty (not even as the string "undefined"). */
export function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

export function withoutEmpty(values: IDataObject | undefined): IDataObject {
	const kept: IDataObject = {};
	for (const [key, value] of Object.entries(values ?? {})) {
		if (!isEmpty(value)) kept[key] = value;
	}
	return kept;
}

/**
 * One value as application/x-www-form-urlencoded, exactly as URLSearchParams writes it, but by
 * the engine's native encoder: a million-number list costs one string, not several hundred MB.
 */
export function encodeFormValue(value: string): string {
	// A lone surrogate (broken text) cannot be percent-encoded: URLSearchParams sends U+FFFD instead.
	const wellFormed = /[\uD800-\uDFFF]/.test(value) ? value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD') : value;
	return encodeURIComponent(wellFormed).replace(/[!'()~]|%20/g, (char) => (char === '%20' ? '+' : `%${char.charCodeAt(0).toString(16).toUpperCase()}`));
}

/** Decodes one application/x-www-form-urlencoded value. */
export function decodeFormValue(value: string): string {
	return decodeURIComponent(value.replace(/\+/g, ' '));
}
