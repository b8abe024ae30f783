import { updateDisplayOptions, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { AT_BASE_URL } from '../../../AfricasTalkingCommon/environment';
import { MESSAGE_LIST, sendSms } from './smsCampaign';
import { listSourceFields } from '../../../common/itemField';
import { campaignOptions, enqueueOption, messageField, outputFields, recipientsFields } from './smsFields';
import { messagingRouting } from './smsRouting';
import { optionsCollection } from '../../../common/fields';

export const option: INodePropertyOptions = {
	name: 'Send',
	value: 'send',
	action: 'Send an SMS',
	description: 'Send one message to one or many phone numbers, or a personalised message to each number of a list',
	routing: messagingRouting(AT_BASE_URL.api, 1, sendSms),
};

const sameMessage = { show: { messageMode: ['sameMessage'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Messages',
		name: 'messageMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'A List of Personalised Messages',
				value: 'list',
				description: 'One item holds a list of { to, message }, e.g. from the Aggregate node: no per-item cost in n8n',
			},
			{
				name: 'Same Message to All Recipients',
				value: 'sameMessage',
				description: 'One message to the phone numbers of Recipients',
			},
		],
		default: 'sameMessage',
	},
	...updateDisplayOptions(sameMessage, recipientsFields),
	{ ...messageField, displayOptions: sameMessage },
	...updateDisplayOptions(
		{ show: { messageMode: ['list'] } },
		listSourceFields(MESSAGE_LIST, {
			displayName: 'Message List',
			name: 'messageList',
			type: 'json',
			required: true,
			default: '[\n  { "to": "+254711XXXYYY", "message": "Hi Amina, your order has shipped" }\n]',
			description:
				'One entry per recipient: { "to": phone number in international format, "message": its text }, typed or from an expression (for small lists). Every entry is checked before anything is sent; neighbouring entries with the same text share a request.',
		}),
	),
	...outputFields,
	optionsCollection([
		{
			displayName: 'Sender ID or Short Code',
			name: 'from',
			type: 'string',
			default: '',
			placeholder: 'MyBrand',
			description: "A sender ID or short code approved for this app. Leave empty to use Africa's Talking's default sender.",
			routing: { send: { type: 'body', property: 'from' } },
		},
		enqueueOption,
		...campaignOptions,
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['sms'], operation: ['send'] } }, properties);
