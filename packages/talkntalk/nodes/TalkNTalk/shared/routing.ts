import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodePropertyRouting } from 'n8n-workflow';
import { declarativeRouting, type Pagination, type PostReceive } from '../../common/routing';
import { withoutEmpty } from '../../common/values';
import { throwOnHttpError } from './errors';
import { PROVIDER } from '../../TalkNTalkCommon/environment';

interface TalkNTalkOperation {
	method: 'GET' | 'POST';
	/** Path under /v1, with TalkNTalk's trailing slash (its server cannot redirect a POST without it). */
	url: string;
	/** Output shaping, after the shared HTTP error check. */
	postReceive?: PostReceive[];
	/** The requests one item makes, when more than one (pages, chunks, rate-limited sends). */
	pagination?: Pagination;
}

/** JSON for a POST, nothing for a GET; fields the user left empty are never sent. */
async function prepareJson(this: IExecuteSingleFunctions, options: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	options.qs = withoutEmpty(options.qs);
	if (options.method === 'GET') {
		delete options.body;
		return options;
	}
	options.body = withoutEmpty(options.body as IDataObject);
	options.json = true;
	options.headers = { ...options.headers, 'Content-Type': 'application/json' };
	return options;
}

/** Routing for one operation, with the shared steps in the right order. */
export function talkNTalkRouting(op: TalkNTalkOperation): INodePropertyRouting {
	// A field's own checks sit on the field (routing.send.preSend); prepareJson shapes the whole request.
	return declarativeRouting(PROVIDER, throwOnHttpError, { request: { method: op.method, url: op.url }, preSend: [prepareJson], postReceive: op.postReceive, pagination: op.pagination });
}
