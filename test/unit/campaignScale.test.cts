import { NodeApiError, type DeclarativeRestApiSettings, type IDataObject, type IExecutePaginationFunctions, type INodeExecutionData } from 'n8n-workflow';
import { sendSms, sendSmsInChunks } from '../../nodes/AfricasTalking/resources/sms/smsCampaign';
import { smsRecipientsToItems } from '../../nodes/AfricasTalking/resources/sms/smsResponse';
import { description as smsSendDescription, option as smsSendOption } from '../../nodes/AfricasTalking/resources/sms/send';
import { Limiter } from '../../nodes/common/limiter';
import { CampaignSummary } from '../../nodes/common/summary';
import { encodeFormValue, decodeFormValue } from '../../nodes/common/values';
import { phoneListText } from '../../nodes/AfricasTalking/shared/phoneNumbers';
import { NODE, LIVE_CREDENTIALS } from './context.cjs';
import { BULK_CAMPAIGN, sendInTalkNTalkChunks } from '../../packages/talkntalk/nodes/TalkNTalk/resources/sms/smsCampaign';

interface Call {
	to: string[];
	message: string;
	baseURL?: string;
}

/** AT's answer to one messaging request: numbers in `rejected` get 403, the others are sent at 0.8 KES. */
type Answer = (call: Call, index: number) => Promise<IDataObject>;

const atAnswer =
	(rejected: string[] = [], delayMs = 2): Answer =>
	async ({ to }) => {
		await new Promise((resolve) => setTimeout(resolve, delayMs));
		return {
			SMSMessageData: {
				Message: 'Sent',
				Recipients: to.map((number, i) =>
					rejected.includes(number)
						? { number, statusCode: 403, status: 'InvalidPhoneNumber', cost: '0', messageId: 'None' }
						: { number, statusCode: 101, status: 'Success', cost: 'KES 0.8000', messageId: `ATXid_${number}_${i}`, messageParts: 1 },
				),
			},
		};
	};

interface RunOptions {
	parameters?: Record<string, unknown>;
	continueOnFail?: boolean;
	executionId?: string;
	credentialId?: string;
	itemIndex?: number;
	/** The input item's JSON (lists read by field name). */
	item?: IDataObject;
}

/** A pagination context for one item: makeRoutingRequest answers like AT and runs the real output shaping. */
function context(answer: Answer, run: RunOptions = {}, stats = { inFlight: 0, maxInFlight: 0 }) {
	const calls: Call[] = [];
	const parameters: Record<string, unknown> = { options: {}, ...run.parameters };
	const node = { ...NODE, credentials: { africasTalkingApi: { id: run.credentialId ?? 'cred-1', name: 'AT' } } };
	const ctx = {
		getNodeParameter: (name: string, fallback?: unknown) => (parameters[name] === undefined ? fallback : parameters[name]),
		getCredentials: async () => LIVE_CREDENTIALS,
		getExecutionId: () => run.executionId ?? 'e1',
		getNode: () => node,
		getItemIndex: () => run.itemIndex ?? 0,
		getInputData: () => ({ json: run.item ?? {} }),
		continueOnFail: () => run.continueOnFail ?? false,
		makeRoutingRequest: async (requestData: DeclarativeRestApiSettings.ResultOptions): Promise<INodeExecutionData[]> => {
			const form = new URLSearchParams(requestData.options.body as string);
			const call = { to: (form.get('to') ?? '').split(','), message: form.get('message') ?? '', baseURL: requestData.options.baseURL };
			calls.push(call);
			stats.inFlight += 1;
			stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
			try {
				const body = await answer(call, calls.length);
				return await smsRecipientsToItems.call(ctx as never, [], { body, statusCode: 201, headers: {} });
			} finally {
				stats.inFlight -= 1;
			}
		},
	} as unknown as IExecutePaginationFunctions;
	return { ctx, calls, stats };
}

