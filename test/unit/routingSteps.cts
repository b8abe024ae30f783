// Runs an operation's routing steps as n8n does, for the unit tests of Insights, WhatsApp and Chat.
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, IN8nHttpFullResponse, INodePropertyOptions } from 'n8n-workflow';
import { prepareRequest } from '../../nodes/AfricasTalking/shared/request';
import type { Refuse } from '../../nodes/AfricasTalking/shared/chatApi';
import { LIVE_CREDENTIALS, NODE } from './context.cjs';

/** A builder's refusal as an Error reading "<message> | <description>". */
export const refuse: Refuse = Object.assign(
	(message: string, description: string): never => {
		throw new Error(`${message} | ${description}`);
	},
	{ node: NODE, itemIndex: 0 },
);

/** n8n's per-item context with parameters, as the operations' preSend and postReceive steps read it. */
function context(parameters: IDataObject, { credentials = LIVE_CREDENTIALS as IDataObject, itemIndex = 0, continueOnFail = false } = {}) {
	return {
		getCredentials: async () => credentials,
		getNode: () => NODE,
		getItemIndex: () => itemIndex,
		continueOnFail: () => continueOnFail,
		getNodeParameter: (name: string, fallback: unknown) => (parameters[name] === undefined ? fallback : parameters[name]),
	} as unknown as IExecuteSingleFunctions;
}

/** Runs an operation's own steps, then the node's shared request step, as n8n does; returns the request. */
export async function request(operation: { option: INodePropertyOptions }, parameters: IDataObject, credentials: IDataObject = LIVE_CREDENTIALS) {
	const routing = operation.option.routing!;
	let options: IHttpRequestOptions = { ...(routing.request as IHttpRequestOptions), body: {}, qs: {}, headers: { ...((routing.request?.headers ?? {}) as IDataObject) } };
	const ctx = context(parameters, { credentials, itemIndex: 1 });
	for (const step of (routing.send?.preSend ?? []) as Array<(this: IExecuteSingleFunctions, o: IHttpRequestOptions) => Promise<IHttpRequestOptions>>) {
		options = await step.call(ctx, options);
	}
	return await prepareRequest.call(ctx, options);
}

export async function receive(operation: { option: INodePropertyOptions }, body: unknown, { statusCode = 200, continueOnFail = false } = {}) {
	let items = [{ json: {} }];
	const ctx = context({}, { continueOnFail });
	for (const step of (operation.option.routing!.output!.postReceive ?? []) as Array<(this: IExecuteSingleFunctions, i: unknown, r: IN8nHttpFullResponse) => Promise<typeof items>>) {
		items = await step.call(ctx, items, { body: body as IN8nHttpFullResponse['body'], statusCode, headers: {} });
	}
	return items.map((item) => item.json);
}

