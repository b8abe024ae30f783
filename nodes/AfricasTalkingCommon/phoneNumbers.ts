import { NodeOperationError, type INode } from 'n8n-workflow';
import { compactPhone } from '../common/phoneList';
import { listLocation } from '../common/itemField';

/**
 * Africa's Talking's phone-number rules, in one place for its nodes: what its API takes (one
 * number, E.164 with a leading "+"), and what a caller may type as a number on a USSD screen.
 * How a list of numbers is split is the rule both packages share (nodes/common/phoneList.ts).
 */

/** What AT's API takes: E.164 with a leading "+" (its SDKs reject anything else). */
const E164 = /^\+[1-9]\d{6,14}$/;

/** A number without spaces, dashes, dots or brackets, as AT takes it. */
export function isInternationalNumber(compact: string): boolean {
	return E164.test(compact);
}

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
 * Refuses a number AT would not take, naming the field, the value and the item (`location`: with
 * a list read from the input item's field, that field and the entry too), with how to write it.
 */
export function assertPhoneNumber(node: INode, value: string, field: string, itemIndex: number, location = listLocation(itemIndex)): void {
	if (isInternationalNumber(value)) return;
	throw new NodeOperationError(node, `Invalid phone number "${value}" in "${field}" ${location}`, {
		itemIndex,
		description: `Africa's Talking needs international E.164 format with a leading "+". ${formatHint(value)}`,
	});
}

/** One number as AT takes it: spaces, dashes, dots and brackets inside it removed; the error shows it as written. */
export function checkedPhoneNumber(node: INode, value: unknown, field: string, itemIndex: number): string {
	const written = String(value ?? '').trim();
	const phoneNumber = compactPhone(written);
	assertPhoneNumber(node, isInternationalNumber(phoneNumber) ? phoneNumber : written, field, itemIndex);
	return phoneNumber;
}

/** International with or without "+", or local with its leading 0. */
const TYPED_PHONE = /^(\+?[1-9]\d{7,14}|0\d{8,10})$/;

/**
 * What a caller may type on a USSD input screen whose check is "Phone": a number as people write
 * it, international with or without "+" or local with its leading 0 (spaces, dashes, dots and
 * brackets ignored). Wider than the API's rule on purpose: callers are not asked for E.164, and a
 * workflow that sends to the number writes it the API's way.
 */
export function isTypedPhoneNumber(answer: string): boolean {
	return TYPED_PHONE.test(compactPhone(answer));
}
