import { AT_BASE_URL, baseUrlForEnvironment } from '../../nodes/AfricasTalkingCommon/environment';
import * as checkSimSwap from '../../nodes/AfricasTalking/resources/insight/checkSimSwap';
import { EVENTS, readCallback } from '../../nodes/AfricasTalkingTrigger/events';
import { isoDate, simSwapResult } from '../../nodes/AfricasTalkingTrigger/simSwap';
import { SANDBOX_CREDENTIALS } from './context.cjs';
import { receive, request } from './routingSteps.cjs';

describe('hosts of Insights, WhatsApp and Chat', () => {
	it('Insights has a sandbox host like every other product; WhatsApp and Chat share chat.africastalking.com', () => {
		expect(baseUrlForEnvironment(AT_BASE_URL.insights, 'live')).toBe('https://insights.africastalking.com');
		expect(baseUrlForEnvironment(AT_BASE_URL.insights, 'sandbox')).toBe('https://insights.sandbox.africastalking.com');
		expect(AT_BASE_URL.chat).toBe('https://chat.africastalking.com');
	});
});

describe('Insights → Check SIM Swap', () => {
	it('sends the numbers as a JSON array with the username, on the credential\'s host', async () => {
		const live = await request(checkSimSwap, { phoneNumbers: '+254711000001\n+254711000002' });
		expect([live.method, live.baseURL, live.url]).toEqual(['POST', 'https://insights.africastalking.com', '/v1/sim-swap']);
		expect(live.body).toEqual({ username: 'liveapp', phoneNumbers: ['+254711000001', '+254711000002'] });
		const sandbox = await request(checkSimSwap, { phoneNumbers: ['+254711000001'] }, SANDBOX_CREDENTIALS);
		expect(sandbox.baseURL).toBe('https://insights.sandbox.africastalking.com');
		expect(sandbox.body).toEqual({ username: 'sandbox', phoneNumbers: ['+254711000001'] });
	});

	it('reads the list by the rule every list of numbers follows: spaces inside a number are ignored (issue 27)', async () => {
		// SIM swap had its own splitter, which cut "+254 711 000 002" at its spaces ("Invalid phone number \"+254\"").
		const spaced = await request(checkSimSwap, { phoneNumbers: '+254711000001, +254 711 000 002' });
		expect(spaced.body).toEqual({ username: 'liveapp', phoneNumbers: ['+254711000001', '+254711000002'] });
		const dashed = await request(checkSimSwap, { phoneNumbers: '+254-711-000-001;+254 (711) 000002' });
		expect((dashed.body as { phoneNumbers: string[] }).phoneNumbers).toEqual(['+254711000001', '+254711000002']);
	});

	it('refuses a number not in E.164 and more numbers than one request takes, naming field and item', async () => {
		await expect(request(checkSimSwap, { phoneNumbers: '+254711000001, 0711000002' })).rejects.toThrow('Invalid phone number "0711000002" in "Phone Numbers" (item 2)');
		const many = Array.from({ length: checkSimSwap.SIM_SWAP_MAX_NUMBERS + 1 }, (_, i) => `+2547110${String(i).padStart(5, '0')}`);
		await expect(request(checkSimSwap, { phoneNumbers: many })).rejects.toThrow(`"Phone Numbers" holds 101 entries (item 2); Africa's Talking takes 1 to 100`);
		await expect(request(checkSimSwap, { phoneNumbers: '' })).rejects.toThrow('"Phone Numbers" is empty (item 2)');
	});

	const answer = (status = 'Queued') => ({
		transactionId: 'tx-1', status: 'Processed', totalCost: { amount: 10, currencyCode: 'KES' },
		responses: [
			{ phoneNumber: { carrierName: 'Safaricom', countryCode: 'KE', networkCode: '63902', number: '+254711000001', numberType: 'Mobile' }, status: 'Queued', requestId: 'ATSwpid_1', cost: { amount: 5, currencyCode: 'KES' } },
			{ phoneNumber: { carrierName: 'Airtel', countryCode: 'KE', networkCode: '63903', number: '+254733000002', numberType: 'Mobile' }, status, requestId: 'ATSwpid_2', cost: { amount: 5, currencyCode: 'KES' } },
		],
	});

	it('outputs one item per number with its request ID, status, cost and carrier fields', async () => {
		expect(await receive(checkSimSwap, answer())).toEqual([
			{ phoneNumber: '+254711000001', requestId: 'ATSwpid_1', status: 'Queued', cost: 5, currencyCode: 'KES', carrierName: 'Safaricom', countryCode: 'KE', networkCode: '63902', numberType: 'Mobile', transactionId: 'tx-1' },
			{ phoneNumber: '+254733000002', requestId: 'ATSwpid_2', status: 'Queued', cost: 5, currencyCode: 'KES', carrierName: 'Airtel', countryCode: 'KE', networkCode: '63903', numberType: 'Mobile', transactionId: 'tx-1' },
		]);
	});

	it('fails the item when a number was not queued, saying how many were; Continue On Fail marks that number', async () => {
		await expect(receive(checkSimSwap, answer('UnsupportedPhoneNumber'))).rejects.toThrow("Africa's Talking rejected 1 of 2 recipients: +254733000002: UnsupportedPhoneNumber");
		const items = await receive(checkSimSwap, answer('UnsupportedPhoneNumber'), { continueOnFail: true });
		expect(items.map((i) => (i as { error?: string }).error)).toEqual([undefined, '+254733000002: UnsupportedPhoneNumber']);
	});

	it('fails an answer without numbers with AT\'s reason', async () => {
		await expect(receive(checkSimSwap, { status: 'Failed', errorMessage: 'Insights is not enabled' })).rejects.toThrow("Africa's Talking did not check the SIM swap: Insights is not enabled");
	});
});

