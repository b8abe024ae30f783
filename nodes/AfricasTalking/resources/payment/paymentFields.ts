import type { INodeProperties } from 'n8n-workflow';
import { idempotencyKeyOption, metadataField } from '../../shared/fields';
import { optionsCollection } from '../../../common/fields';

/** The options of every operation that moves money: its own, the idempotency key and metadata. */
export function moneyOptions(...extra: INodeProperties[]): INodeProperties {
	return optionsCollection([...extra, idempotencyKeyOption, metadataField()]);
}

export const TRANSACTION_CATEGORIES = [
	'BankCheckout', 'BankTransfer', 'CardCheckout', 'MobileB2B', 'MobileB2C', 'MobileC2B', 'MobileCheckout', 'UserStashTopup', 'WalletTransfer',
].map((value) => ({ name: value.replace(/([a-z])([A-Z])/g, '$1 $2'), value }));

/** A date filter: AT takes dates as YYYY-MM-DD. */
export function dateFilter(name: 'startDate' | 'endDate', displayName: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'dateTime',
		default: '',
		routing: { send: { type: 'query', property: name, value: '={{ $value ? String($value).slice(0, 10) : undefined }}' } },
	};
}

/** AT's page of transactions: page number and page size. */
export const pagingFields: INodeProperties[] = [
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
