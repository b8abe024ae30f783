'use strict';
// Every operation of the Africa's Talking node in real n8n, with a live and with a sandbox
// credential: the exact request the fake AT received, and the items the node output.
const { useStack, uniquePath, LIVE } = require('./stack');
const { webhookWorkflow, AT_NODE_NAME } = require('../harness/workflows');
const { nodeOutput, nodeError } = require('../harness/n8n');

jest.setTimeout(180000);

const stack = useStack();

const HOSTS = {
	live: { api: 'api.africastalking.com', premium: 'content.africastalking.com', voice: 'voice.africastalking.com', data: 'bundles.africastalking.com', payments: 'payments.africastalking.com' },
	sandbox: { api: 'api.sandbox.africastalking.com', premium: 'api.sandbox.africastalking.com', voice: 'voice.sandbox.africastalking.com', data: 'bundles.sandbox.africastalking.com', payments: 'payments.sandbox.africastalking.com' },
};
const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
const money = { idempotent: true };
const list = (...entries) => ({ entry: entries.map(([key, value]) => ({ key, value })) });

function seedTransaction(fake) {
	fake.transactions.set('ATPid_SEEDED', { transactionId: 'ATPid_SEEDED', category: 'MobileCheckout', status: 'Success', value: 'KES 100' });
}

/**
 * Each case: node parameters, the request AT must receive (host key, method, path, body or
 * query without the username, which is checked per environment) and the output it must give.
 */
