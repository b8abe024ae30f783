'use strict';
// Every operation of the TalkNTalk node in real n8n (the n8n-nodes-talkntalk tarball installed
// alone): the exact request the fake TalkNTalk received, and the items the node output.
const { useTalkNTalkStack, runTalkNTalk, API_KEY, TNT_NODE_TYPE } = require('./talkntalk');

jest.setTimeout(180000);

const stack = useTalkNTalkStack();

const JSON_TYPE = 'application/json';
const phones = (n, from = 0) => Array.from({ length: n }, (_, i) => `2547${String(from + i).padStart(8, '0')}`);

function seedMessages(fake, count) {
	for (let i = 0; i < count; i++) {
		fake.messages.push({
			id: `msg-${i}`, seq: i, mobile: phones(1, i)[0], sender_id: 'TALKNTALK', message: `m${i}`, status: 'delivered', network: 'safaricom',
			source: 'api', scheduled_at: null, created_at: 'c', updated_at: 'u',
		});
	}
}

/**
 * Each case: node parameters, the requests TalkNTalk must receive (method, path with its
 * trailing slash, query or JSON body) and the output it must give.
 */
const CASES = [
	{
		name: 'SMS → Send (local number with spaces, chosen sender ID)',
		parameters: { resource: 'sms', operation: 'send', mobile: '0712 345 678', message: 'Hello', senderId: 'ACME_LTD' },
		request: { method: 'POST', path: '/v1/sms/send/', body: { mobile: '254712345678', message: 'Hello', sender_id: 'ACME_LTD' } },
		output: (items) => expect(items).toEqual([
			{ id: expect.stringMatching(/^[0-9a-f-]{36}$/), mobile: '254712345678', sender_id: 'ACME_LTD', message: 'Hello', status: 'queued', created_at: expect.any(String) },
		]),
	},
	{
		name: 'SMS → Send (default sender ID: sender_id not sent)',
		parameters: { resource: 'sms', operation: 'send', mobile: '+254712345678', message: 'Hi' },
		request: { method: 'POST', path: '/v1/sms/send/', body: { mobile: '254712345678', message: 'Hi' } },
		output: (items) => expect(items.map((i) => i.sender_id)).toEqual(['TALKNTALK']),
	},
	{
		name: 'SMS → Send Bulk',
		parameters: { resource: 'sms', operation: 'sendBulk', recipientsSource: 'parameter', recipients: '+254712345678, 0722000111\n254733000222', message: 'Flash sale', senderId: 'TALKNTALK' },
		request: { method: 'POST', path: '/v1/sms/send-bulk/', body: { recipients: ['254712345678', '254722000111', '254733000222'], message: 'Flash sale', sender_id: 'TALKNTALK' } },
		output: (items) => expect(items.map((i) => [i.mobile, i.status, i.sender_id, typeof i.id])).toEqual([
			['254712345678', 'queued', 'TALKNTALK', 'string'], ['254722000111', 'queued', 'TALKNTALK', 'string'], ['254733000222', 'queued', 'TALKNTALK', 'string'],
		]),
	},
	{
		name: 'SMS → Send Bulk (recipients as an array from an expression)',
		parameters: { resource: 'sms', operation: 'sendBulk', recipientsSource: 'parameter', recipients: '={{ ["0712345678", "0712345678", "+254722000111"] }}', message: 'x' },
		request: { method: 'POST', path: '/v1/sms/send-bulk/', body: { recipients: ['254712345678', '254722000111'], message: 'x' } },
		output: (items) => expect(items).toHaveLength(2),
	},
	{
		name: 'SMS → Send to Address Books',
		parameters: { resource: 'sms', operation: 'sendToAddressBooks', addressBooks: [1, 2], message: 'Hi all', senderId: 'ACME_LTD' },
		request: { method: 'POST', path: '/v1/sms/send-group/', body: { group_ids: [1, 2], message: 'Hi all', sender_id: 'ACME_LTD' } },
		output: (items) => expect(items).toEqual([
			{ campaign_id: 84, status: 'queued', recipients_count: 4, group_names: ['Premium Customers', 'Staff'], sender_id: 'ACME_LTD', estimated_cost: 'KES 4.00' },
		]),
	},
	{
		name: 'SMS → Get Campaign Status',
		setup: (fake) => fake.campaigns.set('84', { campaign_id: 84, recipients_count: 3, sender_id: 'TALKNTALK', message: 'Hi', created_at: 'c' }),
		parameters: { resource: 'sms', operation: 'getCampaignStatus', campaignId: '84' },
		request: { method: 'POST', path: '/v1/sms/campaigns/status/', body: { campaign_id: '84' } },
		output: (items) => expect(items).toEqual([expect.objectContaining({ campaign_id: 84, status: 'completed', sent_count: 3, failed_count: 0 })]),
	},
	{
		name: 'Message → Get Many (Return All: pages of 500 until next is null)',
		setup: (fake) => seedMessages(fake, 1100),
		parameters: { resource: 'message', operation: 'getAll', returnAll: true },
		requests: [1, 2, 3].map((page) => ({ method: 'GET', path: '/v1/bulk-sms/messages/', query: { page: String(page), page_size: '500' } })),
		output: (items) => {
			expect(items).toHaveLength(1100);
			expect(new Set(items.map((i) => i.id)).size).toBe(1100);
			expect(items[0]).toEqual({ id: 'msg-1099', mobile: '254700001099', sender_id: 'TALKNTALK', message: 'm1099', status: 'delivered', network: 'safaricom', source: 'api', scheduled_at: null, created_at: 'c', updated_at: 'u' });
		},
	},
	{
		name: 'Message → Get Many (Limit, every filter)',
		setup: (fake) => seedMessages(fake, 20),
		parameters: { resource: 'message', operation: 'getAll', returnAll: false, limit: 3, filters: { status: 'delivered', mobile: '0700000001', senderId: 'talkntalk', source: 'api' } },
		request: { method: 'GET', path: '/v1/bulk-sms/messages/', query: { page: '1', page_size: '3', status: 'delivered', mobile: '254700000001', sender_id: 'talkntalk', source: 'api' } },
		output: (items) => expect(items.map((i) => i.mobile)).toEqual(['254700000001']),
	},
	{
		name: 'Sender ID → Get Many',
		parameters: { resource: 'senderId', operation: 'getAll' },
		request: { method: 'GET', path: '/v1/bulk-sms/sender-ids/', query: {} },
		output: (items) => expect(items.map((i) => [i.sender_id, i.network, i.status])).toEqual([
			['TALKNTALK', 'safaricom', 'active'], ['TALKNTALK', 'airtel', 'active'], ['ACME_LTD', 'safaricom', 'active'], ['PENDING_ID', 'safaricom', 'pending'],
		]),
	},
	{
		name: 'Address Book → Get Many',
		parameters: { resource: 'addressBook', operation: 'getAll', returnAll: true },
		request: { method: 'GET', path: '/v1/address-books/', query: { page: '1', page_size: '500' } },
		output: (items) => expect(items.map((i) => [i.id, i.name, i.contact_count])).toEqual([[1, 'Premium Customers', 3], [2, 'Staff', 2]]),
	},
	{
		name: 'Contact → Get Many (POST with the book id, paged)',
		parameters: { resource: 'contact', operation: 'getAll', addressBookId: 1, returnAll: true },
		request: { method: 'POST', path: '/v1/address-books/contacts/', query: { page: '1', page_size: '500' }, body: { id: 1 } },
		output: (items) => {
			expect(items.map((i) => [i.phone, i.mobile])).toEqual([['+254700000001', '254700000001'], ['+254700000002', '254700000002'], ['+254700000003', '254700000003']]);
			expect(items[0]).toMatchObject({ id: 101, first_name: 'Jane', address_book: { id: 1, name: 'Premium Customers' } });
		},
	},
	{
		name: 'Contact → Get Many (Limit over several pages)',
		parameters: { resource: 'contact', operation: 'getAll', addressBookId: '1', returnAll: false, limit: 2 },
		request: { method: 'POST', path: '/v1/address-books/contacts/', query: { page: '1', page_size: '2' }, body: { id: 1 } },
		output: (items) => expect(items.map((i) => i.id)).toEqual([101, 102]),
	},
	{
		name: 'Account → Get Balance',
		parameters: { resource: 'account', operation: 'getBalance' },
		request: { method: 'GET', path: '/v1/balance/', query: {} },
		output: (items) => expect(items).toEqual([
			{ balance: 1250, balanceText: '1250.00', currency: 'KES', organisation: '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f', retrieved_at: expect.stringMatching(/\+00:00$/) },
		]),
	},
	{
		name: 'Account → Get Organisation',
		parameters: { resource: 'account', operation: 'getOrganisation' },
		request: { method: 'GET', path: '/v1/', query: {} },
		output: (items) => expect(items).toEqual([{ id: '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f', name: 'Acme Corp', slug: 'acme-corp', api: 'TalkNTalk', version: 'v1' }]),
	},
];

