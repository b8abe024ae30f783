import type { DeclarativeRestApiSettings, IDataObject, IExecutePaginationFunctions, INodeExecutionData } from 'n8n-workflow';
import { itemsFor } from '../../common/items';
import type { Pagination } from '../../common/routing';

/** TalkNTalk's largest page_size; larger values are capped by the server. */
export const MAX_PAGE_SIZE = 500;

/**
 * TalkNTalk's page-number paging ({total, page, page_size, total_pages, next, previous, results}):
 * pages 1, 2, … until `next` is null or the Limit is reached, one item per result. Honours the
 * operation's Return All / Limit fields; `toJson` shapes each result.
 */
export function pageNumberPagination(toJson: (entry: IDataObject, page: IDataObject) => IDataObject = (entry) => entry): Pagination {
	return async function (this: IExecutePaginationFunctions, requestData: DeclarativeRestApiSettings.ResultOptions): Promise<INodeExecutionData[]> {
		const returnAll = this.getNodeParameter('returnAll', false) as boolean;
		const limit = returnAll ? Infinity : Math.max(1, Number(this.getNodeParameter('limit', 50)));
		const pageSize = Math.min(MAX_PAGE_SIZE, limit);
		const results: IDataObject[] = [];
		for (let page = 1; results.length < limit; page++) {
			const options = { ...requestData.options, qs: { ...requestData.options.qs, page, page_size: pageSize } };
			const [item] = await this.makeRoutingRequest({ ...requestData, options });
			const body = (item?.json ?? {}) as IDataObject;
			const entries = Array.isArray(body.results) ? (body.results as IDataObject[]) : [];
			for (const entry of entries) results.push(toJson(entry, body));
			if (!body.next || entries.length === 0) break;
		}
		return itemsFor.call(this, results.slice(0, limit));
	};
}