const CASES = [
	{
		name: 'SMS → Send',
		parameters: { resource: 'sms', operation: 'send', recipientsSource: 'parameter', recipients: '+254711000001', message: 'Hello' },
		request: { host: 'api', method: 'POST', path: '/version1/messaging', type: FORM, body: { bulkSMSMode: '1', to: '+254711000001', message: 'Hello' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ number: '+254711000001', statusCode: 101, statusName: 'Sent', messageId: 'ATXid_00000001' })]),
	},
	{
		name: 'SMS → Send Premium',
		parameters: {
			resource: 'sms', operation: 'sendPremium', from: '20880', keyword: 'NEWS', recipientsSource: 'parameter', recipients: '+254711000001, +254711000002', message: "Today's news",
			options: { linkId: 'SampleLinkId123', retryDurationInHours: 2 },
		},
		request: {
			host: 'premium', method: 'POST', path: '/version1/messaging', type: FORM,
			body: { bulkSMSMode: '0', from: '20880', keyword: 'NEWS', to: '+254711000001,+254711000002', message: "Today's news", linkId: 'SampleLinkId123', retryDurationInHours: '2' },
		},
		output: (items) => expect(items.map((i) => [i.number, i.statusName])).toEqual([['+254711000001', 'Sent'], ['+254711000002', 'Sent']]),
	},
	{
		name: 'SMS → Fetch Inbox (Return All, following lastReceivedId through every page)',
		setup: (fake) => {
			for (let id = 1; id <= 130; id++) fake.inbox.push({ id, from: '+254711000001', to: '20880', text: `m${id}`, date: '2026-11-23 10:00:00', linkId: `L${id}` });
		},
		parameters: { resource: 'sms', operation: 'fetchInbox', returnAll: true },
		requests: [
			{ host: 'api', method: 'GET', path: '/version1/messaging', query: { lastReceivedId: '0' } },
			{ host: 'api', method: 'GET', path: '/version1/messaging', query: { lastReceivedId: '100' } },
			{ host: 'api', method: 'GET', path: '/version1/messaging', query: { lastReceivedId: '130' } },
		],
		output: (items) => {
			expect(items).toHaveLength(130);
			expect(items[129]).toEqual({ id: 130, from: '+254711000001', to: '20880', text: 'm130', date: '2026-11-23 10:00:00', linkId: 'L130' });
		},
	},
	{
		name: 'SMS → Fetch Inbox (Limit)',
		setup: (fake) => {
			for (let id = 1; id <= 30; id++) fake.inbox.push({ id, from: '+254711000001', to: '20880', text: `m${id}`, date: 'd', linkId: '' });
		},
		parameters: { resource: 'sms', operation: 'fetchInbox', returnAll: false, limit: 5, options: { lastReceivedId: 10 } },
		request: { host: 'api', method: 'GET', path: '/version1/messaging', query: { lastReceivedId: '10' } },
		output: (items) => expect(items.map((i) => i.id)).toEqual([11, 12, 13, 14, 15]),
	},
	{
		name: 'Premium Subscription → Create Checkout Token',
		parameters: { resource: 'premiumSubscription', operation: 'createCheckoutToken', phoneNumber: '+254711000001' },
		request: { host: 'api', method: 'POST', path: '/checkout/token/create', type: FORM, body: { phoneNumber: '+254711000001' } },
		output: (items) => expect(items).toEqual([{ description: 'Success', token: 'CkTkn_00000001' }]),
	},
	{
		name: 'Premium Subscription → Create',
		parameters: { resource: 'premiumSubscription', operation: 'create', shortCode: '20880', keyword: 'NEWS', phoneNumber: '+254711000001', options: { checkoutToken: 'CkTkn_1' } },
		request: { host: 'premium', method: 'POST', path: '/version1/subscription/create', type: FORM, body: { shortCode: '20880', keyword: 'NEWS', phoneNumber: '+254711000001', checkoutToken: 'CkTkn_1' } },
		output: (items) => expect(items).toEqual([{ status: 'Success', description: 'Waiting for user input' }]),
	},
	{
		name: 'Premium Subscription → Get Many (cursor paging)',
		setup: (fake) => fake.subscriptions.set('20880|NEWS', [1, 2, 3].map((id) => ({ id, phoneNumber: `+25471100000${id}`, date: 'd' }))),
		parameters: { resource: 'premiumSubscription', operation: 'getAll', shortCode: '20880', keyword: 'NEWS', returnAll: true },
		requests: [
			{ host: 'premium', method: 'GET', path: '/version1/subscription', query: { shortCode: '20880', keyword: 'NEWS', lastReceivedId: '0' } },
			{ host: 'premium', method: 'GET', path: '/version1/subscription', query: { shortCode: '20880', keyword: 'NEWS', lastReceivedId: '3' } },
		],
		output: (items) => expect(items.map((i) => i.phoneNumber)).toEqual(['+254711000001', '+254711000002', '+254711000003']),
	},
	{
		name: 'Premium Subscription → Delete',
		setup: (fake) => fake.subscriptions.set('20880|NEWS', [{ id: 1, phoneNumber: '+254711000001', date: 'd' }]),
		parameters: { resource: 'premiumSubscription', operation: 'delete', shortCode: '20880', keyword: 'NEWS', phoneNumber: '+254711000001' },
		request: { host: 'premium', method: 'POST', path: '/version1/subscription/delete', type: FORM, body: { shortCode: '20880', keyword: 'NEWS', phoneNumber: '+254711000001' } },
		output: (items) => expect(items).toEqual([{ status: 'Success', description: 'Succeeded' }]),
	},
	{
		name: 'Premium Subscription → Create Safaricom Subscription',
		parameters: {
			resource: 'premiumSubscription', operation: 'createSafaricom', shortCode: '20880', keyword: 'NEWS',
			options: { phoneNumber: '+254711000001', redirectUrl: 'https://example.com/ok', requestId: 'req-1' },
		},
		request: {
			host: 'premium', method: 'POST', path: '/version1/subscription/safaricom', type: FORM,
			body: { shortCode: '20880', keyword: 'NEWS', phoneNumber: '+254711000001', redirectUrl: 'https://example.com/ok', requestId: 'req-1' },
		},
		output: (items) => expect(items).toEqual([{ responseCode: '200', status: 'Success', transactionId: 'ATPid_00000001', url: 'https://consent.example/confirm' }]),
	},
	{
		name: 'Voice → Make Call',
		parameters: { resource: 'voice', operation: 'makeCall', from: '+254711082000', to: '+254711000001\n+254711000002', options: { clientRequestId: 'order-42' } },
		request: { host: 'voice', method: 'POST', path: '/call', type: FORM, body: { from: '+254711082000', to: '+254711000001,+254711000002', clientRequestId: 'order-42' } },
		output: (items) => expect(items).toEqual([
			{ phoneNumber: '+254711000001', status: 'Queued', sessionId: 'ATVId_00000001' },
			{ phoneNumber: '+254711000002', status: 'Queued', sessionId: 'ATVId_00000002' },
		]),
	},
	{
		name: 'Voice → Get Queue Status',
		parameters: { resource: 'voice', operation: 'getQueueStatus', phoneNumbers: '+254711082000,+254711082001' },
		request: { host: 'voice', method: 'POST', path: '/queueStatus', type: FORM, body: { phoneNumbers: '+254711082000,+254711082001' } },
		output: (items) => expect(items).toEqual([
			{ phoneNumber: '+254711082000', queueName: 'default', numCalls: 0 },
			{ phoneNumber: '+254711082001', queueName: 'default', numCalls: 0 },
		]),
	},
	{
		name: 'Voice → Upload Media',
		parameters: { resource: 'voice', operation: 'uploadMedia', phoneNumber: '+254711082000', url: 'https://example.com/greeting.mp3' },
		request: { host: 'voice', method: 'POST', path: '/mediaUpload', type: FORM, body: { phoneNumber: '+254711082000', url: 'https://example.com/greeting.mp3' } },
		output: (items) => expect(items).toEqual([{ status: 'Success' }]),
	},
	{
		name: 'Voice → Transfer Call',
		parameters: { resource: 'voice', operation: 'transferCall', sessionId: 'ATVId_1', phoneNumber: '+254711000003', options: { callLeg: 'caller', holdMusicUrl: 'https://example.com/hold.mp3' } },
		request: {
			host: 'voice', method: 'POST', path: '/callTransfer', type: FORM,
			body: { sessionId: 'ATVId_1', phoneNumber: '+254711000003', callLeg: 'caller', holdMusicUrl: 'https://example.com/hold.mp3' },
		},
		output: (items) => expect(items).toEqual([{ status: 'Success', errorMessage: 'None' }]),
	},
	{
		name: 'Airtime → Send',
		parameters: {
			resource: 'airtime', operation: 'send',
			recipientList: { recipient: [{ phoneNumber: '+254711000001', currencyCode: 'KES', amount: 10 }, { phoneNumber: '+256772000002', currencyCode: 'ugx', amount: 500.5 }] },
			options: { maxNumRetry: 3 },
		},
		request: {
			host: 'api', method: 'POST', path: '/version1/airtime/send', type: FORM, ...money,
			body: { recipients: '[{"phoneNumber":"+254711000001","amount":"KES 10"},{"phoneNumber":"+256772000002","amount":"UGX 500.5"}]', maxNumRetry: '3' },
		},
		output: (items) => expect(items.map((i) => [i.phoneNumber, i.amount, i.status, i.errorMessage])).toEqual([
			['+254711000001', 'KES 10.0000', 'Sent', 'None'], ['+256772000002', 'UGX 500.5000', 'Sent', 'None'],
		]),
	},
	{
		name: 'Airtime → Get Transaction Status',
		setup: seedTransaction,
		parameters: { resource: 'airtime', operation: 'getTransactionStatus', transactionId: 'ATPid_SEEDED' },
		request: { host: 'api', method: 'GET', path: '/query/transaction/find', query: { transactionId: 'ATPid_SEEDED' } },
		output: (items) => expect(items[0]).toEqual({ status: 'Success', data: expect.objectContaining({ transactionId: 'ATPid_SEEDED' }) }),
	},
	{
		name: 'Mobile Data → Send',
		parameters: {
			resource: 'mobileData', operation: 'send', productName: 'Data Shop',
			recipientList: { recipient: [{ phoneNumber: '+254711000001', quantity: 50, unit: 'MB', validity: 'Week', metadata: list(['campaign', 'nov']) }] },
		},
		request: {
			host: 'data', method: 'POST', path: '/mobile/data/request', type: JSON_TYPE, ...money,
			body: { productName: 'Data Shop', recipients: [{ phoneNumber: '+254711000001', quantity: 50, unit: 'MB', validity: 'Week', metadata: { campaign: 'nov' } }] },
		},
		output: (items) => expect(items).toEqual([{ phoneNumber: '+254711000001', provider: 'Safaricom', status: 'Queued', transactionId: 'ATPid_00000001', value: '50MB' }]),
	},
	{
		name: 'Mobile Data → Get Transaction Status',
		setup: seedTransaction,
		parameters: { resource: 'mobileData', operation: 'getTransactionStatus', transactionId: 'ATPid_SEEDED' },
		request: { host: 'data', method: 'GET', path: '/query/transaction/find', query: { transactionId: 'ATPid_SEEDED' } },
		output: (items) => expect(items[0].status).toBe('Success'),
	},
	{
		name: 'Mobile Data → Get Wallet Balance',
		parameters: { resource: 'mobileData', operation: 'getWalletBalance' },
		request: { host: 'data', method: 'GET', path: '/query/wallet/balance', query: {} },
		output: (items) => expect(items).toEqual([{ status: 'Success', balance: 'KES 5000.0000' }]),
	},
	{
		name: 'Payments → Mobile Checkout',
		parameters: {
			resource: 'payment', operation: 'mobileCheckout', productName: 'Shop', phoneNumber: '+254711000001', currencyCode: 'kes', amount: 100.5,
			options: { providerChannel: '525900', metadata: list(['orderId', '42']) },
		},
		request: {
			host: 'payments', method: 'POST', path: '/mobile/checkout/request', type: JSON_TYPE, ...money,
			body: { productName: 'Shop', phoneNumber: '+254711000001', currencyCode: 'KES', amount: 100.5, providerChannel: '525900', metadata: { orderId: '42' } },
		},
		output: (items) => expect(items).toEqual([{ status: 'PendingConfirmation', description: 'Waiting for user input', transactionId: 'ATPid_00000001' }]),
	},
	{
		name: 'Payments → Mobile Checkout without metadata (none sent)',
		parameters: { resource: 'payment', operation: 'mobileCheckout', productName: 'Shop', phoneNumber: '+254711000001', currencyCode: 'KES', amount: 20 },
		request: {
			host: 'payments', method: 'POST', path: '/mobile/checkout/request', type: JSON_TYPE, ...money,
			body: { productName: 'Shop', phoneNumber: '+254711000001', currencyCode: 'KES', amount: 20 },
		},
		output: (items) => expect(items[0].status).toBe('PendingConfirmation'),
	},
	{
		name: 'Payments → Mobile B2B without metadata (none sent)',
		parameters: {
			resource: 'payment', operation: 'mobileB2B', productName: 'Shop', provider: 'Athena', transferType: 'BusinessBuyGoods', currencyCode: 'KES', amount: 10,
			destinationChannel: '654321', destinationAccount: 'TILL',
		},
		request: {
			host: 'payments', method: 'POST', path: '/mobile/b2b/request', type: JSON_TYPE, ...money,
			body: { productName: 'Shop', provider: 'Athena', transferType: 'BusinessBuyGoods', currencyCode: 'KES', amount: 10, destinationChannel: '654321', destinationAccount: 'TILL' },
		},
		output: (items) => expect(items[0].status).toBe('Queued'),
	},
	{
		name: 'Payments → Mobile B2C',
		parameters: {
			resource: 'payment', operation: 'mobileB2C', productName: 'Shop',
			recipientList: {
				recipient: [
					{ phoneNumber: '+254711000001', currencyCode: 'KES', amount: 250, name: 'Amina', reason: 'SalaryPayment', providerChannel: '', metadata: list(['staffId', 'S1']) },
					{ phoneNumber: '+254711000002', currencyCode: 'KES', amount: 300, name: '', reason: 'BusinessPayment', providerChannel: '', metadata: {} },
				],
			},
		},
		request: {
			host: 'payments', method: 'POST', path: '/mobile/b2c/request', type: JSON_TYPE, ...money,
			body: {
				productName: 'Shop',
				recipients: [
					{ phoneNumber: '+254711000001', currencyCode: 'KES', amount: 250, name: 'Amina', reason: 'SalaryPayment', metadata: { staffId: 'S1' } },
					{ phoneNumber: '+254711000002', currencyCode: 'KES', amount: 300, reason: 'BusinessPayment' },
				],
			},
		},
		output: (items) => expect(items.map((i) => [i.phoneNumber, i.status, i.value])).toEqual([['+254711000001', 'Queued', 'KES 250'], ['+254711000002', 'Queued', 'KES 300']]),
	},
	{
		name: 'Payments → Mobile B2B',
		parameters: {
			resource: 'payment', operation: 'mobileB2B', productName: 'Shop', provider: 'Athena', transferType: 'BusinessPayBill', currencyCode: 'KES', amount: 1000,
			destinationChannel: '123456', destinationAccount: 'ACC-1', options: { requester: '+254711000001', metadata: list(['invoice', 'INV-9']) },
		},
		request: {
			host: 'payments', method: 'POST', path: '/mobile/b2b/request', type: JSON_TYPE, ...money,
			body: {
				productName: 'Shop', provider: 'Athena', transferType: 'BusinessPayBill', currencyCode: 'KES', amount: 1000, destinationChannel: '123456',
				destinationAccount: 'ACC-1', requester: '+254711000001', metadata: { invoice: 'INV-9' },
			},
		},
		output: (items) => expect(items).toEqual([{ status: 'Queued', transactionId: 'ATPid_00000001', transactionFee: 'KES 1.0000', providerChannel: '123456' }]),
	},
	{
		name: 'Payments → Wallet Transfer',
		parameters: { resource: 'payment', operation: 'walletTransfer', productName: 'Shop', targetProductCode: '2373', currencyCode: 'KES', amount: 50 },
		request: { host: 'payments', method: 'POST', path: '/transfer/wallet', type: JSON_TYPE, ...money, body: { productName: 'Shop', targetProductCode: '2373', currencyCode: 'KES', amount: 50, metadata: {} } },
		output: (items) => expect(items[0]).toEqual({ status: 'Success', description: 'Transfered funds to 2373', transactionId: 'ATPid_00000001' }),
	},
	{
		name: 'Payments → Top Up Stash',
		parameters: { resource: 'payment', operation: 'topUpStash', productName: 'Shop', currencyCode: 'KES', amount: 75 },
		request: { host: 'payments', method: 'POST', path: '/topup/stash', type: JSON_TYPE, ...money, body: { productName: 'Shop', currencyCode: 'KES', amount: 75, metadata: {} } },
		output: (items) => expect(items[0]).toEqual({ status: 'Success', description: 'Topped up user stash', transactionId: 'ATPid_00000001' }),
	},
	{
		name: 'Payments → Get Transaction',
		setup: seedTransaction,
		parameters: { resource: 'payment', operation: 'getTransaction', transactionId: 'ATPid_SEEDED' },
		request: { host: 'payments', method: 'GET', path: '/query/transaction/find', query: { transactionId: 'ATPid_SEEDED' } },
		output: (items) => expect(items[0]).toEqual({ status: 'Success', data: { transactionId: 'ATPid_SEEDED', category: 'MobileCheckout', status: 'Success', value: 'KES 100' } }),
	},
	{
		name: 'Payments → Get Product Transactions',
		setup: seedTransaction,
		parameters: {
			resource: 'payment', operation: 'getProductTransactions', productName: 'Shop', pageNumber: 1, count: 10,
			filters: { category: 'MobileCheckout', startDate: '2026-11-01T00:00:00', status: 'Success' },
		},
		request: {
			host: 'payments', method: 'GET', path: '/query/transaction/fetch',
			query: { productName: 'Shop', pageNumber: '1', count: '10', category: 'MobileCheckout', startDate: '2026-11-01', status: 'Success' },
		},
		output: (items) => expect(items.map((i) => i.transactionId)).toEqual(['ATPid_SEEDED']),
	},
	{
		name: 'Payments → Get Wallet Transactions',
		setup: seedTransaction,
		parameters: { resource: 'payment', operation: 'getWalletTransactions', pageNumber: 2, count: 5, filters: { categories: ['MobileB2C', 'WalletTransfer'] } },
		request: { host: 'payments', method: 'GET', path: '/query/wallet/fetch', query: { pageNumber: '2', count: '5', categories: 'MobileB2C,WalletTransfer' } },
		output: (items) => expect(items).toEqual([]),
	},
	{
		name: 'Payments → Get Wallet Balance',
		parameters: { resource: 'payment', operation: 'getWalletBalance' },
		request: { host: 'payments', method: 'GET', path: '/query/wallet/balance', query: {} },
		output: (items) => expect(items).toEqual([{ status: 'Success', balance: 'KES 5000.0000' }]),
	},
	{
		name: 'Account → Get Balance',
		parameters: { resource: 'account', operation: 'getBalance' },
		request: { host: 'api', method: 'GET', path: '/version1/user', query: {} },
		output: (items) => expect(items).toEqual([{ balance: 'KES 1234.5600', currencyCode: 'KES', amount: 1234.56 }]),
	},
];

