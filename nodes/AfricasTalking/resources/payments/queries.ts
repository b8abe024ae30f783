import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { filtersCollection, productNameField, queryField, transactionIdField } from '../../shared/fields';

const show = (operation: string) => ({ show: { resource: ['payments'], operation: [operation] } });

const CATEGORIES = ['BankCheckout', 'CardCheckout', 'MobileCheckout', 'MobileC2B', 'MobileB2C', 'MobileB2B', 'BankTransfer', 'WalletTransfer', 'UserStashTopup'].map(
	(value) => ({ name: value.replace(/([a-z])([A-Z])/g, '$1 $2'), value }),
);

const dateFilter = (name: string, displayName: string): INodeProperties => ({
	displayName,
	name,
	type: 'dateTime',
	default: '',
	// AT takes dates as YYYY-MM-DD.
	routing: { send: { type: 'query', property: name, value: '={{ $value ? String($value).slice(0, 10) : undefined }}' } },
});

const paging: INodeProperties[] = [
	{
		displayName: 'Page Number',
		name: 'pageNumber',
		type: 'number',
		default: 1,
		typeOptions: { minValue: 1 },
		routing: { send: { type: 'query', property: 'pageNumber' } },
	},
	{
		displayName: 'Count',
		name: 'count',
		type: 'number',
		default: 100,
		typeOptions: { minValue: 1, maxValue: 1000 },
		description: 'How many transactions per page',
		routing: { send: { type: 'query', property: 'count' } },
	},
];

export const getTransactionDescription = updateDisplayOptions(show('getTransaction'), [transactionIdField]);

export const productTransactionsDescription = updateDisplayOptions(show('getProductTransactions'), [
	{ ...productNameField, routing: { send: { type: 'query', property: 'productName' } } },
	...paging,
	filtersCollection(
		{ displayName: 'Category', name: 'category', type: 'options', default: 'MobileCheckout', options: CATEGORIES, routing: { send: { type: 'query', property: 'category' } } },
		queryField('destination', 'Destination', 'Only transactions to this phone number, account or wallet'),
		dateFilter('endDate', 'End Date'),
		queryField('provider', 'Provider', 'Only transactions through this provider, e.g. Mpesa'),
		queryField('providerChannel', 'Provider Channel', 'Only transactions through this paybill or till'),
		queryField('source', 'Source', 'Only transactions from this phone number, account or wallet'),
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
	),
]);

export const walletTransactionsDescription = updateDisplayOptions(show('getWalletTransactions'), [
	...paging,
	filtersCollection(
		{
			displayName: 'Categories',
			name: 'categories',
			type: 'multiOptions',
			default: [],
			options: CATEGORIES,
			routing: { send: { type: 'query', property: 'categories', value: '={{ $value.length ? $value.join(",") : undefined }}' } },
		},
		dateFilter('endDate', 'End Date'),
		dateFilter('startDate', 'Start Date'),
	),
]);
