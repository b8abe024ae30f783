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
	if (numbers.length === 0) {
		throw new NodeOperationError(node, `"${field}" is empty (item ${itemIndex + 1})`, {
			itemIndex,
			description: 'Enter at least one phone number in international format, e.g. +254711XXXYYY.',
		});
	}
	for (const number of numbers) assertPhoneNumber(node, number, field, itemIndex);
	return numbers;
}

export function assertPhoneNumber(node: INode, value: string, field: string, itemIndex: number): void {
	if (E164.test(value)) return;
	throw new NodeOperationError(node, `Invalid phone number "${value}" in "${field}" (item ${itemIndex + 1})`, {
		itemIndex,
		description: `Africa's Talking needs international E.164 format with a leading "+". ${formatHint(value)}`,
	});
}
