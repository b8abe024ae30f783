import fc from 'fast-check';
import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData, INodePropertyOptions } from 'n8n-workflow';
import { judgeStatus, type StatusRule } from '../../nodes/common/statusRule';
import { CampaignSummary } from '../../nodes/common/summary';
import { throwIfEntriesFailed } from '../../nodes/AfricasTalking/shared/responses';
import { SMS_RECIPIENT_RULE, smsOutcome, smsRecipientsToItems } from '../../nodes/AfricasTalking/resources/sms/smsResponse';
import * as makeCall from '../../nodes/AfricasTalking/resources/voice/makeCall';
import * as uploadMedia from '../../nodes/AfricasTalking/resources/voice/uploadMedia';
import * as getQueueStatus from '../../nodes/AfricasTalking/resources/voice/getQueueStatus';
import * as transferCall from '../../nodes/AfricasTalking/resources/voice/transferCall';
import * as airtimeSend from '../../nodes/AfricasTalking/resources/airtime/send';
import * as airtimeStatus from '../../nodes/AfricasTalking/resources/airtime/getTransactionStatus';
import * as dataSend from '../../nodes/AfricasTalking/resources/mobileData/send';
import * as dataStatus from '../../nodes/AfricasTalking/resources/mobileData/getTransactionStatus';
import * as dataBalance from '../../nodes/AfricasTalking/resources/mobileData/getWalletBalance';
import * as mobileB2C from '../../nodes/AfricasTalking/resources/payment/mobileB2C';
import * as mobileB2B from '../../nodes/AfricasTalking/resources/payment/mobileB2B';
import * as mobileCheckout from '../../nodes/AfricasTalking/resources/payment/mobileCheckout';
import * as walletTransfer from '../../nodes/AfricasTalking/resources/payment/walletTransfer';
import * as topUpStash from '../../nodes/AfricasTalking/resources/payment/topUpStash';
import * as getTransaction from '../../nodes/AfricasTalking/resources/payment/getTransaction';
import { PAYMENT_QUERY_RULE } from '../../nodes/AfricasTalking/resources/payment/paymentRouting';
import * as checkSimSwap from '../../nodes/AfricasTalking/resources/insight/checkSimSwap';
import * as subscriptionCreate from '../../nodes/AfricasTalking/resources/premiumSubscription/create';
import * as subscriptionDelete from '../../nodes/AfricasTalking/resources/premiumSubscription/delete';
import * as subscriptionSafaricom from '../../nodes/AfricasTalking/resources/premiumSubscription/createSafaricom';
import * as checkoutToken from '../../nodes/AfricasTalking/resources/premiumSubscription/createCheckoutToken';
import * as whatsappSend from '../../nodes/AfricasTalking/resources/whatsapp/sendMessage';
import * as chatSend from '../../nodes/AfricasTalking/resources/chat/sendMessage';
import { CHAT_RULE } from '../../nodes/AfricasTalking/shared/chatApi';
import * as tntSend from '../../packages/talkntalk/nodes/TalkNTalk/resources/sms/send';
import * as tntSendBulk from '../../packages/talkntalk/nodes/TalkNTalk/resources/sms/sendBulk';
import { TALKNTALK_MESSAGE_RULE, talkNTalkOutcome } from '../../packages/talkntalk/nodes/TalkNTalk/resources/sms/smsResponse';
import { singleContext } from './context.cjs';

/**
 * Every reader of an Africa's Talking or TalkNTalk answer, fed AT-shaped bodies with documented
 * fields dropped, extra fields, numbers as strings, empty values and unknown status words: a
 * failure never passes as a success, a success never fails, an undocumented word is neither,
 * and no message says undefined, null or [object Object]. fast-check prints the seed and the
 * shrunk counterexample of any failure.
 */

type Step = (this: IExecuteSingleFunctions, items: INodeExecutionData[], response: IN8nHttpFullResponse) => Promise<INodeExecutionData[]>;

const BAD_TEXT = /undefined|\bnull\b|\[object Object\]|NaN/;