function request(fields: Record<string, string>, baseURL = 'https://api.africastalking.com'): DeclarativeRestApiSettings.ResultOptions {
	const body = Object.entries({ username: 'liveapp', bulkSMSMode: '1', ...fields })
		.map(([key, value]) => `${key}=${encodeFormValue(value)}`)
		.join('&');
	return { options: { url: '/version1/messaging', method: 'POST', baseURL, body }, preSend: [], postReceive: [], requestOperations: {} } as unknown as DeclarativeRestApiSettings.ResultOptions;
}

const numbers = (n: number, offset = 0) => Array.from({ length: n }, (_, i) => `+2547${String(offset + i).padStart(8, '0')}`);
const listOf = (phones: string[], message = (i: number) => `Hi customer ${i}`) => phones.map((to, i) => ({ to, message: message(i) }));

describe('Summary output', () => {
	it('gives one item per input item with counts by status, total cost and message IDs only when asked for', async () => {
		const list = numbers(2500);
		const plain = context(atAnswer(), { parameters: { output: 'summary', options: { batchSize: 1000 } } });
		const [summary, ...rest] = await sendSmsInChunks.call(plain.ctx, request({ to: list.join(','), message: 'Flash sale' }));
		expect(rest).toEqual([]);
		expect(plain.calls.map((c) => c.to.length)).toEqual([1000, 1000, 500]);
		expect(summary.pairedItem).toEqual({ item: 0 });
		expect(summary.json).toEqual({ recipients: 2500, sent: 2500, failed: 0, byStatus: { Sent: 2500 }, totalCost: { KES: 2000 }, failedRecipients: [] });

		const withIds = context(atAnswer(), { parameters: { output: 'summary', includeMessageIds: true } });
		const [detailed] = await sendSmsInChunks.call(withIds.ctx, request({ to: list.slice(0, 3).join(','), message: 'x' }));
		expect(detailed.json.messageIds).toEqual(list.slice(0, 3).map((recipient, i) => ({ recipient, messageId: `ATXid_${recipient}_${i}` })));
	});

	it('lists every rejected recipient with its reason under Continue On Fail, and otherwise fails saying what was accepted', async () => {
		const list = numbers(12);
		const rejected = list.filter((_, i) => i % 2 === 0);
		const lenient = context(atAnswer(rejected), { parameters: { output: 'summary', options: { batchSize: 5 } }, continueOnFail: true });
		const [summary] = await sendSmsInChunks.call(lenient.ctx, request({ to: list.join(','), message: 'x' }));
		expect(summary.json).toMatchObject({ recipients: 12, sent: 6, failed: 6, byStatus: { Sent: 6, InvalidPhoneNumber: 6 }, totalCost: { KES: 4.8 } });
		expect(summary.json.failedRecipients).toEqual(
			rejected.map((recipient) => ({ recipient, status: 'InvalidPhoneNumber', reason: 'InvalidPhoneNumber (403). The number is not a valid mobile number.' })),
		);
		const strict = context(atAnswer(rejected), { parameters: { output: 'summary' } });
		await expect(sendSmsInChunks.call(strict.ctx, request({ to: list.join(','), message: 'x' }))).rejects.toThrow(
			`Africa's Talking rejected 6 of 12 recipients: ${rejected[0]}: InvalidPhoneNumber (403)`,
		);
	});

	it('counts a request that failed after its retries as failed recipients, never dropped', async () => {
		const list = numbers(4);
		const { ctx } = context(
			async (call, index) => {
				if (index === 1) throw new NodeApiError(NODE, { message: 'bad' }, { message: 'HTTP 400', httpCode: '400' });
				return await atAnswer()(call, index);
			},
			{ parameters: { output: 'summary', options: { batchSize: 2, maxConcurrency: 1 } }, continueOnFail: true },
		);
		const [summary] = await sendSmsInChunks.call(ctx, request({ to: list.join(','), message: 'x' }));
		expect(summary.json).toMatchObject({ recipients: 4, sent: 2, failed: 2, byStatus: { Sent: 2, RequestFailed: 2 } });
		expect((summary.json.failedRecipients as IDataObject[]).map((f) => f.recipient)).toEqual(list.slice(0, 2));
	});

	it('lists failed recipients and message IDs in input order, whatever order the chunks answer in', () => {
		const summary = new CampaignSummary(true);
		summary.add({ recipient: 'c', verdict: 'success', status: 'Sent', messageId: 'm3' }, 1);
		summary.add({ recipient: 'd', verdict: 'failure', status: 'UserInBlacklist' }, 1);
		summary.add({ recipient: 'a', verdict: 'success', status: 'Sent', messageId: 'm1' }, 0);
		summary.add({ recipient: 'b', verdict: 'failure', status: 'InvalidPhoneNumber' }, 0);
		const json = summary.toJson();
		expect((json.messageIds as IDataObject[]).map((m) => m.recipient)).toEqual(['a', 'c']);
		expect((json.failedRecipients as IDataObject[]).map((f) => f.recipient)).toEqual(['b', 'd']);
		expect(summary.firstFailures(1)).toEqual([{ recipient: 'b', status: 'InvalidPhoneNumber', reason: 'InvalidPhoneNumber' }]);
	});

	it('adds costs exactly, per currency', () => {
		const summary = new CampaignSummary();
		for (let i = 0; i < 100000; i++) summary.add({ recipient: 'x', verdict: 'success', status: 'Sent', cost: { currency: 'KES', amount: 0.8 } });
		summary.add({ recipient: 'y', verdict: 'success', status: 'Sent', cost: { currency: 'UGX', amount: 25 } });
		expect(summary.toJson().totalCost).toEqual({ KES: 80000, UGX: 25 });
	});
});