async function runCase(environment, { parameters, setup }, items = [{}], options = {}) {
	if (setup) setup(stack.fake);
	const path = uniquePath('op');
	const workflow = await stack.n8n.createWorkflow(
		webhookWorkflow({ name: path, path, parameters, credential: stack.credentials[environment], onError: options.onError }),
		{ activate: true },
	);
	const response = await stack.n8n.webhook(path, { items });
	const execution = (await stack.n8n.executions(workflow.id))[0];
	return { response, execution, output: nodeOutput(execution, AT_NODE_NAME), error: nodeError(execution, AT_NODE_NAME) };
}

function expectRequest(received, expected, environment) {
	const username = environment === 'live' ? LIVE.username : 'sandbox';
	expect(received.host).toBe(HOSTS[environment][expected.host]);
	expect(received.method).toBe(expected.method);
	expect(received.path).toBe(expected.path);
	expect(received.headers.accept).toBe('application/json');
	expect(received.headers.apikey).toBe(stack.fake.accounts.find((a) => a.environment === environment).apiKey);
	if (expected.method === 'GET') {
		expect(received.query).toEqual({ username, ...expected.query });
		expect(received.rawBody).toBe('');
	} else {
		expect(received.headers['content-type']).toBe(expected.type);
		expect(received.body).toEqual({ username, ...expected.body });
	}
	if (expected.idempotent) expect(received.headers['idempotency-key']).toMatch(/^n8n-\d+-[\w-]+-0-0$/);
	else expect(received.headers['idempotency-key']).toBeUndefined();
}