/** The answer through an operation's postReceive steps as n8n runs them (HTTP 200/201). */
async function receive(steps: Step[], body: unknown, continueOnFail: boolean, statusCode = 201): Promise<{ items?: IDataObject[]; error?: { message: string; description?: string | null } }> {
	const context = singleContext({ continueOnFail });
	let items: INodeExecutionData[] = [{ json: (body && typeof body === 'object' ? body : {}) as IDataObject }];
	try {
		for (const step of steps) items = await step.call(context, items, { statusCode, body: body as IN8nHttpFullResponse['body'], headers: {} });
		return { items: items.map((item) => item.json) };
	} catch (error) {
		if (error instanceof TypeError) throw error;
		return { error: error as { message: string; description?: string | null } };
	}
}

const stepsOf = (operation: { option: INodePropertyOptions }) => (operation.option.routing!.output!.postReceive ?? []) as unknown as Step[];

/** A word of the rule in any casing, with spaces around now and then; or a word nobody documented. */
function word(rule: StatusRule) {
	const casing = (w: string) => fc.constantFrom(w, w.toLowerCase(), w.toUpperCase(), ` ${w} `);
	return fc.oneof(
		fc.constantFrom(...rule.success).chain(casing).map((status) => ({ status, expected: 'success' as const })),
		fc.constantFrom(...rule.failure).chain(casing).map((status) => ({ status, expected: 'failure' as const })),
		fc.constantFrom('Pending', 'Scheduled', 'InProgress', 'Unknown42', 'ok?').map((status) => ({ status, expected: 'unknown' as const })),
	);
}

/** Fields AT might add or that an older AT left out: extra keys, numbers as strings, empty values. */
const extras = fc.dictionary(fc.constantFrom('extra', 'note', 'version', 'x-trace', 'requestId', 'description'), fc.oneof(fc.string({ maxLength: 8 }).filter((t) => !BAD_TEXT.test(t)), fc.integer(), fc.constant('')), { maxKeys: 3 });
const phone = fc.oneof(fc.constant('+254711000001'), fc.constant(''), fc.constant(254711000002));

function messagesOf(result: Awaited<ReturnType<typeof receive>>): string[] {
	const texts = [result.error?.message, result.error?.description ?? undefined];
	for (const item of result.items ?? []) texts.push(item.error as string | undefined, item.statusWarning as string | undefined);
	return texts.filter((t): t is string => typeof t === 'string');
}

interface EntryReader {
	name: string;
	steps: Step[];
	rule: StatusRule;
	/** The answer holding these entries. */
	body: (entries: IDataObject[]) => IDataObject;
	/** One entry with this status; `drop` leaves out the documented fields the generator picked. */
	entry: (status: string, phoneNumber: string | number, drop: string[]) => IDataObject;
}

const without = (json: IDataObject, drop: string[]) => Object.fromEntries(Object.entries(json).filter(([key]) => !drop.includes(key)));

const ENTRY_READERS: EntryReader[] = [
	{
		name: 'SMS Send (no statusCode: the word decides)',
		steps: [smsRecipientsToItems as Step, throwIfEntriesFailed as unknown as Step],
		rule: SMS_RECIPIENT_RULE,
		body: (Recipients) => ({ SMSMessageData: { Message: 'Sent to 1/1', Recipients } }),
		entry: (status, number, drop) => without({ status, number, messageId: 'ATXid_1', cost: 'KES 0.8000', messageParts: '1' }, drop),
	},
	{
		name: 'Voice Make Call',
		steps: stepsOf(makeCall).slice(1),
		rule: makeCall.CALL_RULE,
		body: (entries) => ({ entries, errorMessage: 'None' }),
		entry: (status, phoneNumber, drop) => without({ status, phoneNumber, sessionId: 'ATVId_1' }, drop),
	},
	{
		name: 'Airtime Send',
		steps: stepsOf(airtimeSend).slice(1),
		rule: airtimeSend.AIRTIME_RULE,
		body: (responses) => ({ errorMessage: 'None', numSent: '1', responses }),
		entry: (status, phoneNumber, drop) => without({ status, phoneNumber, amount: 'KES 10.0000', requestId: 'ATQid_1', errorMessage: 'None', discount: 'KES 0.4000' }, drop),
	},
	{
		name: 'Mobile Data Send',
		steps: stepsOf(dataSend).slice(1),
		rule: dataSend.DATA_RULE,
		body: (entries) => ({ entries }),
		entry: (status, phoneNumber, drop) => without({ status, phoneNumber, provider: 'Safaricom', value: '50MB', transactionId: 'ATPid_1' }, drop),
	},
	{
		name: 'Payment Mobile B2C',
		steps: stepsOf(mobileB2C).slice(1),
		rule: mobileB2C.B2C_RULE,
		body: (entries) => ({ numQueued: 1, totalValue: 'KES 10', entries }),
		entry: (status, phoneNumber, drop) => without({ status, phoneNumber, provider: 'Mpesa', value: 'KES 10', transactionId: 'ATPid_1', transactionFee: 'KES 0.1' }, drop),
	},
	{
		name: 'Insight Check SIM Swap',
		steps: stepsOf(checkSimSwap).slice(1),
		rule: checkSimSwap.SIM_SWAP_NUMBER_RULE,
		body: (responses) => ({ status: 'Processed', transactionId: 'tx', responses }),
		entry: (status, number, drop) => without({ status, requestId: 'ATSwpid_1', phoneNumber: { number, carrierName: 'Safaricom' }, cost: { amount: '5', currencyCode: 'KES' } }, drop),
	},
];

