import { NodeOperationError, type IDataObject, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';
import { AfricasTalking } from '../../nodes/AfricasTalking/AfricasTalking.node';
import { TalkNTalk } from '../../packages/talkntalk/nodes/TalkNTalk/TalkNTalk.node';
import * as checkSimSwap from '../../nodes/AfricasTalking/resources/insight/checkSimSwap';
import * as waSendMessage from '../../nodes/AfricasTalking/resources/whatsapp/sendMessage';
import { markNothingSent, refusingLocally } from '../../nodes/common/refusals';
import { LIVE_CREDENTIALS, NODE, SANDBOX_CREDENTIALS } from './context.cjs';

type Step = (this: unknown, ...args: unknown[]) => Promise<unknown>;

/** Every step that runs before a request, wherever a node's description holds one: fields, operations, collections. */
function stepsBefore(description: INodeTypeDescription): Array<{ where: string; step: Step }> {
	const steps: Array<{ where: string; step: Step }> = [];
	const visit = (value: unknown, where: string) => {
		if (Array.isArray(value)) {
			value.forEach((entry, index) => visit(entry, `${where}[${(entry as IDataObject)?.name ?? (entry as IDataObject)?.value ?? index}]`));
			return;
		}
		if (!value || typeof value !== 'object') return;
		const resource = (value as INodeProperties).displayOptions?.show?.resource;
		if (resource) where = `${where} ${resource.join('/')}:`;
		const routing = (value as INodeProperties).routing;
		for (const [index, step] of ((routing?.send?.preSend ?? []) as Step[]).entries()) steps.push({ where: `${where} preSend ${index}`, step });
		if (routing?.operations?.pagination) steps.push({ where: `${where} pagination`, step: routing.operations.pagination as Step });
		for (const key of ['options', 'values']) visit((value as IDataObject)[key], where);
	};
	visit(description.properties, description.displayName);
	return steps;
}

/**
 * Whatever the step reads first, of n8n's context or of the request, refuses: a context and a
 * request on which any property read throws a node's own refusal.
 */
function refusingEverywhere(): unknown {
	return new Proxy(
		{},
		{
			get: () => {
				throw new NodeOperationError(NODE, 'Planted refusal (item 1)');
			},
		},
	);
}

describe.each([
	["Africa's Talking", new AfricasTalking().description],
	['TalkNTalk', new TalkNTalk().description],
])('%s: every local refusal ends with the same sentence', (provider, description) => {
	const steps = stepsBefore(description);

	it('finds the steps of every operation', () => {
		expect(steps.length).toBeGreaterThan(provider === 'TalkNTalk' ? 8 : 40);
		expect(steps.some(({ where }) => where.includes('pagination'))).toBe(true);
	});

	it.each(steps.map(({ where, step }) => [where, step] as const))('%s', async (_where, step) => {
		const error = await step.call(refusingEverywhere(), refusingEverywhere()).then(
			() => undefined,
			(thrown: Error) => thrown,
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error?.message).toBe(`Planted refusal (item 1). Nothing was sent to ${provider}.`);
	});
});

describe('refusals that did not say it before', () => {
	const context = (parameters: IDataObject, credentials: IDataObject = LIVE_CREDENTIALS) => ({
		getCredentials: async () => credentials,
		getNode: () => NODE,
		getItemIndex: () => 0,
		getNodeParameter: (name: string, fallback: unknown) => parameters[name] ?? fallback,
	});
	const preSend = async (operation: typeof checkSimSwap, parameters: IDataObject, credentials?: IDataObject) => {
		let options: unknown = { body: {}, qs: {}, headers: {} };
		try {
			for (const step of operation.option.routing!.send!.preSend as Step[]) options = await step.call(context(parameters, credentials), options);
		} catch (error) {
			return (error as Error).message;
		}
		return 'sent';
	};

	it("SIM swap: a bad number, too many numbers, none", async () => {
		expect(await preSend(checkSimSwap, { phoneNumbers: '+254711000001, 0711000002' })).toMatch(/^Invalid phone number "0711000002" in "Phone Numbers" \(item 1\)\. Nothing was sent to Africa's Talking\.$/);
		expect(await preSend(checkSimSwap, { phoneNumbers: Array.from({ length: 101 }, (_, i) => `+2547110${String(i).padStart(5, '0')}`) })).toMatch(/Nothing was sent to Africa's Talking\.$/);
		expect(await preSend(checkSimSwap, { phoneNumbers: '' })).toBe('"Phone Numbers" is empty (item 1). Nothing was sent to Africa\'s Talking.');
	});

	it("WhatsApp: a sandbox credential", async () => {
		expect(await preSend(waSendMessage as never, { waNumber: '+254711082000', phoneNumber: '+254711000001', whatsAppMessageType: 'text', message: 'Hi' }, SANDBOX_CREDENTIALS)).toBe(
			"Africa's Talking has no sandbox for WhatsApp (item 1). Nothing was sent to Africa's Talking.",
		);
	});
});

describe('refusingLocally', () => {
	it('says it once, however often a step is wrapped, and leaves the provider answers alone', async () => {
		const refuses = refusingLocally('X', refusingLocally('X', async () => {
			throw new NodeOperationError(NODE, 'Bad (item 1)');
		}));
		await expect(refuses()).rejects.toThrow(/^Bad \(item 1\)\. Nothing was sent to X\.$/);
		expect(markNothingSent(new Error('From the provider'), 'X').message).toBe('From the provider');
	});
});
