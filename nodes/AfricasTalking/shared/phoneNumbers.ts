import { NodeOperationError, type INode } from 'n8n-workflow';
import { forEachPhone } from '../../common/phoneList';
import { splitList } from '../../common/values';
import { assertPhoneNumber, isInternationalNumber } from '../../AfricasTalkingCommon/phoneNumbers';

/**
 * Checks that every number is E.164 with a leading "+" (AT rejects anything else) and
 * returns the clean list; the error names the field, the value and the item.
 */
export function parsePhoneNumbers(node: INode, value: unknown, field: string, itemIndex: number): string[] {
	const numbers = splitList(value);
	if (numbers.length === 0) throw emptyList(node, field, itemIndex);
	for (const number of numbers) assertPhoneNumber(node, number, field, itemIndex);
	return numbers;
}

function emptyList(node: INode, field: string, itemIndex: number): NodeOperationError {
	return new NodeOperationError(node, `"${field}" is empty (item ${itemIndex + 1})`, {
		itemIndex,
		description: 'Enter at least one phone number in international format, e.g. +254711XXXYYY.',
	});
}

/**
 * The same check, giving the list as AT takes it: the numbers joined by commas. Numbers are read
 * by the rule both packages share (nodes/common/phoneList.ts): separated by commas, semicolons or
 * new lines, spaces, dashes and dots inside a number ignored. A clean comma-separated text of a
 * million numbers is checked where it lies and returned as is.
 */
export function phoneListText(node: INode, value: unknown, field: string, itemIndex: number): string {
	// A clean comma-separated text (the usual form of a huge list) is checked where it lies and sent as is.
	if (typeof value === 'string' && /^[+\d,]*$/.test(value) && !/,,|^,|,$/.test(value)) {
		let count = 0;
		const numbers = /[^,]+/g;
		for (let number = numbers.exec(value); number; number = numbers.exec(value)) {
			assertPhoneNumber(node, number[0], field, itemIndex);
			count += 1;
		}
		if (count === 0) throw emptyList(node, field, itemIndex);
		return value;
	}
	const numbers: string[] = [];
	forEachPhone(value, isInternationalNumber, ({ written, compact }) => {
		if (!isInternationalNumber(compact)) assertPhoneNumber(node, written, field, itemIndex);
		numbers.push(compact);
	});
	if (numbers.length === 0) throw emptyList(node, field, itemIndex);
	return numbers.join(',');
}