describe('every reader of answers with one entry per recipient', () => {
	for (const reader of ENTRY_READERS) {
		it(`${reader.name}: failures never pass, successes never fail, undocumented words are neither`, async () => {
			const entry = fc.record({
				judged: word(reader.rule),
				phoneNumber: phone,
				drop: fc.subarray(['messageId', 'cost', 'messageParts', 'sessionId', 'requestId', 'errorMessage', 'discount', 'amount', 'provider', 'value', 'transactionId', 'transactionFee']),
				extra: extras,
			});
			await fc.assert(
				fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 3 }), fc.boolean(), async (entries, continueOnFail) => {
					const body = reader.body(entries.map((e) => ({ ...e.extra, ...reader.entry(e.judged.status, e.phoneNumber, e.drop) })));
					const result = await receive(reader.steps, body, continueOnFail);
					const anyFailure = entries.some((e) => e.judged.expected === 'failure');
					for (const text of messagesOf(result)) expect(text).not.toMatch(BAD_TEXT);
					if (!continueOnFail && anyFailure) {
						expect(result.error).toBeDefined();
						return;
					}
					expect(result.error).toBeUndefined();
					const items = result.items!;
					expect(items).toHaveLength(entries.length);
					entries.forEach((e, index) => {
						const item = items[index];
						if (e.judged.expected === 'failure') {
							expect(item.error).toBeDefined();
							expect(item.success).not.toBe(true);
						} else expect(item.error).toBeUndefined();
						if (e.judged.expected === 'success') expect(item.statusWarning).toBeUndefined();
						if (e.judged.expected === 'unknown') {
							expect(item.statusWarning).toContain(e.judged.status.trim());
							expect(item.success).toBeUndefined();
						}
					});
				}),
			);
		});
	}
});

interface SingleReader {
	name: string;
	steps: Step[];
	rule: StatusRule;
	body: (status: string) => IDataObject | string;
}

const status = (status: string) => ({ status, description: 'As AT said', transactionId: 'ATPid_1' });

