import { updateDisplayOptions, type IDataObject, type IExecuteSingleFunctions, type IHttpRequestOptions, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { campaignOptionFields } from '../../../common/campaignFields';
import { SEND_CAMPAIGN, sendInTalkNTalkChunks } from './smsCampaign';
import { kenyanMobile } from '../../shared/mobile';
import { talkNTalkRouting } from '../../shared/routing';
import { messageField, senderIdField } from './smsFields';
import { messageToItem } from './smsResponse';
import { refusingLocally } from '../../../common/refusals';
import { optionsCollection } from '../../../common/fields';
import { PROVIDER } from '../../../TalkNTalkCommon/environment';

async function checkMobile(this: IExecuteSingleFunctions, options: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const body = options.body as IDataObject;
	body.mobile = kenyanMobile(this.getNode(), body.mobile, 'Mobile', this.getItemIndex());
	return options;
}

export const option: INodePropertyOptions = {
	name: 'Send',
	value: 'send',
	action: 'Send an SMS',
	description: 'Send one message to one phone number; outputs the queued message',
	// POST /v1/sms/send/ {mobile, message, sender_id} → 201 {id, mobile, sender_id, message, status, created_at}
	routing: talkNTalkRouting({
		method: 'POST',
		url: '/sms/send/',
		postReceive: [messageToItem],
		// Through the campaign core, so that many items share TalkNTalk's 300 requests/min and 429s are retried.
		pagination: sendInTalkNTalkChunks('mobile', SEND_CAMPAIGN),
	}),
};

const properties: INodeProperties[] = [
	{
		displayName: 'Mobile',
		name: 'mobile',
		type: 'string',
		required: true,
		default: '',
		placeholder: '0712345678',
		description: 'Kenyan mobile number: +254712345678, 254712345678 or 0712345678 (sent as 254712345678)',
		routing: { send: { type: 'body', property: 'mobile', preSend: [refusingLocally(PROVIDER, checkMobile)] } },
	},
	messageField,
	senderIdField,
	optionsCollection(campaignOptionFields(SEND_CAMPAIGN)),
];

export const description = updateDisplayOptions({ show: { resource: ['sms'], operation: ['send'] } }, properties);
