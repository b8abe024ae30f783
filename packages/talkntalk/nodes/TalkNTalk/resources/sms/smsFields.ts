import type { INodeProperties } from 'n8n-workflow';
import { messageField as smsMessageField } from '../../../common/campaignFields';
import { PROVIDER } from '../../../TalkNTalkCommon/environment';

/** Fields that the SMS sends share exactly (the campaign fields come from common/campaignFields.ts). */

export const messageField = smsMessageField(
	PROVIDER,
	'TalkNTalk bills per part of up to 160 characters; longer messages are split (usually 153 characters per part, 67 with emoji or other non-GSM characters).',
);

export const senderIdField: INodeProperties = {
	displayName: 'Sender Name or ID',
	name: 'senderId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getSenderIds' },
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint: 'Default lets TalkNTalk use your default sender ID on each network',
	routing: { send: { type: 'body', property: 'sender_id' } },
};