describe.each(['live', 'sandbox'])('every operation with a %s credential', (environment) => {
	it.each(CASES.map((c) => [c.name, c]))('%s', async (_name, testCase) => {
		const { response, output, error } = await runCase(environment, testCase);
		expect(error).toBeUndefined();
		expect(response.status).toBe(200);
		const expected = testCase.requests ?? [testCase.request];
		expect(stack.fake.requests).toHaveLength(expected.length);
		expected.forEach((request, index) => expectRequest(stack.fake.requests[index], request, environment));
		testCase.output(output.map((item) => item.json));
		expect(output.every((item) => item.pairedItem && item.pairedItem.item === 0)).toBe(true);
	});
});

describe('checks before anything is sent', () => {
	const airtime = (recipient) => ({ resource: 'airtime', operation: 'send', recipientList: { recipient: [recipient] } });

	it.each([
		['a local number', airtime({ phoneNumber: '0711000001', currencyCode: 'KES', amount: 10 }), 'Invalid phone number "0711000001" in "Recipients → Phone Number (entry 1)" (item 1). Nothing was sent to Africa\'s Talking.'],
		['a zero amount', airtime({ phoneNumber: '+254711000001', currencyCode: 'KES', amount: 0 }), 'Invalid amount "0" in "Recipients → Amount (entry 1)" (item 1). Nothing was sent to Africa\'s Talking.'],
		['a two-letter currency', airtime({ phoneNumber: '+254711000001', currencyCode: 'KE', amount: 5 }), 'Invalid currency code "KE" in "Recipients → Currency Code (entry 1)" (item 1). Nothing was sent to Africa\'s Talking.'],
		[
			'a checkout from a number without "+"',
			{ resource: 'payment', operation: 'mobileCheckout', productName: 'Shop', phoneNumber: '254711000001', currencyCode: 'KES', amount: 5 },
			'Invalid phone number "254711000001" in "Phone Number" (item 1). Nothing was sent to Africa\'s Talking.',
		],
		['an http media URL', { resource: 'voice', operation: 'uploadMedia', phoneNumber: '+254711082000', url: 'http://example.com/a.mp3' }, 'Invalid URL "http://example.com/a.mp3" in "Media URL" (item 1). Nothing was sent to Africa\'s Talking.'],
		['a blank SMS message', { resource: 'sms', operation: 'send', recipientsSource: 'parameter', recipients: '+254711000001', message: '   ' }, '"Message" is empty (item 1). Nothing was sent to Africa\'s Talking.'],
		[
			'an SMS of 131 parts',
			{ resource: 'sms', operation: 'send', recipientsSource: 'parameter', recipients: '+254711000001', message: 'x'.repeat(20000) },
			'"Message" would go out as 131 SMS parts per recipient (20,000 GSM-7 characters), more than Max Parts per Message (10) (item 1). Nothing was sent to Africa\'s Talking.',
		],
	])('rejects %s', async (_what, parameters, message) => {
		const { error } = await runCase('live', { parameters });
		expect(error.message).toBe(message);
		expect(stack.fake.requests).toHaveLength(0);
	});

	it('holds Mobile B2C to 10 recipients per item, before any request', async () => {
		const recipient = (i) => ({ phoneNumber: `+2547110000${String(i).padStart(2, '0')}`, currencyCode: 'KES', amount: 10, reason: 'BusinessPayment', name: '', providerChannel: '', metadata: {} });
		const { error } = await runCase('live', {
			parameters: { resource: 'payment', operation: 'mobileB2C', productName: 'Shop', recipientList: { recipient: Array.from({ length: 11 }, (_, i) => recipient(i)) } },
		});
		expect(error.message).toBe('"Recipients" holds 11 entries (item 1); Africa\'s Talking takes 1 to 10. Nothing was sent to Africa\'s Talking.');
		expect(error.description).toMatch(/Split the recipients over several items/);
		expect(stack.fake.requests).toHaveLength(0);
	});
});

