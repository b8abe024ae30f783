'use strict';
// Every endpoint of africastalking-api.md §2, with AT's answers, including the business
// errors AT returns inside 2xx bodies. `host` is the product host; `body` the content type
// AT's server accepts ('form' or 'json'); `required` the fields it rejects requests without.
const { WireError, requireFields, isE164, messageParts, money } = require('./wire');
const { INSIGHTS_ROUTES } = require('./insightsRoutes');
const { WHATSAPP_ROUTES } = require('./whatsappRoutes');
const { CHAT_ROUTES } = require('./chatRoutes');

const SMS_STATUS = {
	100: 'Processed', 101: 'Success', 102: 'Queued', 401: 'RiskHold', 402: 'InvalidSenderId',
	403: 'InvalidPhoneNumber', 404: 'UnsupportedNumberType', 405: 'InsufficientBalance',
	406: 'UserInBlacklist', 407: 'CouldNotRoute', 409: 'DoNotDisturbRejection',
	500: 'InternalServerError', 501: 'GatewayError', 502: 'RejectedByGateway',
};
const DATA_UNITS = ['MB', 'GB'];
const DATA_VALIDITY = ['Day', 'Week', 'BiWeek', 'Month', 'Quarterly'];
const B2C_REASONS = ['SalaryPayment', 'SalaryPaymentWithWithdrawalChargePaid', 'BusinessPayment',
	'BusinessPaymentWithWithdrawalChargePaid', 'PromotionPayment'];
const B2B_PROVIDERS = ['Mpesa', 'Athena', 'TigoTanzania'];
const B2B_TRANSFER_TYPES = ['BusinessBuyGoods', 'BusinessPayBill', 'DisburseFundsToBusiness', 'BusinessToBusinessTransfer'];
const AMOUNT = /^([A-Z]{3}) (\d+(\.\d+)?)$/;
const CURRENCY = /^[A-Z]{3}$/;

const json = (status, body) => ({ status, json: body });
const badJson = (description) => new WireError(400, { status: 'InvalidRequest', description }, 'application/json');

function sendSms({ fake, body, premium }) {
	if (premium) requireFields('form', body, ['keyword']);
	if (body.from && !fake.senderIds.includes(body.from)) {
		return json(201, { SMSMessageData: { Message: 'InvalidSenderId', Recipients: [] } });
	}
	const parts = messageParts(body.message);
	let total = 0;
	const recipients = body.to.split(',').map((raw) => {
		const number = raw.trim();
		const statusCode = !isE164(number) ? 403 : fake.recipientStatus.get(number) ?? 101;
		if (statusCode >= 400) {
			return { statusCode, number, status: SMS_STATUS[statusCode], cost: '0', messageId: 'None' };
		}
		fake.accept('sms', number, body.message);
		total += 0.8 * parts;
		return {
			statusCode, number, status: SMS_STATUS[statusCode], cost: money('KES', 0.8 * parts),
			messageId: fake.id('ATXid_'), messageParts: parts,
		};
	});
	const sent = recipients.filter((r) => r.statusCode < 400).length;
	return json(201, {
		SMSMessageData: { Message: `Sent to ${sent}/${recipients.length} Total Cost: ${money('KES', total)}`, Recipients: recipients },
	});
}

function page(list, lastReceivedId, size = 100) {
	const after = Number(lastReceivedId || 0);
	return list.filter((entry) => entry.id > after).slice(0, size);
}

function subscriptionKey(body) {
	return `${body.shortCode}|${body.keyword}`;
}

function airtime({ fake, body }) {
	let recipients;
	try {
		recipients = JSON.parse(body.recipients);
	} catch {
		throw new WireError(400, 'Invalid recipients: expected a JSON array');
	}
	if (!Array.isArray(recipients) || recipients.length === 0) {
		return json(201, { errorMessage: 'Invalid recipients', numSent: 0, totalAmount: '0', totalDiscount: '0', responses: [] });
	}
	let numSent = 0;
	const responses = recipients.map((r) => {
		const amount = AMOUNT.exec(String(r.amount ?? ''));
		let errorMessage = 'None';
		if (!isE164(r.phoneNumber)) errorMessage = 'Invalid phone number';
		else if (!amount) errorMessage = 'Invalid amount: expected "<currency code> <amount>"';
		else if (fake.recipientStatus.get(r.phoneNumber) >= 400) errorMessage = 'Could not send airtime to this number';
		if (errorMessage !== 'None') {
			return { phoneNumber: r.phoneNumber, amount: String(r.amount), discount: '0', status: 'Failed', requestId: 'None', errorMessage };
		}
		numSent += 1;
		fake.accept('airtime', r.phoneNumber, r.amount);
		return {
			phoneNumber: r.phoneNumber, amount: money(amount[1], amount[2]), discount: money(amount[1], amount[2] * 0.04),
			status: 'Sent', requestId: fake.id('ATQid_'), errorMessage: 'None',
		};
	});
	return json(201, {
		errorMessage: numSent === 0 ? 'Sent to 0/' + recipients.length : 'None',
		numSent, totalAmount: 'KES 0', totalDiscount: 'KES 0', responses,
	});
}