function expectRequest(received, expected) {
	expect(received.host).toBe('api.talkntalk.africa');
	expect(received.method).toBe(expected.method);
	expect(received.path).toBe(expected.path);
	expect(received.headers.authorization).toBe(`Bearer ${API_KEY}`);
	expect(received.headers.accept).toBe('application/json');
	expect(received.query).toEqual(expected.query ?? {});
	if (expected.method === 'GET') {
		expect(received.rawBody).toBe('');
	} else {
		expect(received.headers['content-type']).toMatch(/^application\/json/);
		expect(JSON.parse(received.rawBody)).toEqual(expected.body);
	}
}

describe('every operation', () => {
	it.each(CASES.map((c) => [c.name, c]))('%s', async (_name, testCase) => {
		if (testCase.setup) testCase.setup(stack.fake);
		const { response, output, error } = await runTalkNTalk(stack, testCase.parameters);
		expect(error).toBeUndefined();
		expect(response.status).toBe(200);
		const expected = testCase.requests ?? [testCase.request];
		expect(stack.fake.requests).toHaveLength(expected.length);
		expected.forEach((request, index) => expectRequest(stack.fake.requests[index], request));
		testCase.output(output.map((item) => item.json));
		expect(output.every((item) => item.pairedItem && item.pairedItem.item === 0)).toBe(true);
	});
});

