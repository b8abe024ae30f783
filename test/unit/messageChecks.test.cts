import { NodeOperationError, type IExecuteSingleFunctions } from 'n8n-workflow';
import { messageCheck, smsParts } from '../../nodes/common/messageChecks';
import { markNothingSent } from '../../nodes/common/refusals';
import { check } from '../../nodes/AfricasTalking/shared/checks';
import { messageField as atMessageField, campaignOptions as atCampaignOptions } from '../../nodes/AfricasTalking/resources/sms/smsFields';
import { messageField as tntMessageField } from '../../packages/talkntalk/nodes/TalkNTalk/resources/sms/smsFields';
import { description as tntSend } from '../../packages/talkntalk/nodes/TalkNTalk/resources/sms/send';
import { description as tntBulk } from '../../packages/talkntalk/nodes/TalkNTalk/resources/sms/sendBulk';
import { checkMessageList } from '../../nodes/common/messageList';
import { NODE } from './context.cjs';

type Step = (this: IExecuteSingleFunctions, options: { url: string; body: object }) => Promise<unknown>;

function context(parameters: Record<string, unknown> = {}) {
	return {
		getNode: () => NODE,
		getItemIndex: () => 0,
		continueOnFail: () => false,
		getNodeParameter: (name: string, fallback: unknown) => (name in parameters ? parameters[name] : fallback),
	} as unknown as IExecuteSingleFunctions;
}

async function refusal(step: Step, body: object, parameters: Record<string, unknown> = {}): Promise<NodeOperationError | undefined> {
	try {
		await step.call(context(parameters), { url: '', body });
	} catch (error) {
		return error as NodeOperationError;
	}
	return undefined;
}

const preSendOf = (field: { routing?: { send?: { preSend?: unknown[] } } }) => field.routing?.send?.preSend?.[0] as Step;

describe('SMS parts', () => {
	it.each([
		['a'.repeat(160), 1, 'GSM-7'],
		['a'.repeat(161), 2, 'GSM-7'],
		['a'.repeat(20000), 131, 'GSM-7'],
		['€'.repeat(80), 1, 'GSM-7'],
		['€'.repeat(81), 2, 'GSM-7'],
		['ä'.repeat(160), 1, 'GSM-7'],
		['🙂'.repeat(35), 1, 'UCS-2'],
		['ł'.repeat(71), 2, 'UCS-2'],
		['ł'.repeat(135), 3, 'UCS-2'],
	])('%#: parts and encoding', (text, parts, encoding) => {
		expect(smsParts(text)).toMatchObject({ parts, encoding });
	});
});

describe.each([
	["Africa's Talking", atMessageField],
	['TalkNTalk', tntMessageField],
])('%s: Message is checked before sending', (provider, field) => {
	const step = preSendOf(field);

	it.each(['', '   ', '\n\t '])('refuses the blank message %j in the words of both packages, saying nothing was sent', async (message) => {
		const error = await refusal(step, { message });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.message).toBe(`"Message" is empty (item 1). Nothing was sent to ${provider}.`);
	});

	it('refuses a message of more than Max Parts per Message (default 10), naming parts and encoding', async () => {
		const error = await refusal(step, { message: 'a'.repeat(20000) });
		expect(error?.message).toContain('131 SMS parts');
		expect(error?.message).toContain('GSM-7');
		expect(error?.message).toContain('Max Parts per Message (10)');
		expect(error?.message).toContain(`Nothing was sent to ${provider}.`);
		expect(error?.description).toContain('Options → Max Parts per Message');
		const ucs2 = await refusal(step, { message: '🙂'.repeat(400) });
		expect(ucs2?.message).toContain('UCS-2');
	});

	it('lets a longer message through when the limit is raised or off, and a normal one always', async () => {
		expect(await refusal(step, { message: 'a'.repeat(20000) }, { 'options.maxParts': 200 })).toBeUndefined();
		expect(await refusal(step, { message: 'a'.repeat(20000) }, { 'options.maxParts': 0 })).toBeUndefined();
		expect(await refusal(step, { message: 'Hello' })).toBeUndefined();
		expect(await refusal(step, { message: 'a'.repeat(1530) })).toBeUndefined();
	});
});

describe('Max Parts per Message option', () => {
	const names = (properties: Array<{ name: string; options?: unknown[] }>) =>
		properties.flatMap((property) => [property.name, ...((property.options ?? []) as Array<{ name?: string }>).map((option) => option.name ?? '')]);
	it('is offered by both packages', () => {
		expect(atCampaignOptions.map((field) => field.name)).toContain('maxParts');
		expect(names(tntSend as never)).toContain('maxParts');
		expect(names(tntBulk as never)).toContain('maxParts');
	});
});

describe('Message List entries', () => {
	const listContext = (list: unknown) =>
		({ getNode: () => NODE, getItemIndex: () => 0, continueOnFail: () => false, list }) as never;
	const send = (list: unknown, maxParts = 10) => ({
		field: 'Message List',
		list,
		checkRecipient: (value: unknown) => String(value),
		requestFor: () => ({}) as never,
		failedItems: () => [],
		maxParts,
		provider: "Africa's Talking",
	});
	it('refuses a blank or too long entry, naming it, and says nothing was sent', () => {
		expect(() => checkMessageList.call(listContext(null), send([{ to: '+254711000001', message: 'hi' }, { to: '+254711000002', message: '  ' }]))).toThrow(
			'"Message List[1].message" is empty (entry 2 of 2, item 1). Nothing was sent to Africa\'s Talking.',
		);
		expect(() => checkMessageList.call(listContext(null), send([{ to: '+254711000001', message: 'a'.repeat(2000) }]))).toThrow(
			/"Message List\[0\]\.message" would go out as 14 SMS parts .*GSM-7.*Max Parts per Message \(10\).*Nothing was sent to Africa's Talking\./,
		);
	});
});

describe('local refusals say that nothing was sent', () => {
	it("Africa's Talking: a field check", async () => {
		const error = await refusal(check('phoneList', 'to', 'Recipients') as Step, { to: '+254 711' });
		expect(error?.message).toMatch(/Invalid phone number .* Nothing was sent to Africa's Talking\.$/);
	});
	it('TalkNTalk: Mobile and Recipients', async () => {
		const mobile = tntSend.find((field) => field.name === 'mobile');
		const error = await refusal(preSendOf(mobile as never), { mobile: '12' });
		expect(error?.message).toMatch(/Nothing was sent to TalkNTalk\.$/);
		const recipients = tntBulk.find((field) => field.name === 'recipients');
		const bulkError = await refusal(preSendOf(recipients as never), { recipients: '' });
		expect(bulkError?.message).toMatch(/Nothing was sent to TalkNTalk\.$/);
	});
	it('says it once, and leaves provider errors alone', () => {
		const error = markNothingSent(markNothingSent(new NodeOperationError(NODE, 'Bad (item 1)'), 'X'), 'X');
		expect(error.message).toBe('Bad (item 1). Nothing was sent to X.');
		const other = markNothingSent(new Error('From the provider'), 'X');
		expect(other.message).toBe('From the provider');
	});
});
