import {
	NodeApiError,
	NodeOperationError,
	type DeclarativeRestApiSettings,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
	type INodePropertyRouting,
	type JsonObject,
} from 'n8n-workflow';
import { errorDescription, redactedApiError, retryAfterMs } from './items';
import { refusingLocally } from './refusals';

/** The shapes of the functions n8n's declarative routing calls, as both packages' operations write them. */
export type PreSend = (this: IExecuteSingleFunctions, options: IHttpRequestOptions) => Promise<IHttpRequestOptions>;
export type PostReceive = (
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
) => Promise<INodeExecutionData[]>;
export type Pagination = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

/** What differs between providers in reading an HTTP error; the step that reads it is one (httpErrorStep). */
export interface HttpErrorReading {
	/** The credential whose API key is redacted from the error. */
	credentialName: string;
	/** How the message starts for a 401 and for any other error status. */
	rejected: string;
	refused: string;
	/** The provider's own reason, from its error body. */
	reasonOf: (body: unknown) => string;
	/** What to check, for this status and these credentials. */
	hintFor: (statusCode: number, credentials: ICredentialDataDecryptedObject) => string;
	/** More for the error's context (e.g. the provider's error code). */
	context?: (response: IN8nHttpFullResponse) => IDataObject;
}

/**
 * The first postReceive step of every operation (requests ignore HTTP status errors): an answer
 * of 400 or more becomes a NodeApiError with the provider's reason, what to check, and
 * Retry-After in its context (the campaign core retries on it). The API key is redacted from
 * everything, even when an answer echoes the request.
 */
export function httpErrorStep(reading: HttpErrorReading): PostReceive {
	return async function throwOnHttpError(this: IExecuteSingleFunctions, items: INodeExecutionData[], response: IN8nHttpFullResponse) {
		if (response.statusCode < 400) return items;
		const credentials = await this.getCredentials(reading.credentialName);
		const reason = reading.reasonOf(response.body) || `HTTP ${response.statusCode}`;
		throw redactedApiError(this.getNode(), [credentials.apiKey], {
			message: `${response.statusCode === 401 ? reading.rejected : reading.refused}: ${reason}`,
			description: reading.hintFor(response.statusCode, credentials),
			httpCode: String(response.statusCode),
			itemIndex: this.getItemIndex(),
			details: { statusCode: response.statusCode, reason },
			context: { retryAfterMs: retryAfterMs(response.headers?.['retry-after']), ...reading.context?.(response) },
		});
	};
}

export interface DeclarativeOperation {
	/** Method, URL and whatever else every request of the operation carries. */
	request: INodePropertyRouting['request'];
	/** Steps on the whole request; a field's own check sits on that field. */
	preSend?: readonly PreSend[];
	/** Output shaping, after the provider's HTTP error step. */
	postReceive?: readonly PostReceive[];
	/** The requests one item makes, when more than one (pages, chunks, rate-limited sends). */
	pagination?: Pagination;
}

/** The error each error item stands for, so that the campaign core can still retry a 429 or 5xx. */
const errorsOfItems = new WeakMap<INodeExecutionData, Error>();

/** The error an output step's items stand for (one error item made under On Error → Continue), if any. */
export function errorOfItems(items: INodeExecutionData[]): Error | undefined {
	return items.length === 1 ? errorsOfItems.get(items[0]) : undefined;
}

/**
 * An output step that, under On Error → Continue (regular output), turns the error it explains
 * into the error item itself: n8n's declarative engine would keep only the error's message
 * (`{ error }`), losing what to check. The item carries the same message and description as the
 * error shown with Stop Workflow. With "Continue (using error output)" the error is thrown as
 * before: n8n routes an item to the error output only when it holds nothing but its error.
 */
function explainedInContinueMode(step: PostReceive): PostReceive {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[], response: IN8nHttpFullResponse) {
		if (errorOfItems(items)) return items;
		try {
			return await step.call(this, items, response);
		} catch (error) {
			const explained =
				error instanceof NodeApiError || error instanceof NodeOperationError
					? error
					: new NodeApiError(this.getNode(), error as JsonObject, { itemIndex: this.getItemIndex() });
			if (!this.continueOnFail() || this.getNode().onError === 'continueErrorOutput') throw explained;
			const item: INodeExecutionData = {
				json: { error: explained.message, ...(errorDescription(explained) ? { description: errorDescription(explained) } : {}) },
				pairedItem: { item: this.getItemIndex() },
			};
			errorsOfItems.set(item, explained);
			return [item];
		}
	};
}

/**
 * Routing for one operation, with the provider's HTTP error step first among the output steps.
 * The steps before a request (preSend, pagination) refuse locally: their own refusals end
 * "Nothing was sent to <provider>." (the provider's answers are NodeApiErrors and stay as they are).
 */
export function declarativeRouting(provider: string, errorStep: PostReceive, op: DeclarativeOperation): INodePropertyRouting {
	return {
		request: op.request,
		send: { preSend: (op.preSend ?? []).map((step) => refusingLocally(provider, step)), ...(op.pagination ? { paginate: true } : {}) },
		output: { postReceive: [errorStep, ...(op.postReceive ?? [])].map(explainedInContinueMode) },
		...(op.pagination ? { operations: { pagination: refusingLocally(provider, op.pagination) } } : {}),
	};
}