describe('phone lists and long messages (issue 21)', () => {
	it('reads spaces, dashes and dots inside numbers, and sends a long message when Max Parts per Message allows it', async () => {
		const message = 'x'.repeat(2000);
		const { error, output } = await runCase('live', {
			parameters: { resource: 'sms', operation: 'send', recipientsSource: 'parameter', recipients: '+254 711 000 001; +254-711-000-002\n+254.711.000.003', message, options: { maxParts: 20 } },
		});
		expect(error).toBeUndefined();
		expect(output.map((item) => item.json.number)).toEqual(['+254711000001', '+254711000002', '+254711000003']);
		expect(stack.fake.requests).toHaveLength(1);
		expect(stack.fake.requests[0].body).toMatchObject({ to: '+254711000001,+254711000002,+254711000003', message });
	});
});

describe('failures AT reports inside 2xx answers', () => {
	it('fails airtime to a number AT refused, and gives an error item under Continue On Fail', async () => {
		stack.fake.recipientStatus.set('+254711000002', 403);
		const parameters = {
			resource: 'airtime', operation: 'send',
			recipientList: { recipient: [{ phoneNumber: '+254711000001', currencyCode: 'KES', amount: 10 }, { phoneNumber: '+254711000002', currencyCode: 'KES', amount: 10 }] },
		};
		const strict = await runCase('live', { parameters });
		expect(strict.error.message).toBe("Africa's Talking rejected 1 of 2 recipients: +254711000002: Could not send airtime to this number");
		expect(strict.error.description).toMatch(/^1 other recipient\(s\) were accepted/);
		const lenient = await runCase('live', { parameters }, [{}], { onError: 'continueRegularOutput' });
		expect(lenient.output.map((i) => [i.json.phoneNumber, i.json.error])).toEqual([
			['+254711000001', undefined],
			['+254711000002', '+254711000002: Could not send airtime to this number'],
		]);
	});

	it('reports mobile data NotSupported per recipient', async () => {
		stack.fake.recipientStatus.set('+254711000009', 404);
		const { error } = await runCase('sandbox', {
			parameters: { resource: 'mobileData', operation: 'send', productName: 'Data', recipientList: { recipient: [{ phoneNumber: '+254711000009', quantity: 1, unit: 'GB', validity: 'Month' }] } },
		});
		expect(error.message).toBe("Africa's Talking rejected 1 of 1 recipients: +254711000009: NotSupported. This number's network is not supported for data bundles");
	});

	it('reports a wallet that is NotAvailable', async () => {
		stack.fake.walletAvailable = false;
		const { error } = await runCase('live', { parameters: { resource: 'mobileData', operation: 'getWalletBalance' } });
		expect(error.message).toBe("Africa's Talking could not read the wallet balance: NotAvailable (Wallet not available)");
		expect(error.description).toBe('Check that Mobile Data is enabled for this app.');
	});

	it('reports a subscription AT could not delete', async () => {
		const { error } = await runCase('sandbox', {
			parameters: { resource: 'premiumSubscription', operation: 'delete', shortCode: '20880', keyword: 'NEWS', phoneNumber: '+254711000001' },
		});
		expect(error.message).toBe("Africa's Talking could not delete the subscription: Failed (Subscription not found)");
		expect(stack.fake.requests[0].host).toBe('api.sandbox.africastalking.com');
	});
});

