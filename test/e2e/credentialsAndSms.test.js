'use strict';
// The foundation in real n8n: the credential test, SMS Send and Account Get Balance against
// the fake Africa's Talking, errors, secrets, and live and sandbox credentials side by side.
const { useStack, credentialData, uniquePath, LIVE, SANDBOX } = require('./stack');
const { webhookWorkflow, manualWorkflow, AT_NODE_NAME, AT_NODE_TYPE, node, chain } = require('../harness/workflows');
const { nodeOutput, nodeError } = require('../harness/n8n');

jest.setTimeout(180000);

const stack = useStack();

const SMS = (extra = {}) => ({ resource: 'sms', operation: 'send', recipientsSource: 'parameter', recipients: '={{ $json.to }}', message: '={{ $json.text }}', ...extra });

/** Publishes a webhook workflow running the AT node with these parameters; returns a runner. */
async function atWorkflow(parameters, { credential = stack.credentials.live, onError } = {}) {
	const path = uniquePath('at');
	const workflow = await stack.n8n.createWorkflow(webhookWorkflow({ name: path, path, parameters, credential, onError }), { activate: true });
	return {
		id: workflow.id,
		run: (items) => stack.n8n.webhook(path, { items }),
		lastExecution: async () => (await stack.n8n.executions(workflow.id))[0],
	};
}

describe('credential test ("Test credential" in the editor)', () => {
	it('accepts a right live key and a right sandbox key', async () => {
		await expect(stack.n8n.testCredential({ data: credentialData.live })).resolves.toEqual({ status: 'OK', message: 'Connection successful!' });
		await expect(stack.n8n.testCredential({ data: credentialData.sandbox })).resolves.toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(stack.fake.requests.map((r) => [r.host, r.path, r.query.username, r.headers.apikey, r.status])).toEqual([
			['api.africastalking.com', '/version1/user', LIVE.username, LIVE.apiKey, 200],
			['api.sandbox.africastalking.com', '/version1/user', 'sandbox', SANDBOX.apiKey, 200],
		]);
	});

	it("rejects a wrong key with AT's reason", async () => {
		const result = await stack.n8n.testCredential({ data: { ...credentialData.live, apiKey: 'atsk_wrong' } });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Africa's Talking: The supplied authentication is invalid\./);
		expect(stack.fake.requests[0].status).toBe(401);
	});

	it('rejects a sandbox key used with the live environment', async () => {
		const result = await stack.n8n.testCredential({ data: { ...credentialData.live, apiKey: SANDBOX.apiKey } });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/sandbox keys work only with Sandbox/);
	});

	it('says exactly what to change for the sandbox username with the live environment, without calling AT', async () => {
		const result = await stack.n8n.testCredential({ data: { environment: 'live', username: 'sandbox', apiKey: SANDBOX.apiKey } });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/Environment: Live but Username: sandbox.*set Environment to Sandbox/);
		expect(stack.fake.requests).toHaveLength(0);
	});
});

