import type { INodeProperties } from 'n8n-workflow';
import { transactionIdField } from '../../shared/fields';
import { AT_BASE_URL } from '../../shared/hosts';
import { idempotencyKey, recipientsInBody } from '../../shared/preSend';
import { bodyToItem, entriesToItems, rejectFailedEntries, requireStatus } from '../../shared/responses';
import { operationRouting } from '../../shared/routing';
import { airtimeSendDescription } from './send';

export const airtimeDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['airtime'] } },
		options: [
			{
				name: 'Get Transaction Status',
				value: 'getTransactionStatus',
				action: 'Get an airtime transaction status',
				description: 'Get the status of an airtime top-up by its transaction (request) ID',
				routing: operationRouting({
					method: 'GET',
					url: '/query/transaction/find',
					baseURL: AT_BASE_URL.api,
					encoding: 'query',
					postReceive: [requireStatus({ field: 'status', ok: ['Success'], action: 'find the transaction' }), bodyToItem],
				}),
			},
			{
				name: 'Send',
				value: 'send',
				action: 'Send airtime',
				description: 'Top up one or many phones with airtime, paid from your account balance; one item per recipient',
				routing: operationRouting({
					method: 'POST',
					url: '/version1/airtime/send',
					baseURL: AT_BASE_URL.api,
					encoding: 'form',
					preSend: [
						recipientsInBody({
							parameter: 'recipients.recipient',
							field: 'Recipients',
							asJsonString: true,
							// AT takes the amount as "<currency code> <amount>", e.g. "KES 10".
							build: (entry, check) => ({
								phoneNumber: check.phone(entry.phoneNumber, 'Phone Number'),
								amount: `${check.currency(entry.currencyCode, 'Currency Code')} ${check.amount(entry.amount, 'Amount')}`,
							}),
						}),
						idempotencyKey,
					],
					postReceive: [
						entriesToItems({
							list: 'responses',
							action: 'send airtime',
							failed: (entry) => entry.status === 'Failed' || (entry.errorMessage !== undefined && entry.errorMessage !== 'None'),
							describe: (entry) => `${String(entry.phoneNumber)}: ${String(entry.errorMessage ?? entry.status)}`,
							reason: (body) => String(body.errorMessage ?? ''),
							hint: () => 'Check the numbers, currency codes (the recipient network\'s currency) and your balance.',
						}),
						rejectFailedEntries,
					],
				}),
			},
		],
		default: 'send',
	},
	...airtimeSendDescription,
	{ ...transactionIdField, displayOptions: { show: { resource: ['airtime'], operation: ['getTransactionStatus'] } } },
];