describe('credential and dropdowns', () => {
	it('tests the key with GET /v1/ and shows TalkNTalk\'s detail when it is refused', async () => {
		expect(await stack.n8n.testCredential({ type: 'talkNTalkApi', data: { apiKey: API_KEY } })).toMatchObject({ status: 'OK' });
		expect(stack.fake.requests.map((r) => [r.method, r.path, r.headers.authorization])).toEqual([['GET', '/v1/', `Bearer ${API_KEY}`]]);
		const wrong = await stack.n8n.testCredential({ type: 'talkNTalkApi', data: { apiKey: 'tk_live_revoked' } });
		expect(wrong).toEqual({ status: 'Error', message: expect.stringMatching(/^TalkNTalk: Invalid or revoked API key\./) });
	});

	async function loadOptions(methodName, parameters) {
		return await stack.n8n.rest('POST', '/dynamic-node-parameters/options', {
			nodeTypeAndVersion: { name: TNT_NODE_TYPE, version: 1 },
			path: 'parameters',
			methodName,
			currentNodeParameters: parameters,
			credentials: { talkNTalkApi: { id: stack.credential.id, name: stack.credential.name } },
		});
	}

	it('offers active sender IDs once each, after "Default"', async () => {
		const options = await loadOptions('getSenderIds', { resource: 'sms', operation: 'send' });
		expect(options.map((o) => [o.name, o.value])).toEqual([['Default', ''], ['ACME_LTD', 'ACME_LTD'], ['TALKNTALK', 'TALKNTALK']]);
		expect(options[2].description).toBe('promotional on safaricom, airtel (default)');
	});

	it('offers every address book with its id as TalkNTalk lists it', async () => {
		const options = await loadOptions('getAddressBooks', { resource: 'sms', operation: 'sendToAddressBooks' });
		expect(options).toEqual([
			{ name: 'Premium Customers', value: 1, description: '3 contacts' },
			{ name: 'Staff', value: 2, description: '2 contacts' },
		]);
		expect(stack.fake.requests[0].query).toEqual({ page: '1', page_size: '500' });
	});
});