describe('personalised list (Message List)', () => {
	const listRun = (list: unknown, extra: IDataObject = {}, run: RunOptions = {}) =>
		context(atAnswer(), { ...run, parameters: { messageMode: 'list', messageListSource: 'parameter', messageList: list, ...extra } });

	it('sends each entry its own message, outputs one item per entry in list order, linked to the item', async () => {
		const list = listOf(numbers(30));
		const { ctx, calls } = listRun(list, { options: { maxConcurrency: 4 } }, { itemIndex: 3 });
		const items = await sendSms.call(ctx, request({}));
		expect(calls.map((c) => [c.to, c.message]).sort()).toEqual(list.map((e) => [[e.to], e.message]).sort());
		expect(items.map((i) => i.json.number)).toEqual(list.map((e) => e.to));
		expect(items.every((i) => (i.pairedItem as { item: number }).item === 3)).toBe(true);
	});

	it('puts neighbouring entries with the same text in one request, up to Recipients per Request', async () => {
		const phones = numbers(7);
		const list = listOf(phones, (i) => (i < 5 ? 'Same' : `Own ${i}`));
		const { ctx, calls } = listRun(list, { options: { batchSize: 3, maxConcurrency: 1 } });
		const items = await sendSms.call(ctx, request({}));
		expect(calls.map((c) => [c.to.length, c.message])).toEqual([[3, 'Same'], [2, 'Same'], [1, 'Own 5'], [1, 'Own 6']]);
		expect(items.map((i) => i.json.number)).toEqual(phones);
	});

	it('takes the list as JSON text too, and gives the Summary', async () => {
		const list = listOf(numbers(5));
		const { ctx } = listRun(JSON.stringify(list), { output: 'summary' });
		const [summary] = await sendSms.call(ctx, request({}));
		expect(summary.json).toMatchObject({ recipients: 5, sent: 5, failed: 0 });
	});

	it.each([
		[{ to: '0711000001', message: 'Hi' }, 'Invalid phone number "0711000001" in "Message List[2].to" (item 1)'],
		[{ message: 'Hi' }, '"Message List[2].to" is missing (entry 3 of 5, item 1)'],
		[{ to: '+254711000001', message: '  ' }, '"Message List[2].message" is empty (entry 3 of 5, item 1)'],
		[{ to: '+254711000001' }, '"Message List[2].message" is empty (entry 3 of 5, item 1)'],
		[{ to: '+254711000001', message: { text: 'Hi' } }, '"Message List[2].message" must be text, got an object (entry 3 of 5, item 1)'],
		['+254711000001', '"Message List[2]" is "+254711000001", not { to, message } (entry 3 of 5, item 1)'],
	])('refuses a bad entry before anything is sent, naming its index and field: %j', async (bad, message) => {
		const list: unknown[] = listOf(numbers(5));
		list[2] = bad;
		const { ctx, calls } = listRun(list);
		await expect(sendSms.call(ctx, request({}))).rejects.toThrow(message);
		expect(calls).toHaveLength(0);
	});

	it('fails fast on one bad entry in a list of a million', async () => {
		const list = listOf(numbers(1000000), () => 'Hi');
		list[999999] = { to: '+2547', message: 'Hi' };
		const { ctx, calls } = listRun(list);
		const started = Date.now();
		await expect(sendSms.call(ctx, request({}))).rejects.toThrow('"Message List[999999].to"');
		expect(calls).toHaveLength(0);
		expect(Date.now() - started).toBeLessThan(20000);
	});

	it('refuses a list that is not a list, or empty', async () => {
		await expect(sendSms.call(listRun({ to: '+254711000001' }).ctx, request({}))).rejects.toThrow('"Message List" must be a list of { to, message }, got an object');
		await expect(sendSms.call(listRun([]).ctx, request({}))).rejects.toThrow('got an empty list');
		await expect(sendSms.call(listRun('[{"to": ').ctx, request({}))).rejects.toThrow('"Message List" is not valid JSON');
	});

	it('with Continue On Fail, a bad entry becomes an error item in its place and the rest are sent', async () => {
		const phones = numbers(4);
		const list: IDataObject[] = listOf(phones);
		list[1] = { to: phones[1], message: '' };
		const { ctx, calls } = listRun(list, {}, { continueOnFail: true });
		const items = await sendSms.call(ctx, request({}));
		expect(calls.map((c) => c.to[0]).sort()).toEqual([phones[0], phones[2], phones[3]]);
		expect(items.map((i) => [i.json.number, i.json.statusName])).toEqual([
			[phones[0], 'Sent'],
			[phones[1], 'Refused'],
			[phones[2], 'Sent'],
			[phones[3], 'Sent'],
		]);
		expect(items[1].json.error).toBe('"Message List[1].message" is empty (entry 2 of 4, item 1). Nothing was sent to Africa\'s Talking.');

		const summarised = listRun(list, { output: 'summary' }, { continueOnFail: true });
		const [summary] = await sendSms.call(summarised.ctx, request({}));
		expect(summary.json).toMatchObject({ recipients: 4, sent: 3, failed: 1, byStatus: { Sent: 3, Refused: 1 } });
		expect(summary.json.failedRecipients).toEqual([{ recipient: phones[1], status: 'Refused', reason: '"Message List[1].message" is empty (entry 2 of 4, item 1). Nothing was sent to Africa\'s Talking.' }]);
	});
});