describe('SMS → Send', () => {
	it('sends to one recipient with exactly the request AT expects', async () => {
		const wf = await atWorkflow(SMS());
		const res = await wf.run([{ to: '+254711000001', text: 'Hello & welcome, Amina!' }]);
		expect(res.status).toBe(200);
		expect(stack.fake.requests).toHaveLength(1);
		const request = stack.fake.requests[0];
		expect(request.host).toBe('api.africastalking.com');
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/version1/messaging');
		expect(request.headers.apikey).toBe(LIVE.apiKey);
		expect(request.headers.accept).toBe('application/json');
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
		// Empty options (from, enqueue) are not sent at all.
		expect(request.body).toEqual({ username: LIVE.username, bulkSMSMode: '1', to: '+254711000001', message: 'Hello & welcome, Amina!' });
		expect(res.json).toEqual([
			{ number: '+254711000001', status: 'Success', statusCode: 101, statusName: 'Sent', success: true, cost: 'KES 0.8000', messageId: 'ATXid_00000001', messageParts: 1 },
		]);
	});

	it('sends to three recipients in one request and outputs one item per recipient, paired to its input', async () => {
		const wf = await atWorkflow(SMS({ recipients: '={{ $json.phones }}', options: { from: 'MyBrand', enqueue: true } }));
		const phones = ['+254711000001', '+255754000002', '+234803000003'];
		const res = await wf.run([{ phones, text: 'Karibu 🎉' }]);
		expect(res.status).toBe(200);
		expect(stack.fake.requests).toHaveLength(1);
		expect(stack.fake.requests[0].body).toEqual({
			username: LIVE.username, bulkSMSMode: '1', to: phones.join(','), message: 'Karibu 🎉', from: 'MyBrand', enqueue: '1',
		});
		expect(res.json.map((item) => [item.number, item.statusCode, item.messageId])).toEqual([
			[phones[0], 101, 'ATXid_00000001'], [phones[1], 101, 'ATXid_00000002'], [phones[2], 101, 'ATXid_00000003'],
		]);
		const output = nodeOutput(await wf.lastExecution(), AT_NODE_NAME);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
	});

	it('pairs the recipients of each input item with that item', async () => {
		const wf = await atWorkflow(SMS());
		await wf.run([{ to: '+254711000001', text: 'a' }, { to: '+254711000002,+254711000003', text: 'b' }]);
		const output = nodeOutput(await wf.lastExecution(), AT_NODE_NAME);
		expect(output.map((item) => [item.json.number, item.pairedItem.item])).toEqual([
			['+254711000001', 0], ['+254711000002', 1], ['+254711000003', 1],
		]);
	});

	it('turns InvalidSenderId in a 201 answer into a node error that says what to check', async () => {
		const wf = await atWorkflow(SMS({ options: { from: 'NotApproved' } }));
		const res = await wf.run([{ to: '+254711000001', text: 'hi' }]);
		expect(res.status).toBe(500);
		const error = nodeError(await wf.lastExecution(), AT_NODE_NAME);
		expect(error.message).toBe("Africa's Talking did not send the message: InvalidSenderId");
		expect(error.description).toMatch(/Sender ID or Short Code/);
	});

	it('fails on a rejected recipient, and under Continue On Fail gives one error item next to the sent ones', async () => {
		stack.fake.recipientStatus.set('+254711000002', 406);
		const strict = await atWorkflow(SMS());
		expect((await strict.run([{ to: '+254711000001,+254711000002', text: 'hi' }])).status).toBe(500);
		const error = nodeError(await strict.lastExecution(), AT_NODE_NAME);
		expect(error.message).toBe("Africa's Talking rejected 1 of 2 recipients: +254711000002: UserInBlacklist (406). The recipient opted out of messages from this sender.");
		expect(error.description).toMatch(/1 other recipient\(s\) were accepted/);

		const lenient = await atWorkflow(SMS(), { onError: 'continueRegularOutput' });
		const res = await lenient.run([{ to: '+254711000001,+254711000002', text: 'hi' }]);
		expect(res.status).toBe(200);
		expect(res.json.map((item) => [item.number, item.success, item.error])).toEqual([
			['+254711000001', true, undefined],
			['+254711000002', false, '+254711000002: UserInBlacklist (406). The recipient opted out of messages from this sender.'],
		]);
	});

	it('rejects a local number before sending anything, naming the field, the value and the item', async () => {
		const wf = await atWorkflow(SMS());
		const res = await wf.run([{ to: '+254711000001', text: 'ok' }, { to: '+254711000002, 0711000003', text: 'ok' }]);
		expect(res.status).toBe(500);
		const error = nodeError(await wf.lastExecution(), AT_NODE_NAME);
		expect(error.message).toBe('Invalid phone number "0711000003" in "Recipients" (item 2). Nothing was sent to Africa\'s Talking.');
		expect(error.description).toMatch(/replace the leading 0 with the country code/);
		// n8n sends the items of a declarative node concurrently; item 2 never reached AT.
		expect(stack.fake.requests.every((r) => !r.rawBody.includes('0711000003'))).toBe(true);
	});

	it('gives one error item per failed input item under Continue On Fail', async () => {
		const wf = await atWorkflow(SMS(), { onError: 'continueRegularOutput' });
		const res = await wf.run([{ to: '+254711000001', text: 'ok' }, { to: 'not-a-number', text: 'ok' }]);
		expect(res.status).toBe(200);
		const output = nodeOutput(await wf.lastExecution(), AT_NODE_NAME);
		expect(output).toHaveLength(2);
		expect(output[0].json.number).toBe('+254711000001');
		expect(output[1].json.error).toBe('Invalid phone number "not-a-number" in "Recipients" (item 2). Nothing was sent to Africa\'s Talking.');
		expect(output[1].pairedItem).toEqual({ item: 1 });
	});

	it('refuses an empty or blank message before sending (AT would refuse it with a 400), saying nothing was sent', async () => {
		const wf = await atWorkflow(SMS());
		await wf.run([{ to: '+254711000001', text: '' }]);
		expect(nodeError(await wf.lastExecution(), AT_NODE_NAME).message).toBe('"Message" is empty (item 1). Nothing was sent to Africa\'s Talking.');
		await wf.run([{ to: '+254711000001', text: '   ' }]);
		expect(nodeError(await wf.lastExecution(), AT_NODE_NAME).message).toBe('"Message" is empty (item 1). Nothing was sent to Africa\'s Talking.');
		expect(stack.fake.requests).toHaveLength(0);
	});
});

