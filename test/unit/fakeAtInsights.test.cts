// The fake's Insights route: it must reject what AT (and AT's SDK) rejects.
import { LIVE, SANDBOX, post as postTo, useFake } from './fakeAtClient.cjs';

const holder = useFake();
const post = (host: string, path: string, body: Record<string, unknown>, account = LIVE) => postTo(holder.fake.port, host, path, body, account);

describe('fake AT: Insights', () => {
	it('queues each number with a request ID and its carrier, live and sandbox', async () => {
		for (const [host, account] of [['insights.africastalking.com', LIVE], ['insights.sandbox.africastalking.com', SANDBOX]] as const) {
			holder.fake.reset();
			const res = await post(host, '/v1/sim-swap', { phoneNumbers: ['+254711000001'] }, account);
			expect(res.status).toBe(200);
			expect(res.data).toMatchObject({ status: 'Processed', responses: [{ status: 'Queued', requestId: 'ATSwpid_00000001', phoneNumber: { number: '+254711000001', carrierName: 'Safaricom' } }] });
			expect(holder.fake.simSwapChecks.get('ATSwpid_00000001')).toBe('+254711000001');
		}
	});

	it('rejects a missing or empty list, and marks a bad number', async () => {
		expect((await post('insights.africastalking.com', '/v1/sim-swap', {})).data).toBe("Request is missing required field 'phoneNumbers'");
		expect((await post('insights.africastalking.com', '/v1/sim-swap', { phoneNumbers: [] })).status).toBe(400);
		const bad = await post('insights.africastalking.com', '/v1/sim-swap', { phoneNumbers: ['0711000001'] });
		expect(bad.data.responses[0]).toMatchObject({ status: 'InvalidPhoneNumber', requestId: 'None' });
	});
});
