import type { DeclarativeRestApiSettings, IExecutePaginationFunctions, INodeExecutionData } from 'n8n-workflow';

/**
 * AT's cursor paging (inbox, subscriptions): pass the highest `id` seen as `lastReceivedId`
 * until a page comes back empty. Honours the operation's Return All / Limit fields.
 */
export async function lastReceivedIdPagination(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', 50) as number);
	const results: INodeExecutionData[] = [];
	let lastReceivedId = Number(requestData.options.qs?.lastReceivedId ?? 0);
	while (results.length < limit) {
		requestData.options.qs = { ...requestData.options.qs, lastReceivedId };
		const page = await this.makeRoutingRequest(requestData);
		if (page.length === 0) break;
		results.push(...page);
		const highest = Math.max(...page.map((item) => Number(item.json.id)));
		// A page that does not move the cursor forward would loop for ever.
		if (!(highest > lastReceivedId)) break;
		lastReceivedId = highest;
	}
	return results.slice(0, limit);
}