const SINGLE_READERS: SingleReader[] = [
	{ name: 'Voice Upload Media', steps: stepsOf(uploadMedia).slice(1), rule: uploadMedia.UPLOAD_MEDIA_RULE, body: (s) => s },
	{ name: 'Voice Get Queue Status', steps: stepsOf(getQueueStatus).slice(1), rule: getQueueStatus.QUEUE_STATUS_RULE, body: (s) => ({ status: s, entries: [{ phoneNumber: '+254711000001', queueName: 'q', numCalls: '2' }], errorMessage: 'None' }) },
	{ name: 'Voice Transfer Call', steps: stepsOf(transferCall).slice(1), rule: transferCall.TRANSFER_RULE, body: (s) => ({ callTransferResponse: { status: s, errorMessage: 'None' } }) },
	{ name: 'Airtime Get Transaction Status', steps: stepsOf(airtimeStatus).slice(1), rule: airtimeStatus.AIRTIME_STATUS_RULE, body: (s) => ({ ...status(s), data: { status: 'Success' } }) },
	{ name: 'Mobile Data Get Transaction Status', steps: stepsOf(dataStatus).slice(1), rule: dataStatus.DATA_STATUS_RULE, body: (s) => status(s) },
	{ name: 'Mobile Data Get Wallet Balance', steps: stepsOf(dataBalance).slice(1), rule: dataBalance.DATA_BALANCE_RULE, body: (s) => ({ status: s, balance: 'KES 100' }) },
	{ name: 'Payment Mobile Checkout', steps: stepsOf(mobileCheckout).slice(1), rule: mobileCheckout.CHECKOUT_RULE, body: status },
	{ name: 'Payment Mobile B2B', steps: stepsOf(mobileB2B).slice(1), rule: mobileB2B.B2B_RULE, body: status },
	{ name: 'Payment Wallet Transfer', steps: stepsOf(walletTransfer).slice(1), rule: walletTransfer.WALLET_TRANSFER_RULE, body: status },
	{ name: 'Payment Top Up Stash', steps: stepsOf(topUpStash).slice(1), rule: topUpStash.TOP_UP_RULE, body: status },
	{ name: 'Payment Get Transaction', steps: stepsOf(getTransaction).slice(1), rule: PAYMENT_QUERY_RULE, body: (s) => ({ status: s, data: { transactionId: 'x' } }) },
	{ name: 'Premium Subscription Create', steps: stepsOf(subscriptionCreate).slice(1), rule: subscriptionCreate.CREATE_SUBSCRIPTION_RULE, body: (s) => ({ status: s, description: 'Waiting for user input' }) },
	{ name: 'Premium Subscription Delete', steps: stepsOf(subscriptionDelete).slice(1), rule: subscriptionDelete.DELETE_SUBSCRIPTION_RULE, body: (s) => ({ status: s, description: 'Succeeded' }) },
	{ name: 'Premium Subscription Safaricom', steps: stepsOf(subscriptionSafaricom).slice(1), rule: subscriptionSafaricom.SAFARICOM_SUBSCRIPTION_RULE, body: (s) => ({ status: s, responseCode: '200', transactionId: 't' }) },
	{ name: 'Premium Create Checkout Token', steps: stepsOf(checkoutToken).slice(1), rule: checkoutToken.CHECKOUT_TOKEN_RULE, body: (s) => ({ description: s, token: 'CkTkn_1' }) },
	{ name: 'WhatsApp Send Message (no statusCode)', steps: stepsOf(whatsappSend).slice(1), rule: CHAT_RULE, body: (s) => ({ status: s, description: 'As AT said' }) },
	{ name: 'Chat Send Message (no statusCode)', steps: stepsOf(chatSend).slice(1), rule: CHAT_RULE, body: (s) => ({ status: s, messageId: 'm1' }) },
	{ name: 'TalkNTalk Send', steps: stepsOf(tntSend).slice(1), rule: TALKNTALK_MESSAGE_RULE, body: (s) => ({ id: 9041, mobile: '254712345678', status: s, sender_id: 'TALKNTALK' }) },
];

describe('every reader of answers with one outcome', () => {
	for (const reader of SINGLE_READERS) {
		it(`${reader.name}: failures never pass, successes never fail, undocumented words are neither`, async () => {
			await fc.assert(
				fc.asyncProperty(word(reader.rule), extras, fc.boolean(), async (judged, extra, continueOnFail) => {
					const made = reader.body(judged.status);
					const body = typeof made === 'string' ? made : { ...extra, ...made };
					const result = await receive(reader.steps, body, continueOnFail, 200);
					for (const text of messagesOf(result)) expect(text).not.toMatch(BAD_TEXT);
					const failed = result.error !== undefined || (result.items ?? []).some((item) => item.error !== undefined);
					expect(failed).toBe(judged.expected === 'failure');
					const warned = (result.items ?? []).some((item) => item.statusWarning !== undefined);
					expect(warned).toBe(judged.expected === 'unknown');
				}),
			);
		});
	}
});

describe('a statusCode decides when present (numbers as strings too)', () => {
	it('for SMS recipients and WhatsApp/Chat answers, whatever the word says', () => {
		fc.assert(
			fc.property(fc.constantFrom(SMS_RECIPIENT_RULE, CHAT_RULE), fc.integer({ min: 100, max: 599 }), fc.boolean(), fc.string({ maxLength: 10 }), (rule, code, asText, status) => {
				const judgement = judgeStatus(rule, { statusCode: asText ? String(code) : code, status });
				expect(judgement.verdict).toBe(code >= 400 ? 'failure' : 'success');
			}),
		);
	});

	it('never throws on any value where a status belongs', () => {
		fc.assert(
			fc.property(fc.anything(), fc.anything(), (statusCode, status) => {
				expect(['success', 'failure', 'unknown']).toContain(judgeStatus(SMS_RECIPIENT_RULE, { statusCode, status }).verdict);
			}),
		);
	});
});

