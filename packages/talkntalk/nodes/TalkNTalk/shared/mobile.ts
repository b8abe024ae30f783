import { NodeOperationError, type INode } from 'n8n-workflow';
import { compactPhone, phoneListEntries } from '../../common/phoneList';

/** Kenyan mobile numbers as TalkNTalk's send endpoints take them: 254 and nine digits, no "+". */
const KENYAN_MOBILE = /^(?:\+?254|0)([17]\d{8})$/;

/**
 * `+2547…`, `2547…` or `07…` (also the newer `01…` ranges), with spaces, dashes, dots or brackets,
 * as TalkNTalk takes and stores it (`2547…`); undefined for anything else.
 */
export function asKenyanMobile(text: string): string | undefined {
	const match = KENYAN_MOBILE.exec(compactPhone(text));
	return match ? `254${match[1]}` : undefined;
}

/** The same, or an error naming the field, the value and the item. */
export function kenyanMobile(node: INode, value: unknown, field: string, itemIndex: number): string {
	const mobile = asKenyanMobile(typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '');
	if (mobile) return mobile;
	throw new NodeOperationError(node, `Invalid phone number "${typeof value === 'object' ? JSON.stringify(value) : String(value ?? '')}" in "${field}" (item ${itemIndex + 1})`, {
		itemIndex,
		description: 'TalkNTalk sends to Kenyan mobile numbers: write them as +254712345678, 254712345678 or 0712345678.',
	});
}

/** The entries of a list, by the rule both packages share (nodes/common/phoneList.ts). */
function entries(value: unknown): string[] {
	return phoneListEntries(value, (compact) => KENYAN_MOBILE.test(compact)).map((entry) => entry.written);
}

/** A list of numbers (text separated by commas, semicolons or new lines, or an array; spaces, dashes and dots inside a number ignored), normalised and without repeats. */
export function kenyanMobiles(node: INode, value: unknown, field: string, itemIndex: number): string[] {
	const numbers = entries(value);
	if (numbers.length === 0) {
		throw new NodeOperationError(node, `"${field}" is empty (item ${itemIndex + 1})`, {
			itemIndex,
			description: 'Enter at least one Kenyan mobile number, e.g. 0712345678.',
		});
	}
	// TalkNTalk removes repeats only within one request; removing them here keeps a number that
	// appears in two chunks (or in two spellings) from getting the message twice.
	return [...new Set(numbers.map((number) => kenyanMobile(node, number, field, itemIndex)))];
}
