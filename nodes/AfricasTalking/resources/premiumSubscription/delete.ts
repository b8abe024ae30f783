import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { keywordField, shortCodeField, subscriberField } from './premiumSubscriptionFields';
import { subscriptionRouting } from './premiumSubscriptionRouting';
import { statusWordRule } from '../../shared/responses';

export const DELETE_SUBSCRIPTION_RULE = statusWordRule('Premium Subscription → Delete');

export const option: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Unsubscribe a phone number',
	description: 'Unsubscribe a phone number from a premium keyword',
	routing: subscriptionRouting('/version1/subscription/delete', 'delete the subscription', DELETE_SUBSCRIPTION_RULE),
};

export const description = updateDisplayOptions({ show: { resource: ['premiumSubscription'], operation: ['delete'] } }, [
	shortCodeField,
	keywordField,
	subscriberField,
]);
