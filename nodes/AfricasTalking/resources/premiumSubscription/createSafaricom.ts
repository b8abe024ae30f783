import { updateDisplayOptions, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { check } from '../../shared/checks';
import { keywordField, shortCodeField } from './premiumSubscriptionFields';
import { subscriptionRouting } from './premiumSubscriptionRouting';
import { statusWordRule } from '../../shared/responses';

export const SAFARICOM_SUBSCRIPTION_RULE = statusWordRule('Premium Subscription → Create (Safaricom)');
import { optionsCollection } from '../../../common/fields';

export const option: INodePropertyOptions = {
	name: 'Create Safaricom Subscription',
	value: 'createSafaricom',
	action: 'Start a Safaricom subscription',
	description: "Start a subscription through Safaricom's consent page; outputs the URL to send the subscriber to",
	routing: subscriptionRouting('/version1/subscription/safaricom', 'start the Safaricom subscription', SAFARICOM_SUBSCRIPTION_RULE, ['responseCode']),
};

const properties: INodeProperties[] = [
	shortCodeField,
	keywordField,
	optionsCollection([
		{
			displayName: 'Phone Number',
			name: 'phoneNumber',
			type: 'string',
			default: '',
			placeholder: '+254711XXXYYY',
			description: 'The subscriber, when known (otherwise Safaricom asks on its consent page). International format, e.g. +254711XXXYYY.',
			routing: { send: { type: 'body', property: 'phoneNumber', preSend: [check('phone', 'phoneNumber', 'Phone Number')] } },
		},
		{
			displayName: 'Redirect URL',
			name: 'redirectUrl',
			type: 'string',
			default: '',
			placeholder: 'https://example.com/subscribed',
			description: 'Where Safaricom sends the subscriber after the consent page',
			routing: { send: { type: 'body', property: 'redirectUrl' } },
		},
		{
			displayName: 'Request ID',
			name: 'requestId',
			type: 'string',
			default: '',
			description: 'Your own ID for this request, echoed in the subscription notification',
			routing: { send: { type: 'body', property: 'requestId' } },
		},
		{
			displayName: 'Source IP',
			name: 'sourceIp',
			type: 'string',
			default: '',
			description: "The subscriber's IP address, when the request comes from your website",
			routing: { send: { type: 'body', property: 'sourceIp' } },
		},
		{
			displayName: 'User Agent',
			name: 'userAgent',
			type: 'string',
			default: '',
			description: "The subscriber's browser user agent, when the request comes from your website",
			routing: { send: { type: 'body', property: 'userAgent' } },
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['premiumSubscription'], operation: ['createSafaricom'] } }, properties);