describe('personalised list from a field of the input item (the default)', () => {
	const fieldRun = (item: IDataObject, extra: IDataObject = {}) =>
		context(atAnswer(), { itemIndex: 1, item, parameters: { messageMode: 'list', messageListSource: 'field', messageListField: 'messages', ...extra } });

	it('is the default of new nodes, reading the field "messages"', () => {
		const fields = smsSendDescription.filter((f) => f.name.startsWith('messageList'));
		expect(fields.map((f) => [f.name, f.default])).toEqual([
			['messageListSource', 'field'],
			['messageListField', 'messages'],
			['messageList', expect.any(String)],
		]);
	});

	it('sends the list the item holds, never asking n8n for the Message List parameter (no expression)', async () => {
		const list = listOf(numbers(6));
		const { ctx, calls } = fieldRun({ data: { messages: list } }, { messageListField: 'data.messages' });
		const asked: string[] = [];
		const getNodeParameter = ctx.getNodeParameter.bind(ctx);
		(ctx as unknown as { getNodeParameter: unknown }).getNodeParameter = (name: string, fallback?: unknown) => (asked.push(name), getNodeParameter(name, fallback as never));
		const items = await sendSms.call(ctx, request({}));
		expect(items.map((i) => i.json.number)).toEqual(list.map((e) => e.to));
		expect(calls).toHaveLength(6);
		expect(asked).not.toContain('messageList');
	});

	it('refuses a bad entry, a missing field and a field that is not a list, naming field, entry and item, before sending', async () => {
		const list: unknown[] = listOf(numbers(5));
		list[2] = { message: 'Hi' };
		const bad = fieldRun({ messages: list });
		await expect(sendSms.call(bad.ctx, request({}))).rejects.toThrow('"messages[2].to" is missing (entry 3 of 5, item 2). Nothing was sent to Africa\'s Talking.');
		// As n8n runs it: through the operation's pagination step, which marks the node's own refusals.
		const sendAsRouted = smsSendOption.routing!.operations!.pagination as typeof sendSms;
		const missing = fieldRun({ message: list });
		await expect(sendAsRouted.call(missing.ctx, request({}))).rejects.toThrow('The input item has no field "messages" (item 2). Nothing was sent to Africa\'s Talking.');
		const notList = fieldRun({ messages: 42 });
		await expect(sendSms.call(notList.ctx, request({}))).rejects.toThrow('"messages" must be a list of { to, message }, got 42 (item 2)');
		expect([bad, missing, notList].flatMap((run) => run.calls)).toHaveLength(0);
	});
});

