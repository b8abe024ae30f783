import { updateDisplayOptions } from 'n8n-workflow';
import { keywordField, shortCodeField, subscriberField } from './fields';

export const subscriptionDeleteDescription = updateDisplayOptions(
	{ show: { resource: ['premiumSubscription'], operation: ['delete'] } },
	[shortCodeField(), keywordField(), subscriberField],
);
