import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { type Refuse, text } from '../../shared/chatApi';

/** What Send Message and Create Template share. */

export const waNumberField: INodeProperties = {
	displayName: 'WhatsApp Number',
	name: 'waNumber',
	type: 'string',
	required: true,
	default: '',
	placeholder: '+254711XXXYYY',
	description: "Your WhatsApp Business number on Africa's Talking, in international format",
};

/** `{ [key]: value }` when the value is not empty, else nothing: AT's SDK refuses empty strings. */
export function textOrOmit(key: string, value: unknown): IDataObject {
	const clean = text(value);
	return clean ? { [key]: clean } : {};
}

/**
 * A list of texts, in order: an array from an expression (each entry must be text or a number, and
 * not empty, since a gap would shift every later placeholder), or text with one value per line
 * (blank lines ignored; commas may be part of a value).
 */
export function listValues(value: unknown, field: string, refuse: Refuse): string[] {
	if (!Array.isArray(value)) {
		return text(value)
			.split(/\r?\n/)
			.map((line) => line.trim())
			.filter(Boolean);
	}
	return value.map((entry, index) => {
		if (entry !== null && typeof entry === 'object') refuse(`Value ${index + 1} of "${field}" is not text`, 'Give each value as text or a number, in placeholder order.');
		const clean = text(entry);
		if (clean === '') refuse(`Value ${index + 1} of "${field}" is empty`, 'WhatsApp fills the placeholders in order: give every placeholder a value.');
		return clean;
	});
}
