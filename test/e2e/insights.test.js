'use strict';
// Insights (SIM swap) in real n8n: the exact request the fake AT received for live and sandbox
// credentials, the items the node output, the checks made before anything is sent, the SIM Swap
// Result trigger event, and the "pay only if the SIM was not swapped" recipe.
const fs = require('node:fs');
const path = require('node:path');
const { useStack, LIVE } = require('./stack');
const { triggerWorkflow } = require('../harness/workflows');
const { nodeOutput } = require('../harness/n8n');
const { CALLBACKS, postCallback } = require('../fake-at/callbacks');
const { expectCase, expectRefusedItem } = require('./requestCases');

jest.setTimeout(240000);

const stack = useStack();

const SIM_SWAP = {
	name: 'Insights → Check SIM Swap',
	parameters: { resource: 'insight', operation: 'checkSimSwap', phoneNumbers: '+254711000001\n+256772000002' },
	request: { host: 'insights', path: '/v1/sim-swap', body: { phoneNumbers: ['+254711000001', '+256772000002'] } },
	sdk: (sdk) => sdk.INSIGHTS.checkSimSwapState(['+254711000001', '+256772000002']),
	output: (items) => expect(items).toEqual([
		{ phoneNumber: '+254711000001', requestId: 'ATSwpid_00000001', status: 'Queued', cost: 5, currencyCode: 'KES', carrierName: 'Safaricom', countryCode: 'KE', networkCode: '63902', numberType: 'Mobile', transactionId: 'ATTxid_00000003' },
		{ phoneNumber: '+256772000002', requestId: 'ATSwpid_00000002', status: 'Queued', cost: 5, currencyCode: 'KES', carrierName: 'MTN Uganda', countryCode: 'UG', networkCode: '64110', numberType: 'Mobile', transactionId: 'ATTxid_00000003' },
	]),
};

describe.each(['live', 'sandbox'])('Insights with a %s credential', (environment) => {
	it(SIM_SWAP.name, async () => expectCase(stack, environment, SIM_SWAP));
});

describe('bad input: refused before anything is sent, naming the field and the item', () => {
	const many = Array.from({ length: 101 }, (_, i) => `+2547110${String(i).padStart(5, '0')}`).join(',');
	it.each([
		['a SIM swap number not in E.164', { resource: 'insight', operation: 'checkSimSwap', phoneNumbers: '={{ $json.v }}' }, ['+254711000001', '+254711000001, 0711000002'], 'Invalid phone number "0711000002" in "Phone Numbers" (item 2)'],
		['more numbers than one check takes', { resource: 'insight', operation: 'checkSimSwap', phoneNumbers: '={{ $json.v }}' }, ['+254711000001', many], '"Phone Numbers" holds 101 entries (item 2); Africa\'s Talking takes 1 to 100'],
	])('%s', async (_what, parameters, values, message) => expectRefusedItem(stack, parameters, values, message));
});

describe('trigger: SIM Swap Result', () => {
	async function publish(protection) {
		const { workflow, path: webhookPath } = triggerWorkflow({ name: `sim swap ${Date.now()}`, parameters: { event: 'simSwapResult' }, protection });
		const created = await stack.n8n.createWorkflow(workflow, { activate: true });
		return { url: `${stack.n8n.url}/webhook/${webhookPath}`, id: created.id };
	}
	const outputs = async (workflowId, count) => {
		await stack.n8n.waitForExecutions(workflowId, count);
		const executions = (await stack.n8n.executions(workflowId)).sort((a, b) => Number(a.id) - Number(b.id));
		return executions.map((e) => nodeOutput(e, 'AT Trigger')[0].json);
	};

	it('starts the workflow with clean fields (JSON or form), passes an unknown status on, and refuses what is not a result', async () => {
		const wf = await publish();
		expect(await postCallback(wf.url, 'simSwapResult')).toMatchObject({ status: 200, text: 'OK' });
		expect((await postCallback(wf.url, 'simSwapResult', { status: 'Swapped', lastSimSwapDate: '28-11-2026', requestId: 'ATSwpid_2' }, { type: 'form' })).status).toBe(200);
		expect((await postCallback(wf.url, 'simSwapResult', { status: 'Pending', requestId: 'ATSwpid_3' })).status).toBe(200);
		const missing = await postCallback(wf.url, 'simSwapResult', { requestId: '' });
		expect([missing.status, missing.text]).toEqual([400, 'Missing requestId for the SIM Swap Result event']);
		const [never, swapped, unknown] = await outputs(wf.id, 3);
		expect(never).toMatchObject({
			event: 'simSwapResult', requestId: 'ATSwpid_00000001', status: 'NotSwapped', swapped: false, neverSwapped: true, lastSimSwapDate: '01-01-1900',
			transactionId: CALLBACKS.simSwapResult.body.transactionId, providerRefId: CALLBACKS.simSwapResult.body.providerRefId, dedupeKey: 'simswap:ATSwpid_00000001:NotSwapped',
		});
		expect(never.lastSimSwapDescription).toMatch(/^Never swapped/);
		expect(never.raw).toEqual(CALLBACKS.simSwapResult.body);
		expect(swapped).toMatchObject({ status: 'Swapped', swapped: true, neverSwapped: false, lastSimSwapDateIso: '2026-11-28' });
		expect(unknown).toMatchObject({ status: 'Pending', statusDescription: expect.stringContaining('passed on as sent') });
		expect(unknown.swapped).toBeUndefined();
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect(await stack.n8n.waitForExecutions(wf.id, 4, 1000)).toHaveLength(3);
	});

	it("is protected by the Africa's Talking Webhook credential like every event", async () => {
		const credential = await stack.n8n.createCredential({ name: `AT webhook ${Date.now()}`, type: 'africasTalkingWebhookApi', data: { secretToken: 'simswap-secret-token-0123456789' } });
		const wf = await publish(credential);
		expect((await postCallback(wf.url, 'simSwapResult')).status).toBe(401);
		expect((await postCallback(`${wf.url}?token=simswap-secret-token-0123456789`, 'simSwapResult')).status).toBe(200);
		expect(await outputs(wf.id, 1)).toHaveLength(1);
	});
});

