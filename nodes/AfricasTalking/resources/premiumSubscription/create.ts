import { updateDisplayOptions, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { keywordField, shortCodeField, subscriberField } from './premiumSubscriptionFields';
import { subscriptionRouting } from './premiumSubscriptionRouting';
import { statusWordRule } from '../../shared/responses';

export const CREATE_SUBSCRIPTION_RULE = statusWordRule('Premium Subscription → Create');
import { optionsCollection } from '../../../common/fields';

export const option: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Subscribe a phone number',
	description: 'Subscribe a phone number to a premium keyword (the subscriber confirms on their phone)',
	routing: subscriptionRouting('/version1/subscription/create', 'create the subscription', CREATE_SUBSCRIPTION_RULE),
};

const properties: INodeProperties[] = [
	shortCodeField,
	keywordField,
	subscriberField,
	optionsCollection([
		{
			displayName: 'Checkout Token',
			name: 'checkoutToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Token from "Create Checkout Token", for older integrations that still require it',
			routing: { send: { type: 'body', property: 'checkoutToken' } },
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['premiumSubscription'], operation: ['create'] } }, properties);
