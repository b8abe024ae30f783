import fc from 'fast-check';
import { NodeOperationError } from 'n8n-workflow';
import { parsePhoneNumbers, phoneListText } from '../../nodes/AfricasTalking/shared/phoneNumbers';
import { check } from '../../nodes/AfricasTalking/shared/checks';
import { kenyanMobiles } from '../../packages/talkntalk/nodes/TalkNTalk/shared/mobile';
import { phoneListEntries } from '../../nodes/common/phoneList';
import { NODE, singleContext } from './context.cjs';

const E164 = (text: string) => /^\+[1-9]\d{6,14}$/.test(text);

function caught(run: () => unknown): NodeOperationError {
	try {
		run();
	} catch (error) {
		return error as NodeOperationError;
	}
	throw new Error('expected an error');
}

describe('one rule for phone lists in both packages', () => {
	it('reads spaces, dashes and dots inside a number as part of it', () => {
		expect(phoneListEntries('+254 711 000 001, +254-711-000-002;+254.711.000.003\n+254 (711) 000004', E164).map((entry) => entry.compact)).toEqual([
			'+254711000001',
			'+254711000002',
			'+254711000003',
			'+254711000004',
		]);
	});

	it('keeps the number as written for errors', () => {
		expect(phoneListEntries(' +254 711 000 001 ,', E164)).toEqual([{ written: '+254 711 000 001', compact: '+254711000001', index: 0 }]);
	});

	it('still splits an entry of whole numbers separated by spaces', () => {
		expect(phoneListEntries('+254711000001 +254711000002', E164).map((entry) => entry.compact)).toEqual(['+254711000001', '+254711000002']);
	});

	it('reads arrays (nested too) and numbers', () => {
		expect(phoneListEntries([['+254 711 000 001'], 254711000002, '', null], E164).map((entry) => entry.compact)).toEqual(['+254711000001', '254711000002']);
	});

	it("Africa's Talking: Recipients with spaces inside numbers", () => {
		expect(phoneListText(NODE, '+254 711 000 001, +254 711 000 002', 'Recipients', 0)).toBe('+254711000001,+254711000002');
		expect(phoneListText(NODE, ['+254 711-000-001', '+254.711.000.002'], 'Recipients', 0)).toBe('+254711000001,+254711000002');
		// An already clean list is passed on as it is.
		expect(phoneListText(NODE, '+254711000001,+254711000002', 'Recipients', 0)).toBe('+254711000001,+254711000002');
	});

	it("Africa's Talking: an invalid entry is named as written", () => {
		const error = caught(() => phoneListText(NODE, '+254 711 000 001, +254 711', 'Recipients', 0));
		expect(error.message).toContain('Invalid phone number "+254 711" in "Recipients"');
	});

	it("Africa's Talking: an array read from the input item's field names its wrong entry, as every list does", () => {
		const numbers = ['+254711000001', '+254711000002', '0711000003'];
		const error = caught(() => phoneListText(NODE, numbers, 'Recipients', 0, 'phones'));
		expect(error.message).toBe('Invalid phone number "0711000003" in "Recipients" (field "phones", entry 3, item 1)');
		expect(caught(() => phoneListText(NODE, [], 'Recipients', 0, 'phones')).message).toBe('"Recipients" is empty (field "phones", item 1)');
	});

	it("Africa's Talking: a list in any form (text or array, clean or not) gives what the general reader gives, or the same error", () => {
		const number = fc.oneof(
			fc.stringMatching(/^\+[1-9]\d{6,14}$/),
			fc.stringMatching(/^\+254 7\d{2} \d{3} \d{3}$/),
			fc.stringMatching(/^0?7\d{8}$/),
			fc.constantFrom('', ' ', '+', '+0711000001'),
		);
		const list = fc.oneof(
			fc.array(number, { maxLength: 8 }),
			fc.array(number, { maxLength: 8 }).map((entries) => entries.join(',')),
			fc.array(number, { maxLength: 8 }).map((entries) => entries.join('\n')),
		);
		const outcome = (read: () => unknown) => {
			try {
				return { value: read() };
			} catch (error) {
				return { error: (error as Error).message };
			}
		};
		fc.assert(
			fc.property(list, (value) => {
				const general = outcome(() => parsePhoneNumbers(NODE, value, 'Recipients', 0, 'phones').join(','));
				expect(outcome(() => phoneListText(NODE, value, 'Recipients', 0, 'phones'))).toEqual(general);
			}),
			{ numRuns: 500 },
		);
	});

	it('TalkNTalk: the same list, the same numbers', () => {
		expect(kenyanMobiles(NODE, '+254 711 000 001; 0711-000-002\n0711.000.003', 'Recipients', 0)).toEqual(['254711000001', '254711000002', '254711000003']);
		expect(kenyanMobiles(NODE, '0711000001 0711000002', 'Recipients', 0)).toEqual(['254711000001', '254711000002']);
	});

	it("Africa's Talking: a single Phone Number with spaces", async () => {
		const options = await check('phone', 'phoneNumber', 'Phone Number').call(singleContext(), { url: '', body: { phoneNumber: '+254 711 000 001' } });
		expect((options.body as { phoneNumber: string }).phoneNumber).toBe('+254711000001');
	});
});