function requirePaymentAmount(body) {
	if (!CURRENCY.test(String(body.currencyCode))) throw badJson('Invalid currencyCode');
	if (!(Number(body.amount) > 0)) throw badJson('Invalid amount');
}

function validateB2cRecipient(r) {
	requireFields('json', r, ['phoneNumber', 'currencyCode', 'amount']);
	if (!isE164(r.phoneNumber)) throw badJson(`Invalid phoneNumber ${r.phoneNumber}`);
	requirePaymentAmount(r);
	if (r.reason && !B2C_REASONS.includes(r.reason)) throw badJson(`Invalid reason ${r.reason}`);
}

function transaction(fake, txId) {
	return fake.transactions.get(txId);
}

function findTransaction({ fake, query }) {
	const found = transaction(fake, query.transactionId);
	if (!found) return json(200, { status: 'Failed', errorMessage: `Transaction ${query.transactionId} not found` });
	return json(200, { status: 'Success', data: found });
}

function walletBalance({ fake }) {
	if (!fake.walletAvailable) return json(200, { status: 'NotAvailable', errorMessage: 'Wallet not available' });
	return json(200, { status: 'Success', balance: fake.walletBalance });
}

function recordTransaction(fake, prefix, data) {
	const transactionId = fake.id(prefix);
	fake.transactions.set(transactionId, { transactionId, ...data, status: 'Success', transactionDate: '2026-11-23 10:00:00' });
	return transactionId;
}