describe('trigger: SIM Swap Result', () => {
	const base = { requestId: 'ATSwpid_1', transactionId: 'tx-1', providerRefId: 'p-1' };

	it('reads DD-MM-YYYY dates as ISO dates, and only real calendar dates', () => {
		expect(isoDate('15-03-2026')).toBe('2026-03-15');
		expect(isoDate('31-02-2026')).toBeUndefined();
		expect(isoDate('2026-03-15')).toBeUndefined();
	});

	it('says "never swapped" for 01-01-1900, in words and as a flag, not only the raw value', () => {
		expect(simSwapResult({ ...base, status: 'NotSwapped', lastSimSwapDate: '01-01-1900' })).toMatchObject({
			status: 'NotSwapped', swapped: false, neverSwapped: true, lastSimSwapDate: '01-01-1900', lastSimSwapDateIso: undefined,
			lastSimSwapDescription: expect.stringMatching(/^Never swapped/),
		});
		expect(simSwapResult({ ...base, status: 'Swapped', lastSimSwapDate: '02-12-2026' })).toMatchObject({ swapped: true, neverSwapped: false, lastSimSwapDateIso: '2026-12-02' });
	});

	it('passes an unknown status on as sent, never dropped, and Failed without a date', () => {
		const unknown = readCallback('simSwapResult', 'json', { ...base, status: 'Pending' });
		expect(unknown).toEqual({
			output: expect.objectContaining({ event: 'simSwapResult', status: 'Pending', statusDescription: expect.stringContaining('passed on as sent'), dedupeKey: 'simswap:ATSwpid_1:Pending' }),
		});
		expect('output' in unknown && 'swapped' in unknown.output).toBe(false);
		const failed = readCallback('simSwapResult', 'form', { ...base, status: 'Failed' });
		expect(failed).toEqual({ output: expect.objectContaining({ status: 'Failed', statusDescription: 'The check failed: no result for this number' }) });
	});

	it('takes JSON and form, and refuses a body without requestId or status', () => {
		expect(EVENTS.simSwapResult.accepts).toEqual(['json', 'form']);
		expect(readCallback('simSwapResult', 'json', { status: 'Swapped' })).toEqual({ reason: 'Missing requestId for the SIM Swap Result event' });
		expect(readCallback('simSwapResult', 'json', { requestId: { a: 1 }, status: 'Swapped' })).toEqual({ reason: 'Unexpected value for requestId: expected text or a number' });
	});
});
