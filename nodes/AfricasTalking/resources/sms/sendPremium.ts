import { updateDisplayOptions, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { AT_BASE_URL } from '../../../AfricasTalkingCommon/environment';
import { campaignOptions, enqueueOption, messageField, outputFields, recipientsFields } from './smsFields';
import { messagingRouting } from './smsRouting';
import { optionsCollection } from '../../../common/fields';
import { premiumKeywordField } from '../../shared/fields';

export const option: INodePropertyOptions = {
	name: 'Send Premium',
	value: 'sendPremium',
	action: 'Send a premium SMS',
	description: 'Send a premium (subscription or on-demand) message on your short code and keyword; outputs one item per recipient or a summary',
	routing: messagingRouting(AT_BASE_URL.premium, 0),
};

const properties: INodeProperties[] = [
	{
		displayName: 'Short Code',
		name: 'from',
		type: 'string',
		required: true,
		default: '',
		placeholder: '20880',
		description: 'The premium short code the keyword belongs to',
		hint: 'Premium SMS go to content.africastalking.com live and to api.sandbox.africastalking.com in the sandbox (chosen from the credential)',
		routing: { send: { type: 'body', property: 'from' } },
	},
	premiumKeywordField('The premium keyword on that short code; subscribers are charged for it'),
	...recipientsFields,
	messageField,
	...outputFields,
	optionsCollection([
		{
			displayName: 'Link ID',
			name: 'linkId',
			type: 'string',
			default: '',
			description: "For on-demand services: the linkId of the incoming message this answers (the Africa's Talking Trigger outputs it)",
			routing: { send: { type: 'body', property: 'linkId' } },
		},
		{
			displayName: 'Retry Duration (Hours)',
			name: 'retryDurationInHours',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0 },
			description: "How many hours Africa's Talking retries a subscription message that was not delivered; 0 leaves it to AT",
			routing: { send: { type: 'body', property: 'retryDurationInHours', value: '={{ $value || undefined }}' } },
		},
		enqueueOption,
		...campaignOptions,
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['sms'], operation: ['sendPremium'] } }, properties);
