import {
	NodeOperationError,
	type DeclarativeRestApiSettings,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { accountKey, campaignOptions, sendInChunks, type CampaignOptions, type ChunkedSend } from '../../common/campaign';
import { itemsFor } from '../../common/items';
import { sendMessageList } from '../../common/messageList';
import { smsOutcome } from '../resources/sms/smsResponse';
import { assertPhoneNumber } from './phoneNumbers';
import { throwIfEntriesFailed, throwIfSummaryFailed } from './responses';

export { CAMPAIGN_DEFAULTS } from '../../common/campaign';

/**
 * What both kinds of SMS campaign share: the item's prepared form (username, sender, enqueue…,
 * already checked and encoded by preSend), one request per recipient chunk with its own `to`
 * (and `message`), error items for what was not sent, and the account whose limiter it uses.
 */
function smsCampaign(this: IExecutePaginationFunctions, requestData: DeclarativeRestApiSettings.ResultOptions) {
	const form = new URLSearchParams(requestData.options.body as string);
	return {
		form,
		requestWith: (fields: Record<string, string>): DeclarativeRestApiSettings.ResultOptions => {
			const body = new URLSearchParams(form);
			for (const [name, value] of Object.entries(fields)) body.set(name, value);
			return { ...requestData, options: { ...requestData.options, body: body.toString() } };
		},
		failedItems: (numbers: string[], error: Error) => {
			// An entry refused before sending already names itself; a failed request names each recipient.
			const refused = error instanceof NodeOperationError;
			return itemsFor.call(
				this,
				numbers.map((number) => ({
					number,
					success: false,
					statusName: refused ? 'Refused' : 'RequestFailed',
					error: refused ? error.message : `${number}: ${error.message}`,
				})),
			);
		},
		outcome: smsOutcome,
		limitKey: accountKey.call(this, requestData.options.baseURL),
	};
}

/** One item per recipient (rejected ones fail the item unless it continues on fail), or the summary. */
async function finish(this: IExecutePaginationFunctions, items: INodeExecutionData[], options: CampaignOptions): Promise<INodeExecutionData[]> {
	return options.output === 'summary' ? await throwIfSummaryFailed.call(this, items) : await throwIfEntriesFailed.call(this, items);
}

/**
 * The requests of one SMS item with one message: its recipients (already checked and
 * form-encoded by preSend) in chunks of AT's `to` list, through the shared campaign core.
 */
export async function sendSmsInChunks(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const { form, requestWith, failedItems, outcome, limitKey } = smsCampaign.call(this, requestData);
	const options = campaignOptions.call(this);
	const items = await sendInChunks.call<IExecutePaginationFunctions, [ChunkedSend<string>, CampaignOptions], Promise<INodeExecutionData[]>>(
		this,
		{
			entries: (form.get('to') ?? '').split(','),
			requestFor: (numbers: string[]) => requestWith({ to: numbers.join(',') }),
			failedItems,
			outcome,
			limitKey,
		},
		options,
	);
	return await finish.call(this, items, options);
}

/**
 * The requests of one SMS item with a personalised list (Message List): every entry checked
 * before anything is sent, then one request per run of neighbouring entries with the same text.
 * The list is read here rather than put in the body by its field: a million entries would
 * otherwise be copied through the form encoder and back.
 */
export async function sendSmsList(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const { requestWith, failedItems, outcome, limitKey } = smsCampaign.call(this, requestData);
	const options = campaignOptions.call(this);
	const node = this.getNode();
	const items = await sendMessageList.call(
		this,
		{
			field: 'Message List',
			list: this.getNodeParameter('messageList', []),
			checkRecipient: (value, label) => {
				const number = String(value).trim();
				assertPhoneNumber(node, number, label, this.getItemIndex());
				return number;
			},
			requestFor: (numbers, message) => requestWith({ to: numbers.join(','), message }),
			failedItems,
			outcome,
			limitKey,
		},
		options,
	);
	return await finish.call(this, items, options);
}

/** Send: one message to many (Recipients and Message), or a personalised list (Message List). */
export async function sendSms(this: IExecutePaginationFunctions, requestData: DeclarativeRestApiSettings.ResultOptions): Promise<INodeExecutionData[]> {
	return this.getNodeParameter('messageMode', 'sameMessage') === 'list'
		? await sendSmsList.call(this, requestData)
		: await sendSmsInChunks.call(this, requestData);
}