describe('checks before anything is sent', () => {
	it.each([
		['a Ugandan number', { resource: 'sms', operation: 'send', mobile: '+256712345678', message: 'x' }, 'Invalid phone number "+256712345678" in "Mobile" (item 1). Nothing was sent to TalkNTalk.'],
		['a number without its prefix', { resource: 'sms', operation: 'send', mobile: '712345678', message: 'x' }, 'Invalid phone number "712345678" in "Mobile" (item 1). Nothing was sent to TalkNTalk.'],
		['one bad number in a list', { resource: 'sms', operation: 'sendBulk', recipientsSource: 'parameter', recipients: '0712345678, 07123', message: 'x' }, 'Invalid phone number "07123" in "Recipients" (item 1). Nothing was sent to TalkNTalk.'],
		['no address book', { resource: 'sms', operation: 'sendToAddressBooks', addressBooks: '={{ [] }}', message: 'x' }, '"Address Books" is empty (item 1). Nothing was sent to TalkNTalk.'],
		['a message of spaces', { resource: 'sms', operation: 'sendBulk', recipientsSource: 'parameter', recipients: '0712 345 678', message: '   ' }, '"Message" is empty (item 1). Nothing was sent to TalkNTalk.'],
		['a message of 14 parts', { resource: 'sms', operation: 'send', mobile: '0712345678', message: 'x'.repeat(2000) }, '"Message" would go out as 14 SMS parts per recipient (2,000 GSM-7 characters), more than Max Parts per Message (10) (item 1). Nothing was sent to TalkNTalk.'],
	])('rejects %s', async (_what, parameters, message) => {
		const { error } = await runTalkNTalk(stack, parameters);
		if (message instanceof RegExp) expect(error.message).toMatch(message);
		else expect(error.message).toBe(message);
		expect(stack.fake.requests).toHaveLength(0);
	});
});

describe('failures', () => {
	it('a 207 fails the item, saying how many were queued; under Continue On Fail one item per recipient', async () => {
		stack.fake.failMobiles.add('254722000111');
		const parameters = { resource: 'sms', operation: 'sendBulk', recipientsSource: 'parameter', recipients: '0712345678, 0722000111, 0733000222', message: 'x' };
		const strict = await runTalkNTalk(stack, parameters);
		expect(strict.error.message).toBe('TalkNTalk rejected 1 of 3 recipients: 254722000111: The recipient opted out of messages from this sender.');
		expect(strict.error.description).toMatch(/^2 other recipient\(s\) were accepted: do not re-run this item as is/);
		stack.fake.reset();
		stack.fake.failMobiles.add('254722000111');
		const lenient = await runTalkNTalk(stack, parameters, { onError: 'continueRegularOutput' });
		expect(lenient.output.map((i) => [i.json.mobile, i.json.status, i.json.error])).toEqual([
			['254712345678', 'queued', undefined], ['254733000222', 'queued', undefined], ['254722000111', 'failed', 'blacklisted'],
		]);
		expect(lenient.output[2].json.detail).toBe('The recipient opted out of messages from this sender.');
	});

	it('a wallet that runs out mid-list: queued recipients and insufficient_balance ones, one item each', async () => {
		stack.fake.balanceCents = 200;
		const { output } = await runTalkNTalk(stack, { resource: 'sms', operation: 'sendBulk', recipientsSource: 'parameter', recipients: phones(3).join(','), message: 'x' }, { onError: 'continueRegularOutput' });
		expect(output.map((i) => [i.json.mobile, i.json.status, i.json.error ?? null])).toEqual([
			[phones(3)[0], 'queued', null], [phones(3)[1], 'queued', null], [phones(3)[2], 'failed', 'insufficient_balance'],
		]);
	});

	it('402 reaches the message with what to do, and the API key appears nowhere in the execution', async () => {
		stack.fake.balanceCents = 0;
		const { error, execution } = await runTalkNTalk(stack, { resource: 'sms', operation: 'send', mobile: '0712345678', message: 'x' });
		expect(error.message).toBe('TalkNTalk refused the request: Insufficient balance. Required KES 1.00, available KES 0.00.');
		expect(error.description).toMatch(/Top up the TalkNTalk wallet/);
		expect(JSON.stringify(execution)).not.toContain(API_KEY);
		expect(stack.n8n.log).not.toContain(API_KEY);
	});

	it('401 says to check the key', async () => {
		stack.fake.apiKey = 'tk_live_rotated';
		try {
			const { error } = await runTalkNTalk(stack, { resource: 'account', operation: 'getBalance' });
			expect(error.message).toBe('TalkNTalk rejected the API key: Invalid or revoked API key.');
			expect(error.description).toMatch(/active key of your organisation/);
		} finally {
			stack.fake.apiKey = API_KEY;
		}
	});
});

