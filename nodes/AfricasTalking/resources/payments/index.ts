import type { INodeProperties } from 'n8n-workflow';
import { AT_BASE_URL } from '../../shared/hosts';
import { checkBody, idempotencyKey, metadataInBody, metadataObject, recipientsInBody } from '../../shared/preSend';
import { bodyToItem, entriesToItems, rejectFailedEntries, listToItems, requireStatus } from '../../shared/responses';
import { operationRouting, type PostReceive } from '../../shared/routing';
import { B2C_MAX_RECIPIENTS, mobileB2CDescription } from './mobileB2C';
import { mobileB2BDescription } from './mobileB2B';
import { mobileCheckoutDescription } from './mobileCheckout';
import { getTransactionDescription, productTransactionsDescription, walletTransactionsDescription } from './queries';
import { topUpStashDescription, walletTransferDescription } from './wallet';

const checkMoney = checkBody(['currencyCode', 'Currency Code', 'currency'], ['amount', 'Amount', 'amount']);

/** A payment request: JSON, checked, with metadata and an Idempotency-Key, and its outcome checked. */
function payment(url: string, ok: string[], action: string, checks: ReturnType<typeof checkBody>[] = []) {
	return operationRouting({
		method: 'POST',
		url,
		baseURL: AT_BASE_URL.payments,
		encoding: 'json',
		preSend: [...checks, checkMoney, metadataInBody('metadata', { always: true }), idempotencyKey],
		postReceive: [requireStatus({ field: 'status', ok, action, reasonFields: ['description', 'errorMessage'] }), bodyToItem],
	});
}

function query(url: string, action: string, output: PostReceive) {
	return operationRouting({
		method: 'GET',
		url,
		baseURL: AT_BASE_URL.payments,
		encoding: 'query',
		postReceive: [requireStatus({ field: 'status', ok: ['Success'], action }), output],
	});
}

export const paymentsDescription: INodeProperties[] = [
	{
		displayName: 'Payments work only on Africa\'s Talking accounts approved for Payments (ask AT support); in the sandbox use the Athena provider.',
		name: 'paymentsNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['payments'] } },
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['payments'] } },
		options: [
			{
				name: 'Get Product Transactions',
				value: 'getProductTransactions',
				action: 'Get product transactions',
				description: 'Get one page of a payment product\'s transactions, one item per transaction',
				routing: query('/query/transaction/fetch', 'fetch the product transactions', listToItems('responses')),
			},
			{
				name: 'Get Transaction',
				value: 'getTransaction',
				action: 'Get a payment transaction',
				description: 'Get a payment transaction by its ID',
				routing: query('/query/transaction/find', 'find the transaction', bodyToItem),
			},
			{
				name: 'Get Wallet Balance',
				value: 'getWalletBalance',
				action: 'Get the payments wallet balance',
				description: 'Get the balance of your payments wallet',
				routing: query('/query/wallet/balance', 'read the wallet balance', bodyToItem),
			},
			{
				name: 'Get Wallet Transactions',
				value: 'getWalletTransactions',
				action: 'Get wallet transactions',
				description: 'Get one page of your payments wallet\'s transactions, one item per transaction',
				routing: query('/query/wallet/fetch', 'fetch the wallet transactions', listToItems('responses')),
			},
			{
				name: 'Mobile B2B',
				value: 'mobileB2B',
				action: 'Pay a business',
				description: 'Send money from a payment product to a business paybill or till (moves money)',
				routing: payment('/mobile/b2b/request', ['Queued', 'Success'], 'make the B2B payment', [checkBody(['requester', 'Requester', 'phone'])]),
			},
			{
				name: 'Mobile B2C',
				value: 'mobileB2C',
				action: 'Pay mobile subscribers',
				description: `Send money to up to ${B2C_MAX_RECIPIENTS} mobile money subscribers per item (moves money); one item per recipient`,
				routing: operationRouting({
					method: 'POST',
					url: '/mobile/b2c/request',
					baseURL: AT_BASE_URL.payments,
					encoding: 'json',
					preSend: [
						recipientsInBody({
							parameter: 'recipients.recipient',
							field: 'Recipients',
							max: B2C_MAX_RECIPIENTS,
							build: (entry, check) => ({
								phoneNumber: check.phone(entry.phoneNumber, 'Phone Number'),
								currencyCode: check.currency(entry.currencyCode, 'Currency Code'),
								amount: check.amount(entry.amount, 'Amount'),
								...(entry.name ? { name: entry.name } : {}),
								...(entry.reason ? { reason: entry.reason } : {}),
								...(entry.providerChannel ? { providerChannel: entry.providerChannel } : {}),
								metadata: metadataObject(entry.metadata),
							}),
						}),
						idempotencyKey,
					],
					postReceive: [
						entriesToItems({
							list: 'entries',
							action: 'make the B2C payment',
							failed: (entry) => !['Queued', 'Success'].includes(String(entry.status)),
							describe: (entry) => `${String(entry.phoneNumber)}: ${String(entry.status)}${entry.errorMessage ? ` (${String(entry.errorMessage)})` : ''}`,
							reason: (body) => String(body.errorMessage ?? body.description ?? ''),
							hint: () => 'Check the product name, the numbers and your payments wallet balance.',
						}),
						rejectFailedEntries,
					],
				}),
			},
			{
				name: 'Mobile Checkout',
				value: 'mobileCheckout',
				action: 'Request a mobile payment',
				description: 'Ask a customer to pay from their mobile money account: they confirm on their phone (moves money)',
				routing: payment('/mobile/checkout/request', ['PendingConfirmation'], 'start the checkout', [checkBody(['phoneNumber', 'Phone Number', 'phone'])]),
			},
			{
				name: 'Top Up Stash',
				value: 'topUpStash',
				action: 'Top up the application stash',
				description: 'Move money from a payment product to your application stash (moves money)',
				routing: payment('/topup/stash', ['Success'], 'top up the stash'),
			},
			{
				name: 'Wallet Transfer',
				value: 'walletTransfer',
				action: 'Transfer between payment products',
				description: 'Move money from one payment product to another (moves money)',
				routing: payment('/transfer/wallet', ['Success'], 'transfer the money'),
			},
		],
		default: 'mobileCheckout',
	},
	...mobileCheckoutDescription,
	...mobileB2CDescription,
	...mobileB2BDescription,
	...walletTransferDescription,
	...topUpStashDescription,
	...getTransactionDescription,
	...productTransactionsDescription,
	...walletTransactionsDescription,
];
