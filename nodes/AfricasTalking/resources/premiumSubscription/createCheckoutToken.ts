import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { AT_BASE_URL } from '../../../AfricasTalkingCommon/environment';
import { bodyToItem, requireStatus, statusWordRule } from '../../shared/responses';

/** AT says `Success` in `description` (a failure gives the token "None" and another description). */
export const CHECKOUT_TOKEN_RULE = statusWordRule('Premium Subscription → Create Checkout Token', { field: 'description', failure: ['InvalidPhoneNumber'] });
import { operationRouting } from '../../shared/routing';
import { subscriberField } from './premiumSubscriptionFields';

export const option: INodePropertyOptions = {
	name: 'Create Checkout Token',
	value: 'createCheckoutToken',
	action: 'Create a checkout token',
	description: 'Legacy: create the token older subscription integrations needed before "Create"',
	routing: operationRouting({
		method: 'POST',
		url: '/checkout/token/create',
		baseURL: AT_BASE_URL.api,
		encoding: 'form',
		postReceive: [requireStatus({ rule: CHECKOUT_TOKEN_RULE, action: 'create a checkout token', reasonFields: ['token'], output: bodyToItem })],
	}),
};

export const description = updateDisplayOptions({ show: { resource: ['premiumSubscription'], operation: ['createCheckoutToken'] } }, [subscriberField]);
