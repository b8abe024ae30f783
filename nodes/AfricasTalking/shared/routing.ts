import type { IDataObject, IHttpRequestMethods, INodeProperties, INodePropertyRouting } from 'n8n-workflow';
import { declarativeRouting, type Pagination, type PostReceive, type PreSend } from '../../common/routing';
import { throwOnHttpError } from './errors';
import { CONTENT_TYPE, prepareRequest, type Encoding } from './request';
import { refusingLocally } from '../../common/refusals';
import { PROVIDER } from '../../AfricasTalkingCommon/environment';

export type { PostReceive, PreSend } from '../../common/routing';

interface OperationRouting {
	method: IHttpRequestMethods;
	url: string;
	/** The product's live host (AT_BASE_URL); the sandbox host is chosen per request. */
	baseURL: string;
	encoding: Encoding;
	/** Fixed parameters every request of this operation carries. */
	body?: IDataObject;
	/** Steps on the whole request (idempotency key, metadata); a field's own check sits on that field. */
	preSend?: readonly PreSend[];
	/** Output shaping that runs after the shared HTTP error check. */
	postReceive?: readonly PostReceive[];
	/** Requests the operation makes for one item, when it is more than one (paging, chunks). */
	pagination?: Pagination;
}

/** Routing for one operation: the product's host and encoding, then the shared steps in order. */
export function operationRouting(op: OperationRouting): INodePropertyRouting {
	return declarativeRouting(PROVIDER, throwOnHttpError, {
		request: {
			method: op.method,
			url: op.url,
			baseURL: op.baseURL,
			...(op.encoding === 'query' ? {} : { headers: { 'Content-Type': CONTENT_TYPE[op.encoding] } }),
			...(op.body ? { body: op.body } : {}),
		},
		preSend: op.preSend,
		postReceive: op.postReceive,
		pagination: op.pagination,
	});
}

/**
 * The node's last property. n8n runs preSend steps in the order of the properties that hold
 * them, so this step (host, username, encoding) runs after every field's own check.
 */
export const prepareRequestStep: INodeProperties = {
	displayName: 'Prepare Request',
	name: 'prepareRequest',
	type: 'hidden',
	default: '',
	routing: { send: { preSend: [refusingLocally(PROVIDER, prepareRequest)] } },
};