describe('limits shared per account (credential and host) within the process', () => {
	it('keeps runs of one account together under the limit they set', async () => {
		const stats = { inFlight: 0, maxInFlight: 0 };
		const runs = ['e1', 'e2', 'e3', 'e4'].map((executionId) =>
			context(atAnswer([], 5), { executionId, parameters: { messageMode: 'list', messageListSource: 'parameter', messageList: listOf(numbers(40)), options: { maxConcurrency: 3 } } }, stats),
		);
		await Promise.all(runs.map(({ ctx }) => sendSms.call(ctx, request({}))));
		expect(stats.maxInFlight).toBe(3);
	});

	it('lets a run add no more than its own setting to what the account has in flight', async () => {
		const stats = { inFlight: 0, maxInFlight: 0 };
		const wide = context(atAnswer([], 5), { executionId: 'a', parameters: { messageMode: 'list', messageListSource: 'parameter', messageList: listOf(numbers(60)), options: { maxConcurrency: 6 } } }, stats);
		let narrowMax = 0;
		const narrow = context(
			async (call, index) => {
				narrowMax = Math.max(narrowMax, stats.inFlight);
				return await atAnswer([], 5)(call, index);
			},
			{ executionId: 'b', parameters: { messageMode: 'list', messageListSource: 'parameter', messageList: listOf(numbers(20, 100)), options: { maxConcurrency: 2 } } },
			stats,
		);
		await Promise.all([sendSms.call(wide.ctx, request({})), sendSms.call(narrow.ctx, request({}))]);
		expect(stats.maxInFlight).toBeLessThanOrEqual(6);
		// A request of the narrow run starts only while fewer than 2 are in flight (itself then counted).
		expect(narrowMax).toBeLessThanOrEqual(2);
	});

	it('keeps other credentials and other hosts apart', async () => {
		const stats = { inFlight: 0, maxInFlight: 0 };
		const send = (credentialId: string, baseURL: string) =>
			sendSmsInChunks.call(
				context(atAnswer([], 10), { credentialId, parameters: { options: { batchSize: 1, maxConcurrency: 2 } } }, stats).ctx,
				request({ to: numbers(10).join(','), message: 'x' }, baseURL),
			);
		await Promise.all([send('a', 'https://api.africastalking.com'), send('b', 'https://api.africastalking.com'), send('a', 'https://content.africastalking.com')]);
		expect(stats.maxInFlight).toBe(6);
	});

	it('spaces requests out by the per-second setting across runs', async () => {
		const limiter = new Limiter();
		const starts: number[] = [];
		const task = async () => {
			starts.push(Date.now());
		};
		await Promise.all(Array.from({ length: 6 }, () => limiter.run({ maxConcurrency: 0, maxPerSecond: 20 }, task)));
		expect(starts[5] - starts[0]).toBeGreaterThanOrEqual(5 * 50 - 5);
	});
});

