import { NodeOperationError, type INode } from 'n8n-workflow';
import { compactPhone, forEachPhone } from '../../common/phoneList';
import { listLocation, requireListOrText } from '../../common/itemField';

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

/** The same, or an error naming the field, the value and the item (`location`: with a list from the input item's field, that field and the entry too). */
export function kenyanMobile(node: INode, value: unknown, field: string, itemIndex: number, location = listLocation(itemIndex)): string {
	const mobile = asKenyanMobile(typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '');
	if (mobile) return mobile;
	throw new NodeOperationError(node, `Invalid phone number "${typeof value === 'object' ? JSON.stringify(value) : String(value ?? '')}" in "${field}" ${location}`, {
		itemIndex,
		description: 'TalkNTalk sends to Kenyan mobile numbers: write them as +254712345678, 254712345678 or 0712345678.',
	});
}

/**
 * A list of numbers (text separated by commas, semicolons or new lines, or an array; spaces,
 * dashes and dots inside a number ignored: the rule both packages share, nodes/common/phoneList.ts),
 * normalised and without repeats. `sourceField`: the input item's field the list was read from.
 */
export function kenyanMobiles(node: INode, value: unknown, field: string, itemIndex: number, sourceField?: string): string[] {
	requireListOrText(node, value, sourceField, 'phone numbers', itemIndex);
	// TalkNTalk removes repeats only within one request; removing them here keeps a number that
	// appears in two chunks (or in two spellings) from getting the message twice.
	const numbers = new Set<string>();
	forEachPhone(value, (compact) => KENYAN_MOBILE.test(compact), ({ written, index }) => {
		numbers.add(kenyanMobile(node, written, field, itemIndex, listLocation(itemIndex, sourceField, index)));
	});
	if (numbers.size === 0) {
		throw new NodeOperationError(node, `"${field}" is empty ${listLocation(itemIndex, sourceField)}`, {
			itemIndex,
			description: 'Enter at least one Kenyan mobile number, e.g. 0712345678.',
		});
	}
	return [...numbers];
}
