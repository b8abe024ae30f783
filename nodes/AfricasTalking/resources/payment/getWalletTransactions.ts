import { updateDisplayOptions, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { listToItems } from '../../shared/responses';
import { dateFilter, pagingFields, TRANSACTION_CATEGORIES } from './paymentFields';
import { paymentQueryRouting } from './paymentRouting';
import { filtersCollection } from '../../../common/fields';

export const option: INodePropertyOptions = {
	name: 'Get Wallet Transactions',
	value: 'getWalletTransactions',
	action: 'Get wallet transactions',
	description: "Get one page of your payments wallet's transactions, one item per transaction",
	routing: paymentQueryRouting('/query/wallet/fetch', 'fetch the wallet transactions', listToItems('responses')),
};

const properties: INodeProperties[] = [
	...pagingFields,
	filtersCollection([
		{
			displayName: 'Categories',
			name: 'categories',
			type: 'multiOptions',
			default: [],
			options: TRANSACTION_CATEGORIES,
			routing: { send: { type: 'query', property: 'categories', value: '={{ $value.length ? $value.join(",") : undefined }}' } },
		},
		dateFilter('endDate', 'End Date'),
		dateFilter('startDate', 'Start Date'),
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['payment'], operation: ['getWalletTransactions'] } }, properties);
