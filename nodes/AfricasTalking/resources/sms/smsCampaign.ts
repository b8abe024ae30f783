import {
	NodeOperationError,
	type DeclarativeRestApiSettings,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { accountKey, campaignOptions, sendInChunks, type CampaignOptions, type CampaignProvider, type ChunkedSend } from '../../../common/campaign';
import { errorDescription, itemsFor } from '../../../common/items';
import { decodeFormValue, encodeFormValue } from '../../../common/values';
import { sendMessageList } from '../../../common/messageList';
import { DEFAULT_MAX_PARTS, maxPartsOf } from '../../../common/messageChecks';
import { itemFieldValue, listSourceField, type ListFromItem } from '../../../common/itemField';
import { smsOutcome } from './smsResponse';
import { checkedPhoneNumber } from '../../../AfricasTalkingCommon/phoneNumbers';
import { PROVIDER } from '../../../AfricasTalkingCommon/environment';
import { throwIfEntriesFailed, throwIfSummaryFailed } from '../../shared/responses';


/** Africa's Talking's messaging: up to 10,000 numbers per request; no published rate limit. */
export const AT_SMS_CAMPAIGN: CampaignProvider = {
	name: "Africa's Talking",
	defaults: { batchSize: 1000, maxConcurrency: 10, maxPerSecond: 0, retry: true, maxRetries: 4 },
	maxBatchSize: 10000,
	ratePerMinute: false,
	rateDescription: 'Spread requests to this account out over time, over all executions in this n8n process; 0 means no limit',
};

/**
 * The item's form as prepareRequest encoded it (username, sender, enqueue…), with some fields
 * replaced per request. Values stay encoded: a million-number `to` is cut into chunks where its
 * encoded commas are, never decoded whole nor encoded again.
 */
class EncodedForm {
	private readonly params: string[];

	constructor(body: string) {
		this.params = body === '' ? [] : body.split('&');
	}

	/** The encoded value of a field, or undefined. */
	get(name: string): string | undefined {
		const param = this.params.find((p) => p.startsWith(`${name}=`));
		return param === undefined ? undefined : param.slice(name.length + 1);
	}

	/** The body with these fields (already encoded) in place of the item's own, or added. */
	with(encoded: Record<string, string>): string {
		const names = Object.keys(encoded);
		const kept = this.params.map((param) => {
			const name = names.find((n) => param.startsWith(`${n}=`));
			return name === undefined ? param : `${name}=${encoded[name]}`;
		});
		const added = names.filter((name) => this.get(name) === undefined).map((name) => `${name}=${encoded[name]}`);
		return [...kept, ...added].join('&');
	}
}

const ENCODED_COMMA = encodeFormValue(',');

/** An encoded recipient list in chunks of `size` numbers, each still encoded (slices, not copies). */
function encodedChunks(list: string, size: number): string[] {
	const chunks: string[] = [];
	let start = 0;
	let count = 0;
	for (let comma = list.indexOf(ENCODED_COMMA); comma >= 0; comma = list.indexOf(ENCODED_COMMA, comma + ENCODED_COMMA.length)) {
		count += 1;
		if (count === size) {
			chunks.push(list.slice(start, comma));
			start = comma + ENCODED_COMMA.length;
			count = 0;
		}
	}
	if (start < list.length || chunks.length === 0) chunks.push(list.slice(start));
	return chunks;
}

/**
 * What both kinds of SMS campaign share: the item's encoded form with `to` (and `message`) set
 * per request, error items for what was not sent, and the account whose limiter it uses.
 */
function smsCampaign(this: IExecutePaginationFunctions, requestData: DeclarativeRestApiSettings.ResultOptions) {
	const form = new EncodedForm(String(requestData.options.body ?? ''));
	return {
		form,
		requestWith: (encoded: Record<string, string>): DeclarativeRestApiSettings.ResultOptions => ({
			...requestData,
			options: { ...requestData.options, body: form.with(encoded) },
		}),
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
					// What to check, as the same error says with Stop Workflow.
					...(errorDescription(error) ? { description: errorDescription(error) } : {}),
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
	const options = campaignOptions.call(this, AT_SMS_CAMPAIGN);
	const numbersOf = (chunk: string) => decodeFormValue(chunk).split(',');
	// The entries are whole chunks of Recipients per Request numbers: one entry, one request.
	const items = await sendInChunks.call<IExecutePaginationFunctions, [ChunkedSend<string>, CampaignOptions], Promise<INodeExecutionData[]>>(
		this,
		{
			entries: encodedChunks(form.get('to') ?? '', options.batchSize),
			requestFor: ([chunk]) => requestWith({ to: chunk }),
			failedItems: ([chunk], error) => failedItems(numbersOf(chunk), error),
			outcome,
			limitKey,
		},
		{ ...options, batchSize: 1 },
	);
	return await finish.call(this, items, options);
}

/**
 * Message List: by default the name of the input item's field holding the list (an Aggregate or
 * Code node builds it); read here, in the campaign, not by the field's routing.
 */
export const MESSAGE_LIST: ListFromItem = {
	name: 'messageList',
	displayName: 'Message List',
	holds: 'the list of { to, message } (or the same as JSON text)',
	defaultField: 'messages',
	defaultSource: 'field',
};

/**
 * The requests of one SMS item with a personalised list (Message List): every entry checked
 * before anything is sent, then one request per run of neighbouring entries with the same text.
 * The list is read here rather than put in the body by its field: a million entries would
 * otherwise be copied through the form encoder and back. From the input item's field (the
 * default) it is read where n8n holds it, never through an expression.
 */
async function sendSmsList(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const { requestWith, failedItems, outcome, limitKey } = smsCampaign.call(this, requestData);
	const options = campaignOptions.call(this, AT_SMS_CAMPAIGN);
	const node = this.getNode();
	const sourceField = listSourceField.call(this, MESSAGE_LIST);
	// A refusal here says that nothing was sent (messagingRouting).
	const list = sourceField === undefined ? this.getNodeParameter('messageList', []) : itemFieldValue.call(this, sourceField, MESSAGE_LIST.displayName);
	const items = await sendMessageList.call(
		this,
		{
			field: sourceField ?? MESSAGE_LIST.displayName,
			list,
			checkRecipient: (value, label) => checkedPhoneNumber(node, value, label, this.getItemIndex()),
			maxParts: maxPartsOf(this.getNodeParameter('options.maxParts', DEFAULT_MAX_PARTS)),
			provider: PROVIDER,
			requestFor: (numbers, message) => requestWith({ to: encodeFormValue(numbers.join(',')), message: encodeFormValue(message) }),
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