describe('secrets and failures', () => {
	async function everything(workflowId) {
		const executions = await stack.n8n.executions(workflowId);
		return JSON.stringify(executions) + stack.n8n.log;
	}

	it("reports a 401 with AT's reason and never shows the key", async () => {
		const wrongKey = 'atsk_live_wrong_but_secret_0000000000';
		const credential = await stack.n8n.createCredential({ name: 'AT wrong key', data: { ...credentialData.live, apiKey: wrongKey } });
		const wf = await atWorkflow(SMS(), { credential });
		await wf.run([{ to: '+254711000001', text: 'hi' }]);
		expect(stack.fake.requests[0].status).toBe(401);
		const error = nodeError(await wf.lastExecution(), AT_NODE_NAME);
		expect(error.message).toBe("Africa's Talking rejected the credentials: The supplied authentication is invalid");
		expect(error.description).toMatch(/belongs to the live app "liveapp"/);
		expect(await everything(wf.id)).not.toContain(wrongKey);
	});

	// Issue 31: n8n's declarative engine keeps only an error's message in the error item; the node gives the advice too.
	it('with On Error → Continue, a 401 and a 429 give error items with the same message and advice as with Stop Workflow', async () => {
		const credential = await stack.n8n.createCredential({ name: 'AT wrong key 2', data: { ...credentialData.live, apiKey: 'atsk_live_wrong_0000000000' } });
		const cases = [
			{ options: { credential }, fault: undefined },
			{ options: {}, fault: { status: 429, retryAfter: 1, times: 2 } },
		];
		for (const { options, fault } of cases) {
			const strict = await atWorkflow(SMS({ options: { retry: false } }), options);
			const lenient = await atWorkflow(SMS({ options: { retry: false } }), { ...options, onError: 'continueRegularOutput' });
			if (fault) stack.fake.injectFault(fault);
			await strict.run([{ to: '+254711000001', text: 'hi' }]);
			const error = nodeError(await strict.lastExecution(), AT_NODE_NAME);
			expect(error.description).toMatch(fault ? /slow the workflow down/ : /belongs to the live app/);
			expect((await lenient.run([{ to: '+254711000001', text: 'hi' }])).status).toBe(200);
			const [item] = nodeOutput(await lenient.lastExecution(), AT_NODE_NAME);
			expect(item.json).toMatchObject({ description: error.description });
			expect(item.json.error).toContain(error.message);
		}
	});

	it('redacts the key from a 500 whose body echoes the request', async () => {
		stack.fake.injectFault({ status: 500, body: (record) => `upstream error; request headers: ${JSON.stringify(record.headers)}` });
		const wf = await atWorkflow(SMS({ options: { retry: false } }));
		await wf.run([{ to: '+254711000001', text: 'hi' }]);
		const error = nodeError(await wf.lastExecution(), AT_NODE_NAME);
		expect(error.message).toMatch(/^Africa's Talking refused the request: upstream error; request headers: .*\[redacted\]/);
		expect(await everything(wf.id)).not.toContain(LIVE.apiKey);
	});

	it('reports a dropped connection without the key', async () => {
		stack.fake.injectFault({ status: 'drop' });
		const wf = await atWorkflow(SMS());
		const res = await wf.run([{ to: '+254711000001', text: 'hi' }]);
		expect(res.status).toBe(500);
		const error = nodeError(await wf.lastExecution(), AT_NODE_NAME);
		expect(error.message).toMatch(/socket hang up|ECONNRESET|connection/i);
		expect(await everything(wf.id)).not.toContain(LIVE.apiKey);
	});
});

describe('Account → Get Balance, and live and sandbox credentials in one run (n8n execute --id)', () => {
	it('reaches each credential its own host with its own key and username', async () => {
		const live = manualWorkflow({ name: 'x', parameters: { resource: 'account', operation: 'getBalance' }, credential: stack.credentials.live }).nodes[1];
		const sandbox = {
			...node('AT Sandbox', AT_NODE_TYPE, 1, { resource: 'account', operation: 'getBalance' }, [660, 0]),
			credentials: { africasTalkingApi: stack.credentials.sandbox },
		};
		const workflow = await stack.n8n.createWorkflow({
			name: 'live and sandbox',
			nodes: [node('Start', 'n8n-nodes-base.manualTrigger', 1, {}, [0, 0]), live, sandbox],
			connections: chain('Start', AT_NODE_NAME, 'AT Sandbox'),
			settings: { executionOrder: 'v1' },
		});
		const run = await stack.n8n.execute(workflow.id);
		expect(run.status).toBe(0);
		expect(run.output).not.toBeNull();
		const output = (name) => run.output.data.resultData.runData[name][0].data.main[0].map((item) => item.json);
		expect(output(AT_NODE_NAME)).toEqual([{ balance: 'KES 1234.5600', currencyCode: 'KES', amount: 1234.56 }]);
		expect(output('AT Sandbox')).toEqual([{ balance: 'KES 1234.5600', currencyCode: 'KES', amount: 1234.56 }]);
		expect(stack.fake.requests.map((r) => [r.method, r.host, r.path, r.query, r.headers.apikey, r.headers.accept])).toEqual([
			['GET', 'api.africastalking.com', '/version1/user', { username: LIVE.username }, LIVE.apiKey, 'application/json'],
			['GET', 'api.sandbox.africastalking.com', '/version1/user', { username: 'sandbox' }, SANDBOX.apiKey, 'application/json'],
		]);
	});
});
