import type { IDataObject, IExecuteSingleFunctions, INode } from 'n8n-workflow';

export const LIVE_CREDENTIALS = { environment: 'live', username: 'liveapp', apiKey: 'atsk_live_secret_key_123456' };
export const SANDBOX_CREDENTIALS = { environment: 'sandbox', username: 'leftover', apiKey: 'atsk_sandbox_secret_key_9876' };

export const NODE: INode = {
	id: 'n1', name: "Africa's Talking", type: 'n8n-nodes-africastalking.africasTalking', typeVersion: 1, position: [0, 0], parameters: {},
};

/** The slice of n8n's per-item context that the routing functions use. */
export function singleContext(options: { credentials?: IDataObject; itemIndex?: number; continueOnFail?: boolean } = {}) {
	return {
		getCredentials: async () => options.credentials ?? LIVE_CREDENTIALS,
		getNode: () => NODE,
		getItemIndex: () => options.itemIndex ?? 0,
		continueOnFail: () => options.continueOnFail ?? false,
	} as unknown as IExecuteSingleFunctions;
}