describe('test/examples/sim-swap-payout.json (the README recipe), imported as a user would', () => {
	it('checks the SIM, then pays only when the result for that requestId says NotSwapped, once', async () => {
		const workflow = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'examples', 'sim-swap-payout.json'), 'utf8'));
		for (const n of workflow.nodes) if (n.credentials) n.credentials.africasTalkingApi = stack.credentials.live;
		const trigger = workflow.nodes.find((n) => n.type === 'n8n-nodes-africastalking.africasTalkingTrigger');
		const created = await stack.n8n.createWorkflow(workflow, { activate: true });
		const resultUrl = `${stack.n8n.url}/webhook/${trigger.webhookId}/webhook`;
		const b2c = () => stack.fake.requestsTo('/mobile/b2c/request');

		const ask = async (phoneNumber, amount) => {
			const answer = await stack.n8n.webhook('sim-swap-payout', { phoneNumber, amount, currencyCode: 'KES', name: 'Amina', reference: `INV-${amount}` });
			expect(answer.status).toBe(200);
			await new Promise((resolve) => setTimeout(resolve, 300));
			return answer.json[0];
		};
		const safe = await ask('+254711000001', 250);
		await stack.n8n.waitForExecutions(created.id, 1);
		const risky = await ask('+254711000002', 900);
		await stack.n8n.waitForExecutions(created.id, 2);
		expect(safe).toEqual({ requestId: 'ATSwpid_00000001', phoneNumber: '+254711000001', status: 'Waiting for the SIM swap result' });
		expect(stack.fake.requestsTo('/v1/sim-swap').map((r) => r.body.phoneNumbers)).toEqual([['+254711000001'], ['+254711000002']]);
		expect(b2c()).toHaveLength(0);

		// The results arrive in the other order, AT retries one of them, and one is not ours.
		const result = async (count, overrides) => {
			expect((await postCallback(resultUrl, 'simSwapResult', overrides)).status).toBe(200);
			await stack.n8n.waitForExecutions(created.id, count);
		};
		await result(3, { requestId: risky.requestId, status: 'Swapped', lastSimSwapDate: '01-12-2026' });
		await result(4, { requestId: safe.requestId, status: 'NotSwapped', lastSimSwapDate: '01-01-1900' });
		await result(5, { requestId: safe.requestId, status: 'NotSwapped', lastSimSwapDate: '01-01-1900' });
		await result(6, { requestId: 'ATSwpid_unknown', status: 'NotSwapped' });

		expect(b2c()).toHaveLength(1);
		expect(b2c()[0].body).toEqual({
			username: LIVE.username, productName: 'My Payouts',
			recipients: [{ phoneNumber: '+254711000001', currencyCode: 'KES', amount: 250, name: 'Amina', reason: 'BusinessPayment', metadata: { reference: 'INV-250', simSwapRequestId: safe.requestId } }],
		});
		expect(b2c()[0].headers['idempotency-key']).toBe(`payout-${safe.requestId}`);
		expect(stack.fake.acceptedCount('b2c', '+254711000002')).toBe(0);
		const executions = await stack.n8n.executions(created.id);
		expect(executions.map((e) => e.status)).toEqual(Array(6).fill('success'));
		const decisions = executions.filter((e) => e.data.resultData.runData['Find Payout']).map((e) => nodeOutput(e, 'Find Payout')[0].json.decision).sort();
		expect(decisions).toEqual([
			'No payout waits for this requestId (already handled, or not ours)',
			'No payout waits for this requestId (already handled, or not ours)',
			'Not paid: the SIM swap check said Swapped (last swap 2026-12-01)',
			'Not swapped: pay',
		]);

		// A retry that overlaps the first delivery reads the payout before it is marked done: the
		// Idempotency-Key (payout-<requestId>) makes AT refuse the second payment.
		const third = await ask('+254711000003', 120);
		await stack.n8n.waitForExecutions(created.id, 7);
		await Promise.all([1, 2].map(() => postCallback(resultUrl, 'simSwapResult', { requestId: third.requestId, status: 'NotSwapped' })));
		await stack.n8n.waitForExecutions(created.id, 9);
		expect(stack.fake.acceptedCount('b2c', '+254711000003')).toBe(1);
	});
});
