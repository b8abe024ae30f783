import { updateDisplayOptions, type IDataObject, type IExecuteSingleFunctions, type IHttpRequestOptions, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { pageNumberPagination } from '../../shared/pagination';
import { talkNTalkRouting } from '../../shared/routing';
import { filtersCollection, returnAllAndLimit } from '../../../common/fields';
import { compactPhone } from '../../../common/phoneList';
import { asKenyanMobile } from '../../shared/mobile';
import { refusingLocally } from '../../../common/refusals';
import { PROVIDER } from '../../../TalkNTalkCommon/environment';

/** The mobile filter matches part of the number as TalkNTalk stores it (2547…): a full local or "+" number is rewritten to that form. */
async function mobileFilter(this: IExecuteSingleFunctions, options: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const qs = (options.qs ?? {}) as IDataObject;
	if (typeof qs.mobile === 'string') {
		const digits = compactPhone(qs.mobile).replace(/^\+/, '');
		qs.mobile = asKenyanMobile(digits) ?? digits;
	}
	options.qs = qs;
	return options;
}

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many messages',
	description: 'Get sent messages with their delivery status, newest first, one item per message',
	// GET /v1/bulk-sms/messages/?page&page_size&status&mobile&sender_id&source → 200 paginated
	routing: talkNTalkRouting({ method: 'GET', url: '/bulk-sms/messages/', pagination: pageNumberPagination() }),
};

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	filtersCollection([
		{
			displayName: 'Mobile',
			name: 'mobile',
			type: 'string',
			default: '',
			placeholder: '254712',
			description: 'All or part of the phone number (0712345678 is matched as 254712345678)',
			routing: { send: { type: 'query', property: 'mobile', preSend: [refusingLocally(PROVIDER, mobileFilter)] } },
		},
		{
			displayName: 'Sender Name or ID',
			name: 'senderId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getSenderIdFilter' },
			default: '',
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: 'Matched exactly, ignoring case',
			routing: { send: { type: 'query', property: 'sender_id' } },
		},
		{
			displayName: 'Source',
			name: 'source',
			type: 'options',
			default: 'api',
			options: [
				{ name: 'API', value: 'api' },
				{ name: 'Web', value: 'web' },
			],
			description: 'Whether the message was sent through the API or from the TalkNTalk dashboard',
			routing: { send: { type: 'query', property: 'source' } },
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: 'delivered',
			options: [
				{ name: 'Cancelled', value: 'cancelled' },
				{ name: 'Delivered', value: 'delivered' },
				{ name: 'Failed', value: 'failed' },
				{ name: 'Queued', value: 'queued' },
				{ name: 'Sent', value: 'sent' },
				{ name: 'Undelivered', value: 'undelivered' },
			],
			description: 'Only messages with this status (an expression may give any other status TalkNTalk uses)',
			routing: { send: { type: 'query', property: 'status' } },
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['getAll'] } }, properties);
