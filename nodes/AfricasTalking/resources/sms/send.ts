import { updateDisplayOptions, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { AT_BASE_URL } from '../../../AfricasTalkingCommon/environment';
import { sendSmsInChunks } from '../../shared/campaign';
import { operationRouting } from '../../shared/routing';
import { campaignOptionFields, enqueueOption, messageField, recipientsField } from './smsFields';
import { smsRecipientsToItems } from './smsResponse';

export const option: INodePropertyOptions = {
	name: 'Send',
	value: 'send',
	action: 'Send an SMS',
	description: 'Send one message to one or many phone numbers; outputs one item per recipient',
	routing: operationRouting({
		method: 'POST',
		url: '/version1/messaging',
		baseURL: AT_BASE_URL.api,
		encoding: 'form',
		body: { bulkSMSMode: 1 },
		postReceive: [smsRecipientsToItems],
		pagination: sendSmsInChunks,
	}),
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