describe('form values', () => {
	it('encodes exactly as URLSearchParams does, and decodes back', () => {
		const samples = ["a b+c", "!'()~*-._", 'héllo 😀 €', 'x\uD800y', 'a&b=c%d', '\n\t', ...Array.from({ length: 256 }, (_, i) => String.fromCharCode(i))];
		for (const sample of samples) expect(encodeFormValue(sample)).toBe(new URLSearchParams([['k', sample]]).toString().slice(2));
		expect(decodeFormValue(encodeFormValue('Hi Amina, 20% off! 😀'))).toBe('Hi Amina, 20% off! 😀');
	});

	it('checks a phone list given as text or array and joins it the way AT takes it', () => {
		expect(phoneListText(NODE, '+254711000001,+254711000002', 'Recipients', 0)).toBe('+254711000001,+254711000002');
		expect(phoneListText(NODE, ' +254711000001;\n+254711000002 ,', 'Recipients', 0)).toBe('+254711000001,+254711000002');
		expect(phoneListText(NODE, ['+254711000001', ['+254711000002, +254711000003']], 'Recipients', 0)).toBe('+254711000001,+254711000002,+254711000003');
		expect(() => phoneListText(NODE, '+254711000001,0711000002', 'Recipients', 1)).toThrow('Invalid phone number "0711000002" in "Recipients" (item 2)');
		expect(() => phoneListText(NODE, [' ', ','], 'Recipients', 0)).toThrow('"Recipients" is empty (item 1)');
	});
});

describe("TalkNTalk's Send Bulk with the Summary output", () => {
	it('folds queued and failed recipients into one summary, failing the item unless it continues on fail', async () => {
		const mobiles = ['254711000001', '254711000002', '254711000003'];
		const answer = async (requestData: DeclarativeRestApiSettings.ResultOptions): Promise<INodeExecutionData[]> =>
			((requestData.options.body as IDataObject).recipients as string[]).map((mobile, i) => ({
				json: mobile === mobiles[1] ? { mobile, status: 'failed', error: 'invalid_mobile', detail: 'Not a Kenyan mobile' } : { id: 100 + i, mobile, status: 'queued' },
			}));
		const tntContext = (continueOnFail: boolean) =>
			({
				getNodeParameter: (name: string, fallback?: unknown) =>
					({ output: 'summary', includeMessageIds: true, options: { batchSize: 2 }, 'options.maxPerMinute': 0 } as Record<string, unknown>)[name] ?? fallback,
				getCredentials: async () => ({ apiKey: 'tnt-secret-key' }),
				getNode: () => ({ ...NODE, credentials: { talkNTalkApi: { id: 't1', name: 'TnT' } } }),
				getItemIndex: () => 0,
				continueOnFail: () => continueOnFail,
				makeRoutingRequest: answer,
			}) as unknown as IExecutePaginationFunctions;
		const requestData = { options: { url: '/sms/send-bulk/', baseURL: 'https://api.talkntalk.example', body: { recipients: mobiles, message: 'Hi' } } } as unknown as DeclarativeRestApiSettings.ResultOptions;
		const [summary] = await sendInTalkNTalkChunks('recipients', BULK_CAMPAIGN).call(tntContext(true), requestData);
		expect(summary.json).toEqual({
			recipients: 3, sent: 2, failed: 1, byStatus: { queued: 2, failed: 1 }, totalCost: {},
			failedRecipients: [{ recipient: mobiles[1], status: 'failed', reason: 'invalid_mobile: Not a Kenyan mobile' }],
			messageIds: [{ recipient: mobiles[0], messageId: '100' }, { recipient: mobiles[2], messageId: '100' }],
		});
		await expect(sendInTalkNTalkChunks('recipients', BULK_CAMPAIGN).call(tntContext(false), requestData)).rejects.toThrow(
			`TalkNTalk rejected 1 of 3 recipients: ${mobiles[1]}: invalid_mobile: Not a Kenyan mobile`,
		);
	});
});
