import { updateDisplayOptions, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { AT_BASE_URL } from '../../../AfricasTalkingCommon/environment';
import { campaignOptionFields, enqueueOption, messageField, messagingRouting, recipientsField } from './smsFields';

export const option: INodePropertyOptions = {
	name: 'Send',
	value: 'send',
	action: 'Send an SMS',
	description: 'Send one message to one or many phone numbers; outputs one item per recipient',
	routing: messagingRouting(AT_BASE_URL.api, 1),
};

const properties: INodeProperties[] = [
	recipientsField,
	messageField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
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
			...campaignOptionFields,
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['sms'], operation: ['send'] } }, properties);
