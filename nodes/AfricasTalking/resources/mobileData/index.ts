import type { INodeProperties } from 'n8n-workflow';
import { transactionIdField } from '../../shared/fields';
import { AT_BASE_URL } from '../../shared/hosts';
import { idempotencyKey, metadataObject, recipientsInBody } from '../../shared/preSend';
import { bodyToItem, entriesToItems, rejectFailedEntries, requireStatus } from '../../shared/responses';
import { operationRouting } from '../../shared/routing';
import { mobileDataSendDescription } from './send';

const show = (operation: string) => ({ show: { resource: ['mobileData'], operation: [operation] } });

export const mobileDataDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['mobileData'] } },
		options: [
			{
				name: 'Get Transaction Status',
				value: 'getTransactionStatus',
				action: 'Get a mobile data transaction status',
				description: 'Get the status of a data bundle by its transaction ID',
				routing: operationRouting({
					method: 'GET',
					url: '/query/transaction/find',
					baseURL: AT_BASE_URL.data,
					encoding: 'query',
					postReceive: [requireStatus({ field: 'status', ok: ['Success'], action: 'find the transaction' }), bodyToItem],
				}),
			},
			{
				name: 'Get Wallet Balance',
				value: 'getWalletBalance',
				action: 'Get the mobile data wallet balance',
				description: 'Get the balance of the wallet data bundles are paid from',
				routing: operationRouting({
					method: 'GET',
					url: '/query/wallet/balance',
					baseURL: AT_BASE_URL.data,
					encoding: 'query',
					postReceive: [requireStatus({ field: 'status', ok: ['Success'], action: 'read the wallet balance', hint: 'Check that Mobile Data is enabled for this app.' }), bodyToItem],
				}),
			},
			{
				name: 'Send',
				value: 'send',
				action: 'Send mobile data',
				description: 'Send data bundles to one or many phones; one item per recipient',
				routing: operationRouting({
					method: 'POST',
					url: '/mobile/data/request',
					baseURL: AT_BASE_URL.data,
					encoding: 'json',
					preSend: [
						recipientsInBody({
							parameter: 'recipients.recipient',
							field: 'Recipients',
							build(entry, check) {
								return {
									phoneNumber: check.phone(entry.phoneNumber, 'Phone Number'),
									quantity: check.amount(entry.quantity, 'Quantity'),
									unit: entry.unit,
									validity: entry.validity,
									metadata: metadataObject(entry.metadata),
								};
							},
						}),
						idempotencyKey,
					],
					postReceive: [
						entriesToItems({
							list: 'entries',
							action: 'send mobile data',
							failed: (entry) => !['Queued', 'Success', 'Sent'].includes(String(entry.status)),
							describe: (entry) => `${String(entry.phoneNumber)}: ${String(entry.status)}${entry.status === 'NotSupported' ? ' (this number\'s network is not supported for data bundles)' : ''}`,
							reason: (body) => String(body.errorMessage ?? body.description ?? ''),
							hint: () => 'Check the product name and the numbers.',
						}),
						rejectFailedEntries,
					],
				}),
			},
		],
		default: 'send',
	},
	...mobileDataSendDescription,
	{ ...transactionIdField, displayOptions: show('getTransactionStatus') },
];

