import { NodeOperationError, type INode } from 'n8n-workflow';
import { splitList } from '../../common/values';

const E164 = /^\+[1-9]\d{6,14}$/;

function formatHint(value: string): string {
	const digits = value.replace(/[\s()-]/g, '');
	if (/^0\d{8,10}$/.test(digits)) {
		return 'This looks like a local number: replace the leading 0 with the country code, e.g. 0711XXXYYY → +254711XXXYYY.';
	}
	if (/^[1-9]\d{6,14}$/.test(digits)) return `Add the leading "+": +${digits}.`;
	if (/^\+?[\d\s()-]+$/.test(value)) return 'Remove spaces, dashes and brackets: +254711XXXYYY.';
	return 'A phone number holds only a "+", the country code and the number, e.g. +254711XXXYYY.';
}

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
 * The same check, giving the list as AT takes it: the numbers joined by commas. A text of a
 * million numbers is checked where it lies and returned as is when it is already comma-separated
 * (or with its separators replaced), and an array is joined once: no array of a million pieces.
 */
export function phoneListText(node: INode, value: unknown, field: string, itemIndex: number): string {
	let count = 0;
	const checked = (text: string): string => {
		const pieces = /[^,;\s]+/g;
		for (let piece = pieces.exec(text); piece; piece = pieces.exec(text)) {
			assertPhoneNumber(node, piece[0], field, itemIndex);
			count += 1;
		}
		return /[;\s]|,,|^,|,$/.test(text) ? text.replace(/[,;\s]+/g, ',').replace(/^,|,$/g, '') : text;
	};
	let joined: string;
	if (Array.isArray(value)) {
		const texts: string[] = [];
		const add = (element: unknown) => {
			if (Array.isArray(element)) for (const inner of element) add(inner);
			else {
				const text = checked(String(element ?? ''));
				if (text !== '') texts.push(text);
			}
		};
		add(value);
		joined = texts.join(',');
	} else {
		joined = checked(String(value ?? ''));
	}
	if (count === 0) throw emptyList(node, field, itemIndex);
	return joined;
}

export function assertPhoneNumber(node: INode, value: string, field: string, itemIndex: number): void {
	if (E164.test(value)) return;
	throw new NodeOperationError(node, `Invalid phone number "${value}" in "${field}" (item ${itemIndex + 1})`, {
		itemIndex,
		description: `Africa's Talking needs international E.164 format with a leading "+". ${formatHint(value)}`,
	});
}
