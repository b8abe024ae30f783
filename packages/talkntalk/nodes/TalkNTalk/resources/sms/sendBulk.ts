import { NodeApiError, updateDisplayOptions, type IDataObject, type IExecuteSingleFunctions, type IHttpRequestOptions, type IN8nHttpFullResponse, type INodeExecutionData, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { itemsFor } from '../../../common/items';
import { campaignOptionFields, campaignOutputFields } from '../../../common/campaignFields';
import { BULK_CAMPAIGN, sendInTalkNTalkChunks } from './smsCampaign';
import { kenyanMobiles } from '../../shared/mobile';
import { talkNTalkRouting } from '../../shared/routing';
import { messageField, senderIdField } from './smsFields';
import { judgedMessage } from './smsResponse';
import { plainText } from '../../../common/statusRule';
import { refusingLocally } from '../../../common/refusals';
import { optionsCollection } from '../../../common/fields';
import { listFromItemRouting, listSourceFields, type ListFromItem } from '../../../common/itemField';
import { PROVIDER } from '../../../TalkNTalkCommon/environment';

async function checkRecipients(this: IExecuteSingleFunctions, options: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const body = options.body as IDataObject;
	body.recipients = kenyanMobiles(this.getNode(), body.recipients, 'Recipients', this.getItemIndex());
	return options;
}

function withoutUndefined(json: IDataObject): IDataObject {
	for (const key of Object.keys(json)) if (json[key] === undefined) delete json[key];
	return json;
}

/** Recipients: by default a field of the input item (lists come from Aggregate, a database or a file). */
const RECIPIENTS: ListFromItem = {
	name: 'recipients',
	displayName: 'Recipients',
	holds: 'the Kenyan mobile numbers: a list, or a text with the numbers separated by commas or new lines',
	defaultField: 'phones',
	defaultSource: 'field',
	routing: listFromItemRouting(PROVIDER, 'recipients', 'Recipients', kenyanMobiles),
};

/**
 * One item per recipient of a 201/207 answer: queued ones ({id, mobile, status}) and failed ones
 * ({mobile, status: 'failed', error, detail}), each with the sender ID TalkNTalk used.
 */
async function recipientsToItems(this: IExecuteSingleFunctions, _items: INodeExecutionData[], response: IN8nHttpFullResponse): Promise<INodeExecutionData[]> {
	const body = (response.body ?? {}) as IDataObject;
	if (!Array.isArray(body.results) && !Array.isArray(body.errors)) {
		throw new NodeApiError(this.getNode(), { message: 'TalkNTalk answered the bulk send without results' }, {
			message: 'TalkNTalk answered the bulk send without results or errors',
			description: 'Check the execution of this item in the TalkNTalk dashboard (Messages) before sending again.',
			httpCode: String(response.statusCode),
			itemIndex: this.getItemIndex(),
		});
	}
	const senderId = plainText(body.sender_id) || undefined;
	const entries = (list: unknown) => (Array.isArray(list) ? list : []).map((entry) => (entry && typeof entry === 'object' ? entry : {}) as IDataObject);
	const queued = entries(body.results).map((entry) =>
		withoutUndefined(judgedMessage({ id: entry.id, mobile: entry.mobile, status: plainText(entry.status) || 'queued', sender_id: senderId })),
	);
	// Listed under `errors`: failed, whatever its status says.
	const failed = entries(body.errors).map((entry) =>
		withoutUndefined({ mobile: entry.mobile, status: 'failed', error: plainText(entry.error) || plainText(entry.status) || 'failed', detail: plainText(entry.detail), sender_id: senderId }),
	);
	return itemsFor.call(this, [...queued, ...failed]);
}

export const option: INodePropertyOptions = {
	name: 'Send Bulk',
	value: 'sendBulk',
	action: 'Send an SMS to many numbers',
	description: 'Send one message to a list of numbers, in requests of up to 10,000; outputs one item per recipient or a summary',
	// POST /v1/sms/send-bulk/ {recipients[], message, sender_id} → 201 all queued / 207 {queued, failed, total, sender_id, results[], errors[]}
	routing: talkNTalkRouting({
		method: 'POST',
		url: '/sms/send-bulk/',
		postReceive: [recipientsToItems],
		pagination: sendInTalkNTalkChunks('recipients', BULK_CAMPAIGN),
	}),
};

const properties: INodeProperties[] = [
	...listSourceFields(RECIPIENTS, {
		displayName: 'Recipients',
		name: 'recipients',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 3 },
		placeholder: '0712345678, 0722345678',
		description:
			'Kenyan mobile numbers (+2547…, 2547… or 07…) separated by commas, semicolons or new lines (spaces, dashes and dots inside a number are ignored). An expression may also return an array of numbers. Repeated numbers are sent once.',
		routing: { send: { type: 'body', property: 'recipients', preSend: [refusingLocally(PROVIDER, checkRecipients)] } },
	}),
	messageField,
	senderIdField,
	...campaignOutputFields({
		perRecipient: 'Mobile, status and message ID of every recipient',
		summary: 'counts by status, and every failed recipient with its reason',
	}),
	optionsCollection(campaignOptionFields(BULK_CAMPAIGN)),
];

export const description = updateDisplayOptions({ show: { resource: ['sms'], operation: ['sendBulk'] } }, properties);
