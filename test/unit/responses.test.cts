import { NodeApiError, type IN8nHttpFullResponse } from 'n8n-workflow';
import { redact, retryAfterMs } from '../../nodes/common/items';
import { throwOnHttpError } from '../../nodes/AfricasTalking/shared/errors';
import { throwIfEntriesFailed } from '../../nodes/AfricasTalking/shared/responses';
import { smsRecipientsToItems } from '../../nodes/AfricasTalking/resources/sms/smsResponse';
import { balanceToItem } from '../../nodes/AfricasTalking/resources/account/getBalance';
import { LIVE_CREDENTIALS, singleContext } from './context.cjs';

const response = (statusCode: number, body: unknown): IN8nHttpFullResponse => ({ statusCode, body: body as IN8nHttpFullResponse['body'], headers: {} });
const recipient = (number: string, statusCode: number, status: string) => ({
	number, statusCode, status, cost: statusCode < 400 ? 'KES 0.8000' : '0', messageId: statusCode < 400 ? `ATXid_${number}` : 'None', messageParts: 1,
});

async function caught(promise: Promise<unknown>): Promise<NodeApiError> {
	try {
		await promise;
	} catch (error) {
		return error as NodeApiError;
	}
	throw new Error('expected an error');
}

describe('throwOnHttpError', () => {
	it('passes 2xx answers through', async () => {
		const items = [{ json: { a: 1 } }];
		await expect(throwOnHttpError.call(singleContext(), items, response(201, {}))).resolves.toBe(items);
	});

	it("keeps AT's plain-text reason for a 400", async () => {
		const error = await caught(throwOnHttpError.call(singleContext(), [], response(400, "Request is missing required form field 'to'")));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe("Africa's Talking refused the request: Request is missing required form field 'to'");
		expect(error.httpCode).toBe('400');
	});

	it('says which app the key must come from on a 401', async () => {
		const error = await caught(throwOnHttpError.call(singleContext(), [], response(401, 'The supplied authentication is invalid')));
		expect(error.message).toBe("Africa's Talking rejected the credentials: The supplied authentication is invalid");
		expect(error.description).toContain('live app "liveapp"');
	});

	it('never lets the API key through, even when the answer echoes the request', async () => {
		const echo = `upstream failed for apiKey=${LIVE_CREDENTIALS.apiKey} headers {"apiKey":"${LIVE_CREDENTIALS.apiKey}"}`;
		const error = await caught(throwOnHttpError.call(singleContext(), [], response(500, echo)));
		const everything = JSON.stringify({ message: error.message, description: error.description, cause: error.cause, context: error.context });
		expect(everything).not.toContain(LIVE_CREDENTIALS.apiKey);
		expect(error.message).toContain('[redacted]');
	});

	it('reads Retry-After in seconds or as a date', () => {
		expect(retryAfterMs('2')).toBe(2000);
		expect(retryAfterMs(undefined)).toBeUndefined();
		expect(retryAfterMs(new Date(Date.now() + 3000).toUTCString())).toBeGreaterThan(1000);
	});

	it('redacts every occurrence', () => {
		expect(redact('k1 and k1', ['k1k1'])).toBe('k1 and k1');
		expect(redact('abcd-abcd', ['abcd'])).toBe('[redacted]-[redacted]');
	});
});

describe('smsRecipientsToItems', () => {
	const sent = response(201, {
		SMSMessageData: {
			Message: 'Sent to 2/3 Total Cost: KES 1.6000',
			Recipients: [recipient('+254711000001', 101, 'Success'), recipient('+254711000002', 406, 'UserInBlacklist'), recipient('+254711000003', 102, 'Queued')],
		},
	});

	it('gives one item per recipient, paired to the input item, in AT order', async () => {
		const ok = response(201, { SMSMessageData: { Message: 'Sent to 1/1', Recipients: [recipient('+254711000001', 101, 'Success')] } });
		const items = await smsRecipientsToItems.call(singleContext({ itemIndex: 4 }), [], ok);
		expect(items).toEqual([
			{
				json: { number: '+254711000001', status: 'Success', statusCode: 101, statusName: 'Sent', success: true, cost: 'KES 0.8000', messageId: 'ATXid_+254711000001', messageParts: 1 },
				pairedItem: { item: 4 },
			},
		]);
	});

	it('fails the item when AT sent nothing (InvalidSenderId with no recipients)', async () => {
		const error = await caught(smsRecipientsToItems.call(singleContext(), [], response(201, { SMSMessageData: { Message: 'InvalidSenderId', Recipients: [] } })));
		expect(error.message).toBe("Africa's Talking did not send the message: InvalidSenderId");
		expect(error.description).toMatch(/Sender ID or Short Code/);
	});

	it('fails on rejected recipients and says the others were accepted', async () => {
		const items = await smsRecipientsToItems.call(singleContext(), [], sent);
		const error = await caught(throwIfEntriesFailed.call(singleContext(), items));
		expect(error.message).toBe("Africa's Talking rejected 1 of 3 recipients: +254711000002: UserInBlacklist (406). The recipient opted out of messages from this sender.");
		expect(error.description).toMatch(/^2 other recipient\(s\) were accepted/);
	});

	it('under Continue On Fail, gives error items next to the sent ones', async () => {
		const context = singleContext({ continueOnFail: true });
		const items = await throwIfEntriesFailed.call(context, await smsRecipientsToItems.call(context, [], sent));
		expect(items.map((i) => [i.json.number, i.json.success, i.json.error])).toEqual([
			['+254711000001', true, undefined],
			['+254711000002', false, '+254711000002: UserInBlacklist (406). The recipient opted out of messages from this sender.'],
			['+254711000003', true, undefined],
		]);
	});
});

describe('balanceToItem', () => {
	it('splits currency and amount', async () => {
		const items = await balanceToItem.call(singleContext(), [], response(200, { UserData: { balance: 'KES 1234.5600' } }));
		expect(items[0].json).toEqual({ balance: 'KES 1234.5600', currencyCode: 'KES', amount: 1234.56 });
	});
});
