import { NodeOperationError, type INode } from 'n8n-workflow';
import { forEachPhone } from '../../common/phoneList';
import { listLocation, requireListOrText } from '../../common/itemField';
import { assertPhoneNumber, isInternationalNumber } from '../../AfricasTalkingCommon/phoneNumbers';

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
	forEachPhone(value, isInternationalNumber, ({ written, compact, index }) => {
		if (!isInternationalNumber(compact)) assertPhoneNumber(node, written, field, itemIndex, listLocation(itemIndex, sourceField, index));
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
 * The same check, giving the list as AT takes it: the numbers joined by commas. The usual forms
 * of a huge list cost no more than the list itself: a clean comma-separated text is checked where
 * it lies and returned as is, an array of clean numbers is checked in place and joined once (no
 * entry objects, no second array of a million numbers). Anything else, and any list with a wrong
 * entry, goes through parsePhoneNumbers, which reads it by the shared rule and names the entry.
 */
export function phoneListText(node: INode, value: unknown, field: string, itemIndex: number, sourceField?: string): string {
	if (typeof value === 'string' && /^[+\d,]*$/.test(value) && !/,,|^,|,$/.test(value)) {
		let index = 0;
		const numbers = /[^,]+/g;
		for (let number = numbers.exec(value); number; number = numbers.exec(value)) {
			// The location is written only for a wrong number: a million right ones cost no text.
			if (!isInternationalNumber(number[0])) assertPhoneNumber(node, number[0], field, itemIndex, listLocation(itemIndex, sourceField, index));
			index += 1;
		}
		if (index === 0) throw emptyList(node, field, itemIndex, sourceField);
		return value;
	}
	if (Array.isArray(value) && value.length > 0 && value.every((entry) => typeof entry === 'string' && isInternationalNumber(entry))) return value.join(',');
	return parsePhoneNumbers(node, value, field, itemIndex, sourceField).join(',');
}