describe('Summary counts by meaning', () => {
	it('SMS: sent, failed and unconfirmed add up, a success is never a failed recipient and the reverse', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(fc.record({ judged: word(SMS_RECIPIENT_RULE), withCode: fc.boolean() }), { minLength: 1, maxLength: 6 }), async (entries) => {
				const Recipients = entries.map((e, index) => ({
					number: `+25471100000${index}`,
					status: e.judged.status,
					messageId: `ATXid_${index}`,
					...(e.withCode && e.judged.expected !== 'unknown' ? { statusCode: e.judged.expected === 'success' ? 101 : 406 } : {}),
				}));
				const result = await receive([smsRecipientsToItems as Step], { SMSMessageData: { Message: 'x', Recipients } }, true);
				const summary = new CampaignSummary(true);
				for (const json of result.items!) summary.add(smsOutcome(json));
				const json = summary.toJson();
				const count = (expected: string) => entries.filter((e) => e.judged.expected === expected).length;
				expect(json.sent).toBe(count('success'));
				expect(json.failed).toBe(count('failure'));
				expect(json.unconfirmed ?? 0).toBe(count('unknown'));
				for (const failure of json.failedRecipients as IDataObject[]) expect(SMS_RECIPIENT_RULE.success.map((w) => w.toLowerCase())).not.toContain(String(failure.reason).trim().toLowerCase());
			}),
		);
	});

	it('TalkNTalk Send Bulk: results and errors, documented and undocumented words', async () => {
		const steps = stepsOf(tntSendBulk).slice(1);
		await fc.assert(
			fc.asyncProperty(fc.array(word(TALKNTALK_MESSAGE_RULE), { maxLength: 4 }), fc.array(fc.constantFrom('invalid_number', '', 'blacklisted'), { maxLength: 3 }), async (results, errors) => {
				fc.pre(results.length + errors.length > 0);
				const body = {
					queued: String(results.length),
					results: results.map((r, index) => ({ id: index, mobile: `25471200000${index}`, status: r.status })),
					errors: errors.map((error, index) => ({ mobile: 2547130000 + index, error, detail: error ? 'Refused' : '' })),
				};
				const result = await receive(steps, body, true, errors.length ? 207 : 201);
				const summary = new CampaignSummary();
				for (const json of result.items!) summary.add(talkNTalkOutcome(json));
				const json = summary.toJson();
				expect(json.failed).toBe(errors.length + results.filter((r) => r.expected === 'failure').length);
				expect(json.sent).toBe(results.filter((r) => r.expected === 'success').length);
				expect(json.unconfirmed ?? 0).toBe(results.filter((r) => r.expected === 'unknown').length);
				for (const failure of json.failedRecipients as IDataObject[]) expect(String(failure.reason)).not.toMatch(BAD_TEXT);
			}),
		);
	});
});

describe('the defects of issue 31', () => {
	const answer = (recipient: IDataObject) => ({ statusCode: 201, body: { SMSMessageData: { Message: 'Sent to 1/1', Recipients: [{ number: '+254711000001', ...recipient }] } }, headers: {} }) as unknown as IN8nHttpFullResponse;

	it('an SMS recipient {status: "Success", messageId} without statusCode is sent, in the item and in Summary', async () => {
		const items = await smsRecipientsToItems.call(singleContext(), [], answer({ status: 'Success', messageId: '1002' }));
		expect(items[0].json).toEqual({ number: '+254711000001', status: 'Success', statusName: 'Success', success: true, messageId: '1002' });
		const summary = new CampaignSummary(true);
		summary.add(smsOutcome(items[0].json));
		expect(summary.toJson()).toMatchObject({ sent: 1, failed: 0, failedRecipients: [], messageIds: [{ recipient: '+254711000001', messageId: '1002' }] });
	});

	it('an SMS recipient {status: "Failed"} without statusCode fails the item', async () => {
		const items = await smsRecipientsToItems.call(singleContext(), [], answer({ status: 'Failed' }));
		expect(items[0].json).toMatchObject({ success: false, error: '+254711000001: Failed' });
		await expect(throwIfEntriesFailed.call(singleContext(), items)).rejects.toThrow("Africa's Talking rejected 1 of 1 recipients: +254711000001: Failed");
	});

	it('an undocumented status is neither: kept as it came, counted under its own name, never called sent or failed', async () => {
		const items = await smsRecipientsToItems.call(singleContext(), [], answer({ status: 'Pending', messageId: 'ATXid_9' }));
		expect(items[0].json.success).toBeUndefined();
		expect(items[0].json.status).toBe('Pending');
		expect(items[0].json.statusWarning).toMatch(/"Pending", which its documentation does not list/);
		const summary = new CampaignSummary();
		summary.add(smsOutcome(items[0].json));
		expect(summary.toJson()).toMatchObject({ recipients: 1, sent: 0, failed: 0, unconfirmed: 1, byStatus: { Pending: 1 }, unconfirmedRecipients: [{ recipient: '+254711000001', status: 'Pending', messageId: 'ATXid_9' }] });
	});
});

