import { NodeOperationError } from 'n8n-workflow';
import { parsePhoneNumbers } from '../../nodes/AfricasTalking/shared/phoneNumbers';
import { NODE } from './context.cjs';

describe('parsePhoneNumbers', () => {
	it('accepts text separated by commas, semicolons, spaces and new lines', () => {
		expect(parsePhoneNumbers(NODE, '+254711000001, +254711000002;+254711000003\n+254711000004', 'Recipients', 0)).toEqual([
			'+254711000001', '+254711000002', '+254711000003', '+254711000004',
		]);
	});

	it('accepts an array, as an expression over items returns', () => {
		expect(parsePhoneNumbers(NODE, ['+254711000001', ['+254711000002']], 'Recipients', 0)).toEqual(['+254711000001', '+254711000002']);
	});

	it.each([
		['0711000001', /local number.*\+254711XXXYYY/],
		['254711000001', /Add the leading "\+": \+254711000001/],
		// Spaces and dashes are ignored, so the advice is about the digits, never "remove spaces".
		['+25 4-1', /"\+2541" has 4 digits after the "\+": an international number has 7 to 15/],
		['+2547110-00001-2345678', /"\+2547110000012345678" has 19 digits/],
		// Enough digits, but a country code never starts with 0: the count is not the problem.
		['+0711000001', /^(?![\s\S]*has \d+ digits)[\s\S]*country code never starts with 0: \+254711000001 for 0711000001/],
		// 00 is the international dialling prefix that the "+" stands for: never a country code of 0.
		['00254711000001', /^(?![\s\S]*country code never starts)[\s\S]*Replace the leading "00" \(the international dialling prefix\) with "\+": \+254711000001\./],
		['+00254711000001', /^(?![\s\S]*\+2540)[\s\S]*Replace the leading "00" \(the international dialling prefix\) with "\+": \+254711000001\./],
		['+2547110abc', /only a "\+", the country code/],
	])('rejects %s with a hint', (value, hint) => {
		let error: NodeOperationError | undefined;
		try {
			parsePhoneNumbers(NODE, `+254711000009,${value}`, 'Recipients', 2);
		} catch (e) {
			error = e as NodeOperationError;
		}
		expect(error).toBeInstanceOf(NodeOperationError);
		// The number as written: the same reading as every other list (spaces inside a number ignored).
		expect(error?.message).toBe(`Invalid phone number "${value}" in "Recipients" (item 3)`);
		expect(error?.description).toMatch(hint);
	});

	it('rejects an empty list', () => {
		expect(() => parsePhoneNumbers(NODE, ' , ', 'Recipients', 0)).toThrow('"Recipients" is empty (item 1)');
	});
});
