import { NodeOperationError } from 'n8n-workflow';
import { phoneListText } from '../../nodes/AfricasTalking/shared/phoneNumbers';
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

	it('TalkNTalk: the same list, the same numbers', () => {
		expect(kenyanMobiles(NODE, '+254 711 000 001; 0711-000-002\n0711.000.003', 'Recipients', 0)).toEqual(['254711000001', '254711000002', '254711000003']);
		expect(kenyanMobiles(NODE, '0711000001 0711000002', 'Recipients', 0)).toEqual(['254711000001', '254711000002']);
	});

	it("Africa's Talking: a single Phone Number with spaces", async () => {
		const options = await check('phone', 'phoneNumber', 'Phone Number').call(singleContext(), { url: '', body: { phoneNumber: '+254 711 000 001' } });
		expect((options.body as { phoneNumber: string }).phoneNumber).toBe('+254711000001');
	});
});
