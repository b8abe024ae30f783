import type { DeclarativeRestApiSettings, IDataObject, IExecutePaginationFunctions, INodeExecutionData } from 'n8n-workflow';
import { accountKey, campaignOptions, sendInChunks, type CampaignOptions, type CampaignProvider, type ChunkedSend } from '../../../common/campaign';
import { errorDescription, failedEntries, itemsFor, redactedApiError } from '../../../common/items';
import { failedInSummary } from '../../../common/summary';
import { plainText } from '../../../common/statusRule';
import { CREDENTIAL_NAME, PROVIDER } from '../../../TalkNTalkCommon/environment';
import { talkNTalkOutcome } from './smsResponse';

/** TalkNTalk's minute windows: a Retry-After of up to two minutes is honoured as given. */
const MAX_RETRY_AFTER_MS = 120000;
/** TalkNTalk refuses a bulk request of more recipients (400). */
const MAX_RECIPIENTS_PER_REQUEST = 10000;

/** Send Bulk: TalkNTalk's maximum of 10,000 recipients per request, 60 bulk requests per minute. */
export const BULK_CAMPAIGN: CampaignProvider = {
	name: PROVIDER,
	defaults: { batchSize: MAX_RECIPIENTS_PER_REQUEST, maxConcurrency: 10, maxPerSecond: 1, retry: true, maxRetries: 4, maxRetryAfterMs: MAX_RETRY_AFTER_MS },
	maxBatchSize: MAX_RECIPIENTS_PER_REQUEST,
	ratePerMinute: true,
	rateDescription: 'TalkNTalk accepts 60 bulk requests per minute per organisation; requests are spaced to stay under this. 0 means no limit.',
};

/** Send: one recipient per request, 300 requests per minute. */
export const SEND_CAMPAIGN: CampaignProvider = {
	name: PROVIDER,
	defaults: { batchSize: 1, maxConcurrency: 10, maxPerSecond: 5, retry: true, maxRetries: 4, maxRetryAfterMs: MAX_RETRY_AFTER_MS },
	maxBatchSize: 1,
	ratePerMinute: true,
	rateDescription: "Spreads the items' sends over time: TalkNTalk accepts 300 sends per minute per organisation; 0 means no limit",
};

/**
 * The requests of one item: its recipients (already checked by preSend, in `body[property]`) in
 * chunks, through the shared campaign core (limiter over all items, retries on 429 honouring
 * Retry-After). A chunk that failed after its retries gives one failed item per recipient; any
 * failed recipient fails the item unless the node continues on fail.
 */
export function sendInTalkNTalkChunks(property: 'mobile' | 'recipients', provider: CampaignProvider) {
	return async function (this: IExecutePaginationFunctions, requestData: DeclarativeRestApiSettings.ResultOptions): Promise<INodeExecutionData[]> {
		const body = requestData.options.body as IDataObject;
		const recipients = property === 'mobile' ? [body.mobile as string] : (body.recipients as string[]);
		const options = campaignOptions.call(this, provider);
		const items = await sendInChunks.call<IExecutePaginationFunctions, [ChunkedSend<string>, CampaignOptions], Promise<INodeExecutionData[]>>(
			this,
			{
				entries: recipients,
				requestFor: (mobiles: string[]) => ({
					...requestData,
					options: { ...requestData.options, body: { ...body, [property]: property === 'mobile' ? mobiles[0] : mobiles } },
				}),
				failedItems: (mobiles: string[], error: Error) =>
					itemsFor.call(
						this,
						mobiles.map((mobile) => ({
							mobile,
							status: 'failed',
							error: String((error as { context?: IDataObject }).context?.code ?? 'request_failed'),
							detail: error.message,
							...(errorDescription(error) ? { description: errorDescription(error) } : {}),
						})),
					),
				outcome: talkNTalkOutcome,
				limitKey: accountKey.call(this, requestData.options.baseURL),
			},
			options,
		);
		const failure =
			options.output === 'summary'
				? failedInSummary(items, PROVIDER)
				: failedEntries(items, PROVIDER, (json) => `${plainText(json.mobile) || 'a recipient'}: ${plainText(json.detail) || plainText(json.error) || 'failed'}`);
		if (!failure || this.continueOnFail()) return items;
		const credentials = await this.getCredentials(CREDENTIAL_NAME);
		throw redactedApiError(this.getNode(), [credentials.apiKey], {
			...failure,
			httpCode: '207',
			itemIndex: this.getItemIndex(),
		});
	};
}
