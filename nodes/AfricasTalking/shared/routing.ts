import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodePropertyRouting,
} from 'n8n-workflow';
import { throwOnHttpError } from './errors';
import { prepareRequest, type Encoding } from './request';

export type PreSend = (this: IExecuteSingleFunctions, options: IHttpRequestOptions) => Promise<IHttpRequestOptions>;
export type PostReceive = (
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
) => Promise<INodeExecutionData[]>;

interface OperationRouting {
	method: IHttpRequestMethods;
	url: string;
	/** The product's live host (see hosts.ts); the sandbox host is chosen per request. */
	baseURL?: string;
	encoding: Encoding;
	/** Fixed parameters every request of this operation carries. */
	body?: IDataObject;
	/** Validation and shaping that run before the shared encoding step. */
	preSend?: readonly PreSend[];
	/** Output shaping that runs after the shared HTTP error check. */
	postReceive?: readonly PostReceive[];
	/** Requests the operation makes for one item, when it is more than one (paging). */
	pagination?: (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	) => Promise<INodeExecutionData[]>;
}

/** Routing for one operation, with the shared steps every operation needs in the right order. */
export function operationRouting(op: OperationRouting): INodePropertyRouting {
	return {
		request: {
			method: op.method,
			url: op.url,
			...(op.baseURL ? { baseURL: op.baseURL } : {}),
			...(op.body ? { body: op.body } : {}),
		},
		send: { preSend: [...(op.preSend ?? []), prepareRequest(op.encoding)], ...(op.pagination ? { paginate: true } : {}) },
		output: { postReceive: [throwOnHttpError, ...(op.postReceive ?? [])] },
		...(op.pagination ? { operations: { pagination: op.pagination } } : {}),
	};
}
