import { updateDisplayOptions, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { AT_BASE_URL } from '../../../AfricasTalkingCommon/environment';
import { returnAllAndLimit } from '../../../common/fields';
import { lastReceivedIdPagination } from '../../shared/pagination';
import { listToItems } from '../../shared/responses';
import { operationRouting } from '../../shared/routing';
import { keywordField, shortCodeField } from './premiumSubscriptionFields';

export const option: INodePropertyOptions = {
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
};

const properties: INodeProperties[] = [
	{ ...shortCodeField, routing: { send: { type: 'query', property: 'shortCode' } } },
	{ ...keywordField, routing: { send: { type: 'query', property: 'keyword' } } },
	...returnAllAndLimit(1000),
];

export const description = updateDisplayOptions({ show: { resource: ['premiumSubscription'], operation: ['getAll'] } }, properties);
