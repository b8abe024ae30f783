import { NodeOperationError, type INode } from 'n8n-workflow';
import { compactPhone, forEachPhone } from '../../common/phoneList';
import { listLocation, requireListOrText } from '../../common/itemField';

const E164 = /^\+[1-9]\d{6,14}$/;

function formatHint(value: string): string {
	const digits = compactPhone(value);
	const dialled = /^\+?00([1-9]\d{6,14})$/.exec(digits);
	if (dialled) return `Replace the leading "00" (the international dialling prefix) with "+": +${dialled[1]}.`;
	if (/^0\d{8,10}$/.test(digits)) {
		return 'This looks like a local number: replace the leading 0 with the country code, e.g. 0711XXXYYY → +254711XXXYYY.';
	}
	if (/^[1-9]\d{6,14}$/.test(digits)) return `Add the leading "+": +${digits}.`;
	if (/^\+0\d+$/.test(digits)) {
		return `The country code never starts with 0: +254${digits.slice(2)} for ${digits.slice(1)} in Kenya (your country's code in place of 254).`;
	}
	// Spaces, dashes and brackets are ignored already: what is left wrong is the number of digits.
	if (/^\+\d+$/.test(digits)) {
		return `"${digits}" has ${digits.length - 1} digits after the "+": an international number has 7 to 15 (country code and number), e.g. +254711XXXYYY.`;
	}
	return 'A phone number holds only a "+", the country code and the number, e.g. +254711XXXYYY.';
}

/**
 * Every number of a list, checked as E.164 with a leading "+" (AT rejects anything else), by the
 * rule both packages share for every list of numbers (nodes/common/phoneList.ts): separated by
 * commas, semicolons or new lines; spaces, dashes, dots and brackets inside a number ignored.
 * The error names the number as written, the field and the item (and, for a list read from the
 * input item's `sourceField`, the field and the entry).
 */
export function parsePhoneNumbers(node: INode, value: unknown, field: string, itemIndex: number, sourceField?: string): string[] {
	requireListOrText(node, value, sourceField, 'phone numbers', itemIndex);
	const numbers: string[] = [];
	forEachPhone(value, (compact) => E164.test(compact), ({ written, compact, index }) => {
		if (!E164.test(compact)) assertPhoneNumber(node, written, field, listLocation(itemIndex, sourceField, index), itemIndex);
		numbers.push(compact);
	});
	if (numbers.length === 0) throw emptyList(node, field, itemIndex, sourceField);
	return numbers;
}

function emptyList(node: INode, field: string, itemIndex: number, sourceField?: string): NodeOperationError {
	return new NodeOperationError(node, `"${field}" is empty ${listLocation(itemIndex, sourceField)}`, {
		itemIndex,
		description: 'Enter at least one phone number in international format, e.g. +254711XXXYYY.',
	});
}

/**
 * The same check, giving the list as AT takes it: the numbers joined by commas. A clean
 * comma-separated text (the usual form of a huge list) is checked where it lies and returned as
 * is: no array of a million numbers, no second copy.
 */
export function phoneListText(node: INode, value: unknown, field: string, itemIndex: number, sourceField?: string): string {
	if (typeof value === 'string' && /^[+\d,]*$/.test(value) && !/,,|^,|,$/.test(value)) {
		let index = 0;
		const numbers = /[^,]+/g;
		for (let number = numbers.exec(value); number; number = numbers.exec(value)) {
			assertPhoneNumber(node, number[0], field, listLocation(itemIndex, sourceField, index), itemIndex);
			index += 1;
		}
		if (index === 0) throw emptyList(node, field, itemIndex, sourceField);
		return value;
	}
	return parsePhoneNumbers(node, value, field, itemIndex, sourceField).join(',');
}

function assertPhoneNumber(node: INode, value: string, field: string, location: string, itemIndex: number): void {
	if (E164.test(value)) return;
	throw new NodeOperationError(node, `Invalid phone number "${value}" in "${field}" ${location}`, {
		itemIndex,
		description: `Africa's Talking needs international E.164 format with a leading "+". ${formatHint(value)}`,
	});
}

/** One number as AT takes it: spaces, dashes, dots and brackets inside it removed; the error shows it as written. */
export function checkedPhoneNumber(node: INode, value: unknown, field: string, itemIndex: number): string {
	const written = String(value ?? '').trim();
	const phoneNumber = compactPhone(written);
	assertPhoneNumber(node, E164.test(phoneNumber) ? phoneNumber : written, field, listLocation(itemIndex), itemIndex);
	return phoneNumber;
}
