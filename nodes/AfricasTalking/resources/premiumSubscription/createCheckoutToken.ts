import { updateDisplayOptions } from 'n8n-workflow';
import { subscriberField } from './fields';

export const checkoutTokenDescription = updateDisplayOptions(
	{ show: { resource: ['premiumSubscription'], operation: ['createCheckoutToken'] } },
	[subscriberField],
);
