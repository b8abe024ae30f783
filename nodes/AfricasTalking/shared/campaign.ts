import type { DeclarativeRestApiSettings, IExecutePaginationFunctions, INodeExecutionData } from 'n8n-workflow';
import { campaignOptions, sendInChunks, type CampaignOptions, type ChunkedSend } from '../../common/campaign';
import { itemsFor } from '../../common/items';
import { throwIfEntriesFailed } from './responses';

export { CAMPAIGN_DEFAULTS } from '../../common/campaign';

/**
 * The requests of one SMS item: its recipients (already checked and form-encoded by preSend)
 * in chunks of AT's `to` list, through the shared campaign core.
 */
export async function sendSmsInChunks(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const form = new URLSearchParams(requestData.options.body as string);
	const items = await sendInChunks.call<IExecutePaginationFunctions, [ChunkedSend<string>, CampaignOptions], Promise<INodeExecutionData[]>>(
		this,
		{
			entries: (form.get('to') ?? '').split(','),
			requestFor: (numbers: string[]) => {
				const body = new URLSearchParams(form);
				body.set('to', numbers.join(','));
				return { ...requestData, options: { ...requestData.options, body: body.toString() } };
			},
			failedItems: (numbers: string[], error: Error) =>
				itemsFor.call(this, numbers.map((number) => ({ number, success: false, error: `${number}: ${error.message}` }))),
		},
		campaignOptions.call(this),
	);
	return await throwIfEntriesFailed.call(this, items);
}
