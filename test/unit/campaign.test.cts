import { NodeApiError, type DeclarativeRestApiSettings, type IExecutePaginationFunctions, type INodeExecutionData } from 'n8n-workflow';
import { sendSmsInChunks } from '../../nodes/AfricasTalking/resources/sms/smsCampaign';
import { NODE } from './context.cjs';

type Answer = (numbers: string[], call: number) => Promise<INodeExecutionData[]>;

/** A pagination context whose makeRoutingRequest answers like AT, recording every request. */
function context(answer: Answer, options: object = {}, { continueOnFail = false, executionId = 'e1', itemIndex = 0 } = {}) {
	const calls: string[][] = [];
	let inFlight = 0;
	const stats = { maxInFlight: 0 };
	const ctx = {
		getNodeParameter: (name: string) => (name === 'options' ? options : undefined),
		getCredentials: async () => ({ environment: 'live', username: 'u', apiKey: 'k-secret' }),
		getExecutionId: () => executionId,
		getNode: () => NODE,
		getItemIndex: () => itemIndex,
		continueOnFail: () => continueOnFail,
		makeRoutingRequest: async (requestData: DeclarativeRestApiSettings.ResultOptions) => {
			const numbers = (new URLSearchParams(requestData.options.body as string).get('to') ?? '').split(',');
			calls.push(numbers);
			inFlight += 1;
			stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
			try {
				return await answer(numbers, calls.length);
			} finally {
				inFlight -= 1;
			}
		},
	} as unknown as IExecutePaginationFunctions;
	return { ctx, calls, stats };
}

const sent: Answer = async (numbers) => {
	await new Promise((resolve) => setTimeout(resolve, 5));
	return numbers.map((number) => ({ json: { number, statusCode: 101 }, pairedItem: { item: 0 } }));
};

function request(numbers: string[]): DeclarativeRestApiSettings.ResultOptions {
	const body = new URLSearchParams({ username: 'u', to: numbers.join(','), message: 'hi' }).toString();
	return { options: { url: '/version1/messaging', method: 'POST', body }, preSend: [], postReceive: [], requestOperations: {} } as unknown as DeclarativeRestApiSettings.ResultOptions;
}

const numbers = (n: number) => Array.from({ length: n }, (_, i) => `+2547${String(i).padStart(8, '0')}`);

function httpError(code: string, retryAfterMs?: number) {
	const error = new NodeApiError(NODE, { message: code }, { message: `HTTP ${code}`, httpCode: code });
	if (retryAfterMs !== undefined) error.context.retryAfterMs = retryAfterMs;
	return error;
}

describe('sendSmsInChunks', () => {
	it('splits the recipients in chunks, keeps the rest of the form, and outputs in input order', async () => {
		const list = numbers(2500);
		const { ctx, calls } = context(sent, { batchSize: 1000 });
		const items = await sendSmsInChunks.call(ctx, request(list));
		expect(calls.map((c) => c.length)).toEqual([1000, 1000, 500]);
		expect(items.map((i) => i.json.number)).toEqual(list);
	});

	it('bounds the requests in flight, across items of the same run', async () => {
		const { ctx, stats } = context(sent, { batchSize: 10, maxConcurrency: 3 });
		await Promise.all([sendSmsInChunks.call(ctx, request(numbers(100))), sendSmsInChunks.call(ctx, request(numbers(100)))]);
		expect(stats.maxInFlight).toBe(3);
	});

	it('retries 429 and 5xx, honouring Retry-After, and sends each recipient once', async () => {
		const answers: Array<Error | null> = [httpError('429', 50), httpError('503'), null];
		const { ctx, calls } = context(async (n) => {
			const next = answers.shift();
			if (next) throw next;
			return await sent(n, 0);
		});
		const started = Date.now();
		const items = await sendSmsInChunks.call(ctx, request(numbers(3)));
		expect(calls).toHaveLength(3);
		expect(Date.now() - started).toBeGreaterThanOrEqual(50);
		expect(items).toHaveLength(3);
	});

	it('does not retry a dropped connection (AT may have sent it), and does not retry when turned off', async () => {
		const dropped = context(async () => {
			throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
		});
		await expect(sendSmsInChunks.call(dropped.ctx, request(numbers(2)))).rejects.toThrow(/socket hang up|connection to the server was closed/);
		expect(dropped.calls).toHaveLength(1);
		const off = context(async () => {
			throw httpError('500');
		}, { retry: false });
		await expect(sendSmsInChunks.call(off.ctx, request(numbers(2)))).rejects.toThrow('HTTP 500');
		expect(off.calls).toHaveLength(1);
	});

	it('turns a chunk that still fails into error items next to the sent chunks (Continue On Fail), or an error saying what was sent', async () => {
		const failSecond: Answer = async (n, call) => {
			if (call === 2) throw httpError('400');
			return await sent(n, call);
		};
		const lenient = context(failSecond, { batchSize: 2 }, { continueOnFail: true });
		const items = await sendSmsInChunks.call(lenient.ctx, request(numbers(6)));
		expect(items.map((i) => Boolean(i.json.error))).toEqual([false, false, true, true, false, false]);
		const strict = context(failSecond, { batchSize: 2 });
		await expect(sendSmsInChunks.call(strict.ctx, request(numbers(6)))).rejects.toThrow(/rejected 2 of 6 recipients/);
	});
});

describe('campaign fields built from a provider', () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { campaignOptionFields } = require('../../nodes/common/campaignFields');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { AT_SMS_CAMPAIGN } = require('../../nodes/AfricasTalking/resources/sms/smsCampaign');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { BULK_CAMPAIGN, SEND_CAMPAIGN } = require('../../packages/talkntalk/nodes/TalkNTalk/resources/sms/smsCampaign');

	it.each([
		["Africa's Talking Send", AT_SMS_CAMPAIGN, ['maxConcurrency', 'maxParts', 'maxPerSecond', 'maxRetries', 'batchSize', 'retry']],
		['TalkNTalk Send Bulk', BULK_CAMPAIGN, ['maxConcurrency', 'maxParts', 'maxPerMinute', 'maxRetries', 'batchSize', 'retry']],
		['TalkNTalk Send', SEND_CAMPAIGN, ['maxConcurrency', 'maxParts', 'maxPerMinute', 'maxRetries', 'retry']],
	])('%s: the fields show the defaults the reader falls back to, in alphabetical order', (_name, provider, names) => {
		const fields = campaignOptionFields(provider) as Array<{ name: string; displayName: string; default: unknown; typeOptions?: { maxValue?: number } }>;
		expect(fields.map((f) => f.name)).toEqual(names);
		const labels = fields.map((f) => f.displayName);
		expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b)));
		const byName = Object.fromEntries(fields.map((f) => [f.name, f]));
		expect(byName.maxConcurrency.default).toBe(provider.defaults.maxConcurrency);
		expect(byName.maxRetries.default).toBe(provider.defaults.maxRetries);
		expect(byName.retry.default).toBe(provider.defaults.retry);
		if (byName.maxPerMinute) expect(byName.maxPerMinute.default).toBe(provider.defaults.maxPerSecond * 60);
		else expect(byName.maxPerSecond.default).toBe(provider.defaults.maxPerSecond);
		if (byName.batchSize) {
			expect(byName.batchSize.default).toBe(provider.defaults.batchSize);
			expect(byName.batchSize.typeOptions?.maxValue).toBe(provider.maxBatchSize);
		}
		expect(String((fields[0] as { description?: string }).description)).toMatch(/all executions in this n8n process/);
	});
});