describe('error items say what to check in both modes (issue 31)', () => {
	const OPERATIONS = [
		{ name: "Africa's Talking Airtime Send", steps: stepsOf(airtimeSend), body: 'The supplied authentication is invalid' },
		{ name: 'TalkNTalk Send', steps: stepsOf(tntSend), body: { detail: 'Request was throttled. Expected available in 60 seconds.' } },
	];
	for (const operation of OPERATIONS) {
		for (const statusCode of [401, 429, 500]) {
			it(`${operation.name}: a ${statusCode} gives the same message and description with Continue as with Stop Workflow`, async () => {
				const stop = await receive(operation.steps, operation.body, false, statusCode);
				const lenient = await receive(operation.steps, operation.body, true, statusCode);
				expect(stop.error?.description).toMatch(/\w/);
				expect(lenient.items).toEqual([{ error: stop.error!.message, description: stop.error!.description }]);
			});
		}
	}
});

describe('the Errors tables say what the rules do', () => {
	const fs = require('node:fs') as typeof import('node:fs');
	const path = require('node:path') as typeof import('node:path');
	const table = (file: string) => fs.readFileSync(path.join(__dirname, '..', '..', file), 'utf8').split('\n').filter((line) => line.startsWith('| '));
	const RULES: Array<[string, StatusRule]> = [
		...[
			SMS_RECIPIENT_RULE, makeCall.CALL_RULE, uploadMedia.UPLOAD_MEDIA_RULE, getQueueStatus.QUEUE_STATUS_RULE, transferCall.TRANSFER_RULE, airtimeSend.AIRTIME_RULE,
			airtimeStatus.AIRTIME_STATUS_RULE, dataSend.DATA_RULE, dataStatus.DATA_STATUS_RULE, dataBalance.DATA_BALANCE_RULE, mobileCheckout.CHECKOUT_RULE, mobileB2C.B2C_RULE,
			mobileB2B.B2B_RULE, walletTransfer.WALLET_TRANSFER_RULE, topUpStash.TOP_UP_RULE, PAYMENT_QUERY_RULE, subscriptionCreate.CREATE_SUBSCRIPTION_RULE,
			subscriptionDelete.DELETE_SUBSCRIPTION_RULE, subscriptionSafaricom.SAFARICOM_SUBSCRIPTION_RULE, checkoutToken.CHECKOUT_TOKEN_RULE, checkSimSwap.SIM_SWAP_RULE,
			checkSimSwap.SIM_SWAP_NUMBER_RULE, CHAT_RULE,
		].map((rule): [string, StatusRule] => ['docs/operations.md', rule]),
		['packages/talkntalk/docs/operations.md', TALKNTALK_MESSAGE_RULE],
	];
	it.each(RULES.map(([file, rule]) => [rule.answer, file, rule] as const))('%s: its row names the deciding field and every word (%s)', (answer, file, rule) => {
		const row = table(file).find((line) => line.split('|')[1].includes(answer));
		expect(row).toBeDefined();
		const [, , decides, success, failure] = row!.split('|');
		expect(decides).toContain(`\`${rule.statusField}\``);
		if (rule.codeField) expect(decides).toContain(`\`${rule.codeField}\``);
		for (const word of rule.success) expect(success).toContain(`\`${word}\``);
		for (const word of rule.failure) expect(failure).toContain(`\`${word}\``);
	});
});
