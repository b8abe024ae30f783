import { NodeOperationError, updateDisplayOptions, type IDataObject, type IExecuteSingleFunctions, type IHttpRequestOptions, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { answerToItem } from '../../shared/responses';
import { talkNTalkRouting } from '../../shared/routing';
import { messageField, senderIdField } from './smsFields';
import { refusingLocally } from '../../../common/refusals';
import { PROVIDER } from '../../../TalkNTalkCommon/environment';

/**
 * The address book IDs exactly as TalkNTalk lists them: the list gives integers, send-group's
 * docs speak of UUIDs, so digits become numbers and anything else stays text.
 */
async function checkAddressBooks(this: IExecuteSingleFunctions, options: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const body = options.body as IDataObject;
	const given = Array.isArray(body.group_ids) ? body.group_ids : String(body.group_ids ?? '').split(/[,;\s]+/);
	const ids = given.map((id) => String(id).trim()).filter((id) => id !== '');
	if (ids.length === 0) {
		throw new NodeOperationError(this.getNode(), `"Address Books" is empty (item ${this.getItemIndex() + 1})`, {
			itemIndex: this.getItemIndex(),
			description: 'Choose at least one address book (or give their IDs in an expression).',
		});
	}
	body.group_ids = ids.map((id) => (/^\d+$/.test(id) ? Number(id) : id));
	return options;
}

export const option: INodePropertyOptions = {
	name: 'Send to Address Books',
	value: 'sendToAddressBooks',
	action: 'Send an SMS to address books',
	description: 'Start a campaign to every contact of one or more address books; outputs the campaign',
	// POST /v1/sms/send-group/ {group_ids[], message, sender_id} → 202 {campaign_id, status, recipients_count, group_names, sender_id, estimated_cost}
	routing: talkNTalkRouting({ method: 'POST', url: '/sms/send-group/', postReceive: [answerToItem] }),
};

const properties: INodeProperties[] = [
	{
		displayName: 'Address Book Names or IDs',
		name: 'addressBooks',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getAddressBooks' },
		required: true,
		default: [],
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'Every contact of these address books gets the message',
		routing: { send: { type: 'body', property: 'group_ids', preSend: [refusingLocally(PROVIDER, checkAddressBooks)] } },
	},
	messageField,
	senderIdField,
];

export const description = updateDisplayOptions({ show: { resource: ['sms'], operation: ['sendToAddressBooks'] } }, properties);
