import { updateDisplayOptions, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { productNameField } from '../../shared/fields';
import { listToItems } from '../../shared/responses';
import { dateFilter, pagingFields, TRANSACTION_CATEGORIES } from './paymentFields';
import { paymentQueryRouting } from './paymentRouting';
import { filtersCollection } from '../../../common/fields';

export const option: INodePropertyOptions = {
	name: 'Get Product Transactions',
	value: 'getProductTransactions',
	action: 'Get product transactions',
	description: "Get one page of a payment product's transactions, one item per transaction",
	routing: paymentQueryRouting('/query/transaction/fetch', 'fetch the product transactions', listToItems('responses')),
};

const properties: INodeProperties[] = [
	{ ...productNameField, routing: { send: { type: 'query', property: 'productName' } } },
	...pagingFields,
	filtersCollection([
		{
			displayName: 'Category',
			name: 'category',
			type: 'options',
			default: 'MobileCheckout',
			options: TRANSACTION_CATEGORIES,
			routing: { send: { type: 'query', property: 'category' } },
		},
		{
			displayName: 'Destination',
			name: 'destination',
			type: 'string',
			default: '',
			description: 'Only transactions to this phone number, account or wallet',
			routing: { send: { type: 'query', property: 'destination' } },
		},
		dateFilter('endDate', 'End Date'),
		{
			displayName: 'Provider',
			name: 'provider',
			type: 'string',
			default: '',
			description: 'Only transactions through this provider, e.g. Mpesa',
			routing: { send: { type: 'query', property: 'provider' } },
		},
		{
			displayName: 'Provider Channel',
			name: 'providerChannel',
			type: 'string',
			default: '',
			description: 'Only transactions through this paybill or till',
			routing: { send: { type: 'query', property: 'providerChannel' } },
		},
		{
			displayName: 'Source',
			name: 'source',
			type: 'string',
			default: '',
			description: 'Only transactions from this phone number, account or wallet',
			routing: { send: { type: 'query', property: 'source' } },
		},
		dateFilter('startDate', 'Start Date'),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: 'Success',
			options: [
				{ name: 'Failed', value: 'Failed' },
				{ name: 'Success', value: 'Success' },
			],
			routing: { send: { type: 'query', property: 'status' } },
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['payment'], operation: ['getProductTransactions'] } }, properties);