const ROUTES = [
	{
		host: 'api', method: 'POST', path: '/version1/messaging', body: 'form', required: ['username', 'to', 'message'],
		handle: (ctx) => sendSms({ ...ctx, premium: ctx.env === 'sandbox' && !!ctx.body.keyword }),
	},
	{
		host: 'premium', method: 'POST', path: '/version1/messaging', body: 'form', required: ['username', 'to', 'message', 'keyword'],
		liveOnly: true, handle: (ctx) => sendSms({ ...ctx, premium: true }),
	},
	{
		host: 'api', method: 'GET', path: '/version1/messaging', requiredQuery: ['username'],
		handle: ({ fake, query }) => json(200, { SMSMessageData: { Messages: page(fake.inbox, query.lastReceivedId) } }),
	},
	{
		host: 'api', method: 'POST', path: '/checkout/token/create', body: 'form', required: ['phoneNumber'], noUsername: true,
		handle: ({ fake, body }) => json(201, isE164(body.phoneNumber)
			? { description: 'Success', token: fake.id('CkTkn_') }
			: { description: 'Invalid phoneNumber', token: 'None' }),
	},
	{
		host: 'premium', method: 'POST', path: '/version1/subscription/create', body: 'form',
		required: ['username', 'shortCode', 'keyword', 'phoneNumber'],
		handle: ({ fake, body }) => {
			if (!isE164(body.phoneNumber)) return json(201, { status: 'Failed', description: 'Invalid phoneNumber' });
			const list = fake.subscriptions.get(subscriptionKey(body)) || [];
			list.push({ id: list.length + 1, phoneNumber: body.phoneNumber, date: '2026-11-23T10:00:00.000' });
			fake.subscriptions.set(subscriptionKey(body), list);
			return json(201, { status: 'Success', description: 'Waiting for user input' });
		},
	},
	{
		host: 'premium', method: 'GET', path: '/version1/subscription', requiredQuery: ['username', 'shortCode', 'keyword'],
		handle: ({ fake, query }) => json(200, { responses: page(fake.subscriptions.get(subscriptionKey(query)) || [], query.lastReceivedId) }),
	},
	{
		host: 'premium', method: 'POST', path: '/version1/subscription/delete', body: 'form',
		required: ['username', 'shortCode', 'keyword', 'phoneNumber'],
		handle: ({ fake, body }) => {
			const list = fake.subscriptions.get(subscriptionKey(body)) || [];
			const kept = list.filter((s) => s.phoneNumber !== body.phoneNumber);
			fake.subscriptions.set(subscriptionKey(body), kept);
			return json(201, kept.length === list.length
				? { status: 'Failed', description: 'Subscription not found' }
				: { status: 'Success', description: 'Succeeded' });
		},
	},
	{
		host: 'premium', method: 'POST', path: '/version1/subscription/safaricom', body: 'form',
		required: ['username', 'shortCode', 'keyword'],
		handle: ({ fake, body }) => json(201, body.phoneNumber && !isE164(body.phoneNumber)
			? { responseCode: '400', status: 'Failed', transactionId: 'None' }
			: { responseCode: '200', status: 'Success', transactionId: fake.id('ATPid_'), url: 'https://consent.example/confirm' }),
	},
	{ host: 'api', method: 'POST', path: '/version1/airtime/send', body: 'form', required: ['username', 'recipients'], idempotent: true, handle: airtime },
	{ host: 'api', method: 'GET', path: '/query/transaction/find', requiredQuery: ['username', 'transactionId'], handle: findTransaction },
	{
		host: 'api', method: 'GET', path: '/version1/user', requiredQuery: ['username'],
		handle: ({ fake }) => json(200, { UserData: { balance: fake.balance } }),
	},
	{
		host: 'voice', method: 'POST', path: '/call', body: 'form', required: ['username', 'from', 'to'],
		handle: ({ fake, body }) => {
			if (!isE164(body.from)) return json(200, { entries: [], errorMessage: `Invalid callerId: ${body.from}` });
			const entries = body.to.split(',').map((raw) => {
				const phoneNumber = raw.trim();
				if (!isE164(phoneNumber)) return { phoneNumber, status: 'InvalidPhoneNumber', sessionId: 'None' };
				fake.accept('call', phoneNumber, body.clientRequestId);
				return { phoneNumber, status: 'Queued', sessionId: fake.id('ATVId_') };
			});
			return json(200, { entries, errorMessage: 'None' });
		},
	},
	{
		host: 'voice', method: 'POST', path: '/queueStatus', body: 'form', required: ['username', 'phoneNumbers'],
		handle: ({ body }) => json(200, {
			entries: body.phoneNumbers.split(',').map((n) => ({ phoneNumber: n.trim(), queueName: 'default', numCalls: 0 })),
			status: 'Success', errorMessage: 'None',
		}),
	},
	{
		host: 'voice', method: 'POST', path: '/mediaUpload', body: 'form', required: ['username', 'url', 'phoneNumber'],
		handle: ({ body }) => {
			if (!/^https?:\/\//.test(body.url)) throw new WireError(400, `Invalid url: ${body.url}`);
			return { status: 200, text: 'Success' };
		},
	},
	{
		host: 'voice', method: 'POST', path: '/callTransfer', body: 'form', required: ['username', 'sessionId', 'phoneNumber'],
		handle: ({ body }) => json(200, {
			callTransferResponse: body.callLeg && !['caller', 'callee'].includes(body.callLeg)
				? { status: 'Aborted', errorMessage: `Invalid callLeg ${body.callLeg}` }
				: { status: 'Success', errorMessage: 'None' },
		}),
	},
	{
		host: 'bundles', method: 'POST', path: '/mobile/data/request', body: 'json', required: ['username', 'productName', 'recipients'], idempotent: true,
		handle: ({ fake, body }) => {
			if (!Array.isArray(body.recipients) || body.recipients.length === 0) throw badJson('recipients must be a non-empty array');
			const entries = body.recipients.map((r) => {
				requireFields('json', r, ['phoneNumber', 'quantity', 'unit', 'validity']);
				if (!DATA_UNITS.includes(r.unit)) throw badJson(`Invalid unit ${r.unit}`);
				if (!DATA_VALIDITY.includes(r.validity)) throw badJson(`Invalid validity ${r.validity}`);
				if (!isE164(r.phoneNumber)) return { phoneNumber: r.phoneNumber, status: 'InvalidRequest', provider: 'None', transactionId: 'None', value: '0' };
				if (fake.recipientStatus.get(r.phoneNumber) >= 400) {
					return { phoneNumber: r.phoneNumber, status: 'NotSupported', provider: 'None', transactionId: 'None', value: '0' };
				}
				fake.accept('data', r.phoneNumber, r.quantity);
				const transactionId = recordTransaction(fake, 'ATPid_', { category: 'MobileData', destination: r.phoneNumber });
				return { phoneNumber: r.phoneNumber, provider: 'Safaricom', status: 'Queued', transactionId, value: `${r.quantity}${r.unit}` };
			});
			return json(201, { entries });
		},
	},
	{ host: 'bundles', method: 'GET', path: '/query/transaction/find', requiredQuery: ['username', 'transactionId'], handle: findTransaction },
	{ host: 'bundles', method: 'GET', path: '/query/wallet/balance', requiredQuery: ['username'], handle: walletBalance },
	{
		host: 'payments', method: 'POST', path: '/mobile/checkout/request', body: 'json', idempotent: true,
		required: ['username', 'productName', 'phoneNumber', 'currencyCode', 'amount'],
		handle: ({ fake, body }) => {
			if (!isE164(body.phoneNumber)) throw badJson(`Invalid phoneNumber ${body.phoneNumber}`);
			requirePaymentAmount(body);
			fake.accept('checkout', body.phoneNumber, body.amount);
			const transactionId = recordTransaction(fake, 'ATPid_', { category: 'MobileCheckout', source: body.phoneNumber, value: `${body.currencyCode} ${body.amount}` });
			return json(201, { status: 'PendingConfirmation', description: 'Waiting for user input', transactionId });
		},
	},
	{
		host: 'payments', method: 'POST', path: '/mobile/b2c/request', body: 'json', idempotent: true,
		required: ['username', 'productName', 'recipients'],
		handle: ({ fake, body }) => {
			if (!Array.isArray(body.recipients) || body.recipients.length < 1 || body.recipients.length > 10) {
				throw badJson('recipients must hold between 1 and 10 entries');
			}
			body.recipients.forEach(validateB2cRecipient);
			const entries = body.recipients.map((r) => {
				fake.accept('b2c', r.phoneNumber, r.amount);
				const transactionId = recordTransaction(fake, 'ATPid_', { category: 'MobileB2C', destination: r.phoneNumber, value: `${r.currencyCode} ${r.amount}` });
				return { phoneNumber: r.phoneNumber, status: 'Queued', provider: 'Mpesa', providerChannel: r.providerChannel || '525900', value: `${r.currencyCode} ${r.amount}`, transactionId, transactionFee: `${r.currencyCode} 0.1000` };
			});
			return json(201, { numQueued: entries.length, totalValue: 'KES 0', totalTransactionFee: 'KES 0', entries });
		},
	},
	{
		host: 'payments', method: 'POST', path: '/mobile/b2b/request', body: 'json', idempotent: true,
		required: ['username', 'productName', 'provider', 'transferType', 'currencyCode', 'amount', 'destinationChannel', 'destinationAccount'],
		handle: ({ fake, body }) => {
			if (!B2B_PROVIDERS.includes(body.provider)) throw badJson(`Invalid provider ${body.provider}`);
			if (!B2B_TRANSFER_TYPES.includes(body.transferType)) throw badJson(`Invalid transferType ${body.transferType}`);
			requirePaymentAmount(body);
			fake.accept('b2b', body.destinationAccount, body.amount);
			const transactionId = recordTransaction(fake, 'ATPid_', { category: 'MobileB2B', destination: body.destinationAccount });
			return json(201, { status: 'Queued', transactionId, transactionFee: `${body.currencyCode} 1.0000`, providerChannel: body.destinationChannel });
		},
	},
	{
		host: 'payments', method: 'POST', path: '/transfer/wallet', body: 'json', idempotent: true,
		required: ['username', 'productName', 'targetProductCode', 'currencyCode', 'amount', 'metadata'],
		handle: ({ fake, body }) => {
			requirePaymentAmount(body);
			const transactionId = recordTransaction(fake, 'ATPid_', { category: 'WalletTransfer', destination: String(body.targetProductCode) });
			return json(201, { status: 'Success', description: 'Transfered funds to ' + body.targetProductCode, transactionId });
		},
	},
	{
		host: 'payments', method: 'POST', path: '/topup/stash', body: 'json', idempotent: true,
		required: ['username', 'productName', 'currencyCode', 'amount', 'metadata'],
		handle: ({ fake, body }) => {
			requirePaymentAmount(body);
			const transactionId = recordTransaction(fake, 'ATPid_', { category: 'UserStashTopup', destination: body.productName });
			return json(201, { status: 'Success', description: 'Topped up user stash', transactionId });
		},
	},
	{ host: 'payments', method: 'GET', path: '/query/transaction/find', requiredQuery: ['username', 'transactionId'], handle: findTransaction },
	{
		host: 'payments', method: 'GET', path: '/query/transaction/fetch', requiredQuery: ['username', 'productName', 'pageNumber', 'count'],
		handle: ({ fake, query }) => json(200, { status: 'Success', responses: [...fake.transactions.values()].slice((query.pageNumber - 1) * query.count, query.pageNumber * query.count) }),
	},
	{
		host: 'payments', method: 'GET', path: '/query/wallet/fetch', requiredQuery: ['username', 'pageNumber', 'count'],
		handle: ({ fake, query }) => json(200, { status: 'Success', responses: [...fake.transactions.values()].slice((query.pageNumber - 1) * query.count, query.pageNumber * query.count) }),
	},
	{ host: 'payments', method: 'GET', path: '/query/wallet/balance', requiredQuery: ['username'], handle: walletBalance },
	...INSIGHTS_ROUTES,
	...WHATSAPP_ROUTES,
	...CHAT_ROUTES,
];

module.exports = { ROUTES };