describe('money moves at most once', () => {
	const checkout = { resource: 'payment', operation: 'mobileCheckout', productName: 'Shop', phoneNumber: '+254711000001', currencyCode: 'KES', amount: 10 };

	it('n8n retrying an item whose answer was lost cannot pay twice', async () => {
		// AT takes the payment, then the answer is lost; n8n's Retry On Fail sends the same item again.
		stack.fake.injectFault({ status: 'drop', afterProcessing: true });
		const path = uniquePath('retry');
		const workflow = webhookWorkflow({ name: path, path, parameters: checkout, credential: stack.credentials.live });
		Object.assign(workflow.nodes[2], { retryOnFail: true, maxTries: 3, waitBetweenTries: 100 });
		const created = await stack.n8n.createWorkflow(workflow, { activate: true });
		await stack.n8n.webhook(path, { items: [{}] });
		const execution = (await stack.n8n.executions(created.id))[0];
		const keys = stack.fake.requests.map((r) => r.headers['idempotency-key']);
		expect(keys.length).toBeGreaterThanOrEqual(2);
		expect(new Set(keys).size).toBe(1);
		expect(stack.fake.acceptedCount('checkout', '+254711000001')).toBe(1);
		expect(stack.fake.requests[1].status).toBe(409);
		expect(nodeError(execution, AT_NODE_NAME).description).toMatch(/already made and was not sent again/);
	});

	it('sends the Idempotency-Key given in the options, and different items get different keys', async () => {
		const { output } = await runCase('live', { parameters: { ...checkout, options: { idempotencyKey: '={{ "order-" + $json.order }}' } } }, [{ order: 1 }, { order: 2 }]);
		expect(output).toHaveLength(2);
		expect(stack.fake.requests.map((r) => r.headers['idempotency-key']).sort()).toEqual(['order-1', 'order-2']);
	});

	it('derives a different default key for each item', async () => {
		await runCase('live', { parameters: checkout }, [{}, {}]);
		const keys = stack.fake.requests.map((r) => r.headers['idempotency-key']).sort();
		expect(keys[0]).toMatch(/-0-0$/);
		expect(keys[1]).toMatch(/-0-1$/);
	});
});