describe('bulk campaigns', () => {
	it('25,000 recipients go out in 3 requests, spaced to stay under 60 bulk requests per minute', async () => {
		stack.fake.balanceCents = 1e9;
		const list = phones(25000);
		const { output, error } = await runTalkNTalk(stack, { resource: 'sms', operation: 'sendBulk', recipientsSource: 'parameter', recipients: '={{ $json.list }}', message: 'Flash sale' }, { items: [{ list }] });
		expect(error).toBeUndefined();
		const requests = stack.fake.requestsTo('/v1/sms/send-bulk/');
		expect(requests.map((r) => [r.status, JSON.parse(r.rawBody).recipients.length])).toEqual([[201, 10000], [201, 10000], [201, 5000]]);
		// Measured from when each request began to arrive, not from when its 10,000 numbers had
		// finished uploading (which varies with the load on the machine).
		const gaps = requests.slice(1).map((r, i) => r.arrivedAt - requests[i].arrivedAt);
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(900);
		expect(output).toHaveLength(25000);
		expect(list.every((mobile) => stack.fake.acceptedCount(mobile) === 1)).toBe(true);
	});

	it('a 429 is retried after TalkNTalk\'s Retry-After, and nothing is sent twice', async () => {
		stack.fake.limits.bulk = 1;
		stack.fake.windowMs = 1500;
		const list = phones(4);
		const { output, error } = await runTalkNTalk(stack, {
			resource: 'sms', operation: 'sendBulk', recipientsSource: 'parameter', recipients: list.join(','), message: 'x', options: { batchSize: 2 },
		});
		expect(error).toBeUndefined();
		const statuses = stack.fake.requestsTo('/v1/sms/send-bulk/').map((r) => r.status);
		expect(statuses).toContain(429);
		expect(statuses.filter((s) => s === 201)).toHaveLength(2);
		expect(output.map((i) => i.json.mobile).sort()).toEqual(list);
		expect(list.every((mobile) => stack.fake.acceptedCount(mobile) === 1)).toBe(true);
	});

	it('single sends of many items share one limiter', async () => {
		const items = phones(4).map((mobile) => ({ mobile }));
		const { output } = await runTalkNTalk(stack, { resource: 'sms', operation: 'send', mobile: '={{ $json.mobile }}', message: 'x', options: { maxPerMinute: 120 } }, { items });
		expect(output).toHaveLength(4);
		const times = stack.fake.requestsTo('/v1/sms/send/').map((r) => r.at).sort((a, b) => a - b);
		expect(times[3] - times[0]).toBeGreaterThanOrEqual(1350);
	});
});
