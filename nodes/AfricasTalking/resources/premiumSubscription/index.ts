import type { INodeProperties } from 'n8n-workflow';
import { AT_BASE_URL } from '../../shared/hosts';
import { lastReceivedIdPagination } from '../../shared/pagination';
import { checkBody } from '../../shared/preSend';
import { bodyToItem, listToItems, requireStatus } from '../../shared/responses';
import { operationRouting } from '../../shared/routing';
import { subscriptionCreateDescription } from './create';
import { checkoutTokenDescription } from './createCheckoutToken';
import { safaricomSubscriptionDescription } from './createSafaricom';
import { subscriptionDeleteDescription } from './delete';
import { subscriptionGetAllDescription } from './getAll';

const checkPhone = checkBody(['phoneNumber', 'Phone Number', 'phone']);
const premiumForm = { method: 'POST', baseURL: AT_BASE_URL.premium, encoding: 'form', preSend: [checkPhone] } as const;

export const premiumSubscriptionDescription: INodeProperties[] = [
	{
		displayName:
			"Premium SMS runs on content.africastalking.com live; Africa's Talking's sandbox has no such host and serves it on api.sandbox.africastalking.com. The node picks the right one from the credential.",
		name: 'premiumHostNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['premiumSubscription'] } },
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['premiumSubscription'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Subscribe a phone number',
				description: 'Subscribe a phone number to a premium keyword (the subscriber confirms on their phone)',
				routing: operationRouting({
					...premiumForm,
					url: '/version1/subscription/create',
					postReceive: [requireStatus({ field: 'status', ok: ['Success'], action: 'create the subscription' }), bodyToItem],
				}),
			},
			{
				name: 'Create Checkout Token',
				value: 'createCheckoutToken',
				action: 'Create a checkout token',
				description: 'Legacy: create the token older subscription integrations needed before "Create"',
				routing: operationRouting({
					...premiumForm,
					baseURL: AT_BASE_URL.api,
					url: '/checkout/token/create',
					postReceive: [
						requireStatus({ field: 'description', ok: ['Success'], action: 'create a checkout token', reasonFields: ['token'] }),
						bodyToItem,
					],
				}),
			},
			{
				name: 'Create Safaricom Subscription',
				value: 'createSafaricom',
				action: 'Start a safaricom subscription',
				description: 'Start a subscription through Safaricom\'s consent page; outputs the URL to send the subscriber to',
				routing: operationRouting({
					...premiumForm,
					url: '/version1/subscription/safaricom',
					postReceive: [requireStatus({ field: 'status', ok: ['Success'], action: 'start the Safaricom subscription', reasonFields: ['responseCode'] }), bodyToItem],
				}),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Unsubscribe a phone number',
				description: 'Unsubscribe a phone number from a premium keyword',
				routing: operationRouting({
					...premiumForm,
					url: '/version1/subscription/delete',
					postReceive: [requireStatus({ field: 'status', ok: ['Success'], action: 'delete the subscription' }), bodyToItem],
				}),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get subscriptions',
				description: 'Get the subscribers of a short code and keyword, one item per subscription',
				routing: operationRouting({
					method: 'GET',
					url: '/version1/subscription',
					baseURL: AT_BASE_URL.premium,
					encoding: 'query',
					postReceive: [listToItems('responses')],
					pagination: lastReceivedIdPagination,
				}),
			},
		],
		default: 'create',
	},
	...subscriptionCreateDescription,
	...checkoutTokenDescription,
	...safaricomSubscriptionDescription,
	...subscriptionDeleteDescription,
	...subscriptionGetAllDescription,
];
