'use strict';
// Did the campaign arrive? The four delivery-tracking recipes of test/examples in real n8n, with n8n's own Data
// Tables (created through n8n's REST API, as the editor creates them): a campaign stored one row
// per recipient, the fake AT's delivery reports (out of order, some twice, some before their row,
// some with a status or a reason AT never documents) stored once each, the campaign's report
// equal to what the fake sent, and one resend to the retryable only.
const { useStack } = require('./stack');
const { postCallback } = require('../fake-at/callbacks');
const { DEFAULT_MIX } = require('../fake-at/deliveryReports');
const { createDeliveryTables, importRecipe, runRecipe, outputOf, triggerUrl } = require('../harness/dataTables');

jest.setTimeout(600000);

const stack = useStack({ resetFakeBeforeEach: false });
const CAMPAIGN = 'test-campaign';
const MESSAGE = 'Our offices are closed on Monday. Karibu!';
const PHONES = Array.from({ length: 40 }, (_, i) => `+2547110${String(i).padStart(5, '0')}`);
const OPTED_OUT = PHONES[7];
// AT's usual mix, and often two reports AT never documents (a failure without a reason, an unknown status).
const MIX = [...DEFAULT_MIX, { status: 'Failed', weight: 25 }, { status: 'Teleported', weight: 25 }];

const recipe = (file, campaign) => importRecipe(file, { credential: stack.credentials.live, campaign });
const run = (file, campaign) => runRecipe(stack.n8n, recipe(file, campaign));

describe('delivery tracking recipes (n8n Data Tables)', () => {
	let reports;
	let triggerId;
	const sentIds = () => [...reports.reports.keys()];

	beforeAll(async () => {
		await createDeliveryTables(stack.n8n);
		const workflow = recipe('delivery-reports-into-campaign.json');
		triggerId = (await stack.n8n.createWorkflow(workflow, { activate: true })).id;
		reports = stack.fake.sendDeliveryReports({ url: triggerUrl(stack.n8n, workflow), mix: MIX, delayMs: [0, 400], duplicateRate: 0.3, inFlight: 10, seed: 11 });
		stack.fake.recipientStatus.set(OPTED_OUT, 406);
	});

	it('campaign-with-delivery-tracking.json stores one row per recipient: message ID, number, status or refusal reason, cost', async () => {
		const runData = await run('campaign-with-delivery-tracking.json', { campaign: CAMPAIGN, message: MESSAGE, rows: PHONES.map((phone) => ({ phone })) });
		const rows = outputOf(runData, 'One Row per Recipient');
		expect(rows.map((r) => r.phoneNumber)).toEqual(PHONES);
		const refused = rows.find((r) => r.phoneNumber === OPTED_OUT);
		expect(refused).toMatchObject({ campaign: CAMPAIGN, messageId: '', sendStatus: 'UserInBlacklist', cost: 0 });
		expect(refused.reason).toMatch(/UserInBlacklist \(406\)/);
		const sent = rows.filter((r) => r !== refused);
		expect(sent.every((r) => r.sendStatus === 'Sent' && r.cost === 0.8 && r.currency === 'KES' && r.reason === '')).toBe(true);
		expect(sent.map((r) => r.messageId).sort()).toEqual(sentIds().sort());
	});

	it('delivery-reports-into-campaign.json stores every report once, whatever its order, repeats or content', async () => {
		// Reports AT never documents, for messages of no campaign: recorded, never dropped.
		for (const overrides of [{ id: 'ATXid_stranger', status: 'Success', failureReason: '' }, { id: 'ATXid_stranger2', status: 'Failed', failureReason: '' }]) {
			expect((await postCallback(reports.url, 'deliveryReport', overrides)).status).toBe(200);
		}
		await reports.drained();
		expect(reports.lost).toEqual([]);
		expect(reports.duplicates).toBeGreaterThan(0);
		const posted = reports.reports.size + reports.duplicates + 2;
		const executions = await stack.n8n.waitForExecutions(triggerId, posted, 120000);
		expect(executions.filter((e) => e.status === 'success')).toHaveLength(posted);
	});

	it('campaign-report.json counts exactly what the fake sent: delivered, failed by reason, pending, unknown, unmatched, cost', async () => {
		const [report] = outputOf(await run('campaign-report.json', { campaign: CAMPAIGN }), 'Campaign Report');
		const expected = reports.expectedCounts(sentIds());
		expect(report).toMatchObject({
			campaign: CAMPAIGN, messages: PHONES.length, sent: PHONES.length - 1, refused: 1, resent: 0,
			delivered: expected.delivered, failed: expected.failed, pending: expected.pending, unknown: expected.unknown,
			refusedReasons: [{ reason: 'UserInBlacklist', count: 1 }], unknownStatuses: [{ reason: 'Teleported', count: expected.unknown }],
			cost: { KES: Math.round((PHONES.length - 1) * 0.8 * 100) / 100 }, unmatched: 2,
		});
		expect(Object.fromEntries(report.failureReasons.map((r) => [r.reason, r.count]))).toEqual(expected.failureReasons);
		expect(report.failureReasons.map((r) => r.count)).toEqual([...report.failureReasons.map((r) => r.count)].sort((a, b) => b - a));
		expect(report.failureReasons.some((r) => r.reason === 'unknown')).toBe(true);
		expect(report.deliveryRate).toBe(Math.round((expected.delivered / (PHONES.length - 1)) * 10000) / 100);
		expect(report.unmatchedMessageIds.sort()).toEqual(['ATXid_stranger', 'ATXid_stranger2']);
	});

	it('resend-to-retryable.json resends once, only to the retryable: never the delivered, the opted out or the unknown', async () => {
		const retryable = [...reports.reports.values()].filter((r) => ['DeliveryFailure', 'AbsentSubscriber'].includes(r.failureReason) || r.status === 'Expired').map((r) => r.phoneNumber);
		expect(retryable.length).toBeGreaterThan(0);
		const before = stack.fake.requests.length;
		const runData = await run('resend-to-retryable.json', { campaign: CAMPAIGN, message: MESSAGE });
		const resent = stack.fake.requests.slice(before).flatMap((r) => r.body.to.split(','));
		expect(resent.sort()).toEqual(retryable.sort());
		expect(outputOf(runData, 'One Row per Resend').every((row) => row.resendOf.startsWith('ATXid_') && row.campaign === CAMPAIGN)).toBe(true);
		await reports.drained();

		const again = stack.fake.requests.length;
		await run('resend-to-retryable.json', { campaign: CAMPAIGN, message: MESSAGE });
		expect(stack.fake.requests.length).toBe(again);

		const [report] = outputOf(await run('campaign-report.json', { campaign: CAMPAIGN }), 'Campaign Report');
		expect(report).toMatchObject({ messages: PHONES.length + retryable.length, resent: retryable.length });
	});
});
