'use strict';
// The Africa's Talking Trigger and Callback Response in real n8n: published workflows, real
// HTTP posts of AT's callback payloads on 127.0.0.1, the answers AT gets and the executions.
const { execFile } = require('node:child_process');
const { promisify } = require('node:util');
const { parseStringPromise } = require('xml2js');

const execFileAsync = promisify(execFile);
const { useStack } = require('./stack');
const { triggerWorkflow, callbackResponse } = require('../harness/workflows');
const { nodeOutput, nodeError } = require('../harness/n8n');
const { CALLBACKS, postCallback } = require('../fake-at/callbacks');

jest.setTimeout(180000);

const stack = useStack({ resetFakeBeforeEach: false });

/** Publishes a trigger workflow; returns its URL and helpers to read its executions. */
async function publish(parameters, then = [], protection = undefined) {
	const { workflow, path } = triggerWorkflow({ name: `trigger ${parameters.event} ${Date.now()}`, parameters, then, protection });
	const created = await stack.n8n.createWorkflow(workflow, { activate: true });
	const url = `${stack.n8n.url}/webhook/${path}`;
	return {
		url,
		id: created.id,
		post: (event, overrides, options) => postCallback(url, event, overrides, options),
		executions: async (count) => {
			await stack.n8n.waitForExecutions(created.id, count);
			return await stack.n8n.executions(created.id);
		},
	};
}

const output = (execution, node = 'AT Trigger') => nodeOutput(execution, node).map((item) => item.json);

const NOTIFICATIONS = [
	['incomingSms', { id: 'ATSid_123', from: '+254711000111', to: '20880', text: 'Hello', linkId: 'SampleLinkId123', networkCode: '63902', network: 'Safaricom', dedupeKey: 'sms:ATSid_123' }],
	[
		'deliveryReport',
		{
			messageId: 'ATXid_123', status: 'Failed', statusDescription: 'Could not be delivered', delivered: false, phoneNumber: '+254711000222', network: 'Airtel Kenya',
			failureReason: 'DeliveryFailure', failureReasonDescription: 'Unknown delivery failure at the operator', retryCount: 1, dedupeKey: 'dlr:ATXid_123:Failed',
		},
	],
	['bulkSmsOptOut', { senderId: 'MyBrand', phoneNumber: '+254711000333', dedupeKey: 'optout:MyBrand:+254711000333' }],
	['subscriptionUpdate', { phoneNumber: '+254711000444', shortCode: '20880', keyword: 'NEWS', updateType: 'addition', subscribed: true }],
	[
		'voiceEvent',
		{ sessionId: 'ATVId_abc', isActive: false, durationInSeconds: 42, amount: 1.5, currencyCode: 'KES', callSessionState: 'Completed', hangupCause: 'NORMAL_CLEARING', hangupCauseDescription: 'The call ended normally' },
	],
	['airtimeStatus', { requestId: 'ATQid_1', status: 'Success', success: true, amount: 10, currencyCode: 'KES', discount: 'KES 0.4000', dedupeKey: 'airtime:ATQid_1:Success' }],
	[
		'paymentNotification',
		{ transactionId: 'ATPid_n1', category: 'MobileCheckout', status: 'Success', success: true, amount: 100, currencyCode: 'KES', requestMetadata: { orderId: '42' }, dedupeKey: 'payment:ATPid_n1:Success' },
	],
];

describe('notification events: 200 OK at once, one execution with clean fields and the raw body', () => {
	it.each(NOTIFICATIONS)('%s', async (event, expected) => {
		const wf = await publish({ event });
		const answer = await wf.post(event);
		expect([answer.status, answer.text]).toEqual([200, 'OK']);
		expect(answer.contentType).toMatch(/^text\/plain/);
		const [execution] = await wf.executions(1);
		const [item] = output(execution);
		expect(item).toMatchObject({ event, ...expected });
		expect(item.raw).toEqual(Object.fromEntries(Object.entries(CALLBACKS[event].body).map(([k, v]) => [k, CALLBACKS[event].type === 'form' ? String(v) : v])));
	});

	it('accepts airtime status as a form too', async () => {
		const wf = await publish({ event: 'airtimeStatus' });
		expect((await wf.post('airtimeStatus', {}, { type: 'form' })).status).toBe(200);
		const [execution] = await wf.executions(1);
		expect(output(execution)[0]).toMatchObject({ requestId: 'ATQid_1', amount: 10 });
	});
});

// Issue 31: an event is refused only without what identifies it; the rest is optional, known words in any casing.
const IDENTIFYING = {
	incomingSms: ['id', 'from'],
	deliveryReport: ['id', 'status'],
	voiceEvent: ['sessionId'],
	airtimeStatus: ['requestId', 'status'],
	paymentNotification: ['transactionId', 'status'],
};

describe('older callbacks: only what identifies each event, other casings', () => {
	it.each(Object.entries(IDENTIFYING))('%s with only %j: 200 OK and one execution', async (event, only) => {
		const wf = await publish({ event });
		const answer = await wf.post(event, event === 'deliveryReport' ? { status: 'success' } : {}, { only });
		expect([answer.status, answer.text]).toEqual([200, 'OK']);
		const [execution] = await wf.executions(1);
		const [item] = output(execution);
		expect(item.event).toBe(event);
		expect(Object.keys(item.raw).sort()).toEqual([...only].sort());
		if (event === 'deliveryReport') expect(item).toMatchObject({ messageId: 'ATXid_123', status: 'success', delivered: true, statusDescription: 'Delivered to the phone' });
		expect(JSON.stringify(item)).not.toMatch(/undefined|\[object Object\]/);
	});
});

describe('requests that are not the event: 400, and no execution', () => {
	it('refuses missing fields, the wrong content type and GET', async () => {
		const wf = await publish({ event: 'incomingSms' });
		const missing = await wf.post('incomingSms', { id: '' });
		expect([missing.status, missing.text]).toEqual([400, 'Missing id for the Incoming SMS event']);
		const json = await wf.post('incomingSms', {}, { type: 'json' });
		expect([json.status, json.text]).toEqual([400, 'Expected application/x-www-form-urlencoded']);
		const get = await fetch(wf.url);
		expect([get.status, await get.text()]).toEqual([400, "Africa's Talking sends callbacks with POST"]);
		const garbage = await fetch(wf.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"id": ' });
		expect(garbage.status).toBeLessThan(500);
		expect(garbage.status).toBeGreaterThanOrEqual(400);
		await wf.post('incomingSms');
		const executions = await wf.executions(1);
		expect(executions).toHaveLength(1);
	});
});

describe('Voice Call', () => {
	it('answers the Fallback Message instead of silence when no node answers, and records the mistake', async () => {
		// Voice XML From the Workflow, but the workflow has no Callback Response node.
		const wf = await publish({ event: 'voiceCall', voiceAnswer: 'workflow', voiceFallback: 'We are closed & back soon' });
		const answer = await wf.post('voiceCall');
		expect(answer.status).toBe(200);
		expect(answer.contentType).toMatch(/^application\/xml/);
		const xml = await parseStringPromise(answer.text, { explicitCharkey: true });
		expect(xml.Response.Say[0]._).toBe('We are closed & back soon');
		const [execution] = await wf.executions(1);
		expect(output(execution)[0].answerProblem).toMatch(/No Africa's Talking Callback Response node follows this trigger/);
	});

	it('answers a USSD session with the fallback END text when no node answers', async () => {
		const wf = await publish({ event: 'ussd' });
		const answer = await wf.post('ussd');
		expect([answer.status, answer.text]).toEqual([200, 'END Sorry, this service is not available right now. Please try again later.']);
		const [execution] = await wf.executions(1);
		expect(output(execution)[0].answerProblem).toMatch(/fallback END message/);
	});

	it('answers with the fixed message configured in the trigger, as application/xml', async () => {
		// An expression, as users write them: the trigger resolves it before building the XML.
		const wf = await publish({ event: 'voiceCall', voiceAnswer: 'say', voiceText: '={{ "Karibu & welcome" + " to <Acme>" }}', voiceName: 'woman' });
		const answer = await wf.post('voiceCall');
		expect(answer.status).toBe(200);
		expect(answer.contentType).toMatch(/^application\/xml/);
		const xml = await parseStringPromise(answer.text, { explicitCharkey: true });
		expect(xml.Response.Say[0]).toEqual({ _: 'Karibu & welcome to <Acme>', $: { voice: 'woman' } });
		const [execution] = await wf.executions(1);
		expect(output(execution)[0]).toMatchObject({ sessionId: 'ATVId_abc', isActive: true, callerNumber: '+254711000555' });
	});

	it('answers the final request (isActive=0) with 200 at once, and still runs the workflow', async () => {
		const wf = await publish({ event: 'voiceCall', voiceAnswer: 'workflow' }, [callbackResponse({ answer: 'voice', actions: { action: [{ type: 'say', text: 'never sent' }] } })]);
		const answer = await wf.post('voiceCall', { isActive: '0', durationInSeconds: '30', amount: '0.8', currencyCode: 'KES' });
		expect([answer.status, answer.text]).toEqual([200, '']);
		const [execution] = await wf.executions(1);
		expect(output(execution)[0]).toMatchObject({ isActive: false, durationInSeconds: 30, amount: 0.8 });
	});

	it('runs an IVR: the menu, then a different answer per digit', async () => {
		const wf = await publish({ event: 'voiceCall', voiceAnswer: 'workflow' }, [
			callbackResponse({
				answer: 'voice',
				actions: {
					action: [
						{
							type: '={{ $json.dtmfDigits ? "say" : "getDigits" }}',
							promptType: 'say',
							promptText: 'Press 1 for sales, 2 for support',
							numDigits: 1,
							timeout: 15,
							text: '={{ { "1": "Connecting you to sales", "2": "Connecting you to support" }[$json.dtmfDigits] || "Sorry, " + $json.dtmfDigits + " is not an option" }}',
						},
					],
				},
			}),
		]);
		const menu = await wf.post('voiceCall');
		expect(menu.status).toBe(200);
		expect(menu.contentType).toMatch(/^application\/xml/);
		const menuXml = await parseStringPromise(menu.text, { explicitCharkey: true });
		expect(menuXml.Response.GetDigits[0].$).toEqual({ numDigits: '1', timeout: '15' });
		expect(menuXml.Response.GetDigits[0].Say[0]._).toBe('Press 1 for sales, 2 for support');
		const said = async (digits) => (await parseStringPromise((await wf.post('voiceCall', { dtmfDigits: digits })).text, { explicitCharkey: true })).Response.Say[0]._;
		expect(await said('1')).toBe('Connecting you to sales');
		expect(await said('2')).toBe('Connecting you to support');
		expect(await said('9')).toBe('Sorry, 9 is not an option');
		const executions = await wf.executions(4);
		expect(executions.map((e) => output(e)[0].dtmfDigits).sort()).toEqual(['1', '2', '9', undefined].sort());
	});
});

describe('USSD', () => {
	const MENU = `={{ $json.text === "" ? "CON Welcome\\n1. My account\\n2. Help" : $json.text === "1" ? "CON 1. Balance\\n2. Statement" : $json.text === "1*1" ? "END Your balance is KES 100" : "END Goodbye" }}`;

	it('runs a two-level menu with text/plain CON/END answers', async () => {
		const wf = await publish({ event: 'ussd' }, [callbackResponse({ answer: 'ussd', ussdType: 'raw', ussdText: MENU })]);
		const step = async (text) => {
			const answer = await wf.post('ussd', { text });
			expect(answer.status).toBe(200);
			expect(answer.contentType).toMatch(/^text\/plain/);
			return answer.text;
		};
		expect(await step('')).toBe('CON Welcome\n1. My account\n2. Help');
		expect(await step('1')).toBe('CON 1. Balance\n2. Statement');
		expect(await step('1*1')).toBe('END Your balance is KES 100');
		const executions = await wf.executions(3);
		expect(executions.map((e) => output(e)[0].level).sort()).toEqual([0, 1, 2]);
	});

	it('can be clicked through with `npm run callback` (the command the README gives for trying a trigger locally)', async () => {
		const wf = await publish({ event: 'ussd' }, [callbackResponse({ answer: 'ussd', ussdType: 'raw', ussdText: MENU })]);
		const run = (...args) => execFileAsync(process.execPath, [require.resolve('../harness/callback.js'), ...args]);
		const first = await run('ussd', wf.url);
		expect(first.stdout).toBe('HTTP 200 text/plain; charset=utf-8\nCON Welcome\n1. My account\n2. Help\n');
		const second = await run('ussd', wf.url, 'text=1*1');
		expect(second.stdout).toMatch(/END Your balance is KES 100/);
		const [latest] = await wf.executions(2);
		expect(output(latest)[0]).toMatchObject({ phoneNumber: '+254711000666', serviceCode: '*384*123#' });
		await expect(run('nonsense', wf.url)).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown event "nonsense"/) });
	});

	it('never sends an answer without CON/END: the caller gets the fallback END, and the execution fails naming the mistake', async () => {
		const wf = await publish({ event: 'ussd' }, [callbackResponse({ answer: 'ussd', ussdType: 'raw', ussdText: 'Hello there' })]);
		const answer = await wf.post('ussd');
		expect(answer.text).toBe('END Sorry, this service is not available right now. Please try again later.');
		const [execution] = await wf.executions(1);
		expect(execution.status).toBe('error');
		expect(nodeError(execution, 'Callback Response').message).toMatch(/"Hello there" does not start with "CON " or "END "/);
	});

	// From version 1.1 on, n8n's Respond to Webhook node refuses any trigger but n8n's own
	// Webhook, Form and Chat triggers; version 1 works with this trigger.
	it('answers the same from a trigger saved as version 1 (before version 2 existed)', async () => {
		const { workflow, path } = triggerWorkflow({
			name: `trigger v1 ${Date.now()}`, parameters: { event: 'ussd' }, typeVersion: 1,
			then: [callbackResponse({ answer: 'ussd', ussdType: 'raw', ussdText: '=CON Hello {{ $json.phoneNumber }}' })],
		});
		await stack.n8n.createWorkflow(workflow, { activate: true });
		const answer = await postCallback(`${stack.n8n.url}/webhook/${path}`, 'ussd', { phoneNumber: '+254711000123' });
		expect([answer.status, answer.text]).toEqual([200, 'CON Hello +254711000123']);
		expect(answer.contentType).toMatch(/^text\/plain/);
	});

	it("answers through n8n's Respond to Webhook node (version 1) when chosen", async () => {
		const wf = await publish({ event: 'ussd', respondUsing: 'respondToWebhook' }, [
			callbackResponse({ answer: 'ussd', ussdType: 'end', ussdText: 'Thanks for calling' }),
			{
				name: 'Respond to Webhook', type: 'n8n-nodes-base.respondToWebhook', typeVersion: 1,
				parameters: { respondWith: 'text', responseBody: '={{ $json.response }}', options: { responseHeaders: { entries: [{ name: 'content-type', value: 'text/plain' }] } } },
			},
		]);
		const answer = await wf.post('ussd');
		expect([answer.status, answer.text]).toEqual([200, 'END Thanks for calling']);
		expect(answer.contentType).toMatch(/^text\/plain/);
	});
});

describe('Airtime and Payment Validation', () => {
	it.each(['airtimeValidation', 'paymentValidation'])('%s: the workflow decides', async (event) => {
		const wf = await publish({ event, validationAnswer: 'workflow' }, [
			callbackResponse({ answer: 'validation', validationStatus: '={{ $json.amount <= 1000 ? "Validated" : "Failed" }}' }),
		]);
		const small = await wf.post(event, { amount: 500 });
		expect([small.status, small.text]).toEqual([200, '{"status":"Validated"}']);
		expect(small.contentType).toMatch(/^application\/json/);
		expect((await wf.post(event, { amount: 5000 })).text).toBe('{"status":"Failed"}');
	});

	it('a rule configured in the trigger decides', async () => {
		const wf = await publish({ event: 'paymentValidation', validationAnswer: 'rule', maxAmount: 1000, currencies: 'KES' });
		expect((await wf.post('paymentValidation', { amount: 999 })).text).toBe('{"status":"Validated"}');
		expect((await wf.post('paymentValidation', { amount: 1001 })).text).toBe('{"status":"Failed"}');
		expect((await wf.post('paymentValidation', { amount: 10, currencyCode: 'UGX' })).text).toBe('{"status":"Failed"}');
		const executions = await wf.executions(3);
		expect(executions.map((e) => output(e)[0].answer).sort()).toEqual(['Failed', 'Failed', 'Validated']);
	});
});

describe('hostile JSON (issue 10): 400 naming the field, nothing started, no error execution', () => {
	const HOSTILE_OBJECT = { toString: 1, valueOf: 2 };

	it.each([
		['paymentValidation', 'transactionId', HOSTILE_OBJECT],
		['paymentValidation', 'provider', HOSTILE_OBJECT],
		['airtimeValidation', 'amount', HOSTILE_OBJECT],
		['airtimeStatus', 'description', HOSTILE_OBJECT],
		['paymentNotification', 'status', HOSTILE_OBJECT],
		['paymentNotification', 'transactionFee', ['KES', 1]],
	])('%s with an object in %s', async (event, field, value) => {
		const wf = await publish({ event });
		const answer = await wf.post(event, { [field]: value });
		expect([answer.status, answer.text]).toEqual([400, `Unexpected value for ${field}: expected text or a number`]);
		expect(await stack.n8n.waitForExecutions(wf.id, 1, 1500)).toHaveLength(0);
	});

	it.each([
		['paymentValidation', 'transactionId'],
		['airtimeStatus', 'description'],
		['paymentNotification', 'requestMetadata'],
	])('%s with 20,000 nested arrays in %s', async (event, field) => {
		const wf = await publish({ event });
		// Written as text: JSON.stringify itself would overflow the stack on it.
		const body = JSON.stringify({ ...CALLBACKS[event].body, [field]: 'DEEP' }).replace('"DEEP"', `${'['.repeat(20000)}${']'.repeat(20000)}`);
		const res = await fetch(wf.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
		const answer = { status: res.status, text: await res.text() };
		expect([answer.status, answer.text]).toEqual([400, 'The body is nested more than 32 levels deep']);
		expect(await stack.n8n.waitForExecutions(wf.id, 1, 1500)).toHaveLength(0);
	});
});

describe("protection: the Africa's Talking Webhook credential", () => {
	// Base64-like, with every character a query string treats specially.
	const SECRET = 'Kp7+xQ/2w==&r%9 Zt#v';
	const encoded = encodeURIComponent(SECRET);
	/** What a user who pastes the token as it is, encoding only what must be (& % space #), sends. */
	const pastedAsIs = SECRET.replace(/%/g, '%25').replace(/&/g, '%26').replace(/ /g, '%20').replace(/#/g, '%23');

	const protection = async (data) => await stack.n8n.createCredential({ name: `AT webhook ${Date.now()}`, type: 'africasTalkingWebhookApi', data });

	it('requires the token, percent-encoded or with + / = as they are, and stores it nowhere', async () => {
		const credential = await protection({ secretToken: SECRET });
		const wf = await publish({ event: 'deliveryReport' }, [], credential);
		expect((await postCallback(wf.url, 'deliveryReport')).status).toBe(401);
		expect((await postCallback(`${wf.url}?token=wrong`, 'deliveryReport')).status).toBe(401);
		expect((await postCallback(`${wf.url}?token=${encoded.slice(0, -3)}`, 'deliveryReport')).status).toBe(401);
		expect((await postCallback(`${wf.url}?token=${encodeURIComponent(encoded)}`, 'deliveryReport')).status).toBe(401);
		expect((await postCallback(`${wf.url}?token=${encoded}&token=${encoded}`, 'deliveryReport')).status).toBe(401);
		expect((await postCallback(`${wf.url}?token=%E0%A4%A`, 'deliveryReport')).status).toBe(401);
		expect((await postCallback(`${wf.url}?token=${encoded}`, 'deliveryReport', { id: 'encoded' })).status).toBe(200);
		expect((await postCallback(`${wf.url}?token=${pastedAsIs}`, 'deliveryReport', { id: 'as-is' })).status).toBe(200);
		expect((await postCallback(`${wf.url}?${new URLSearchParams({ token: SECRET })}`, 'deliveryReport', { id: 'form-encoded' })).status).toBe(200);
		const executions = await wf.executions(3);
		expect(executions.map((e) => output(e)[0].messageId).sort()).toEqual(['as-is', 'encoded', 'form-encoded']);
		// Everything n8n stored: every execution as its REST API gives it (run data and the workflow
		// snapshot), the workflow, n8n's log, and the bytes of its database and user folder.
		const stored = [
			JSON.stringify(await stack.n8n.allExecutions()),
			JSON.stringify(await stack.n8n.rest('GET', `/workflows/${wf.id}`)),
			stack.n8n.log,
			stack.n8n.storedBytes().toString('latin1'),
		].join('\n');
		for (const form of [SECRET, encoded, pastedAsIs, 'Kp7+xQ/2w==', 'Kp7%2BxQ']) expect(stored).not.toContain(form);
	});

	it('refuses addresses outside the allowlist', async () => {
		const blocked = await publish({ event: 'bulkSmsOptOut' }, [], await protection({ ipAllowlist: '192.0.2.0/24' }));
		expect((await blocked.post('bulkSmsOptOut')).status).toBe(403);
		const allowed = await publish({ event: 'bulkSmsOptOut' }, [], await protection({ ipAllowlist: '192.0.2.0/24, 127.0.0.1' }));
		expect((await allowed.post('bulkSmsOptOut')).status).toBe(200);
		expect(await stack.n8n.waitForExecutions(blocked.id, 1, 1500)).toHaveLength(0);
	});

	it("tests the credential's values with the editor's Test button, without repeating the secret", async () => {
		const test = async (data) => await stack.n8n.testCredential({ type: 'africasTalkingWebhookApi', data });
		expect(await test({ secretToken: SECRET })).toEqual({ status: 'OK', message: 'The protection settings are valid' });
		const short = await test({ secretToken: 'x+/=&%' });
		expect(short).toMatchObject({ status: 'Error', message: expect.stringMatching(/too short/) });
		expect(short.message).not.toContain('x+/=&%');
		expect(await test({ ipAllowlist: '192.0.2.0/24, 300.0.0.1' })).toMatchObject({ status: 'Error', message: expect.stringMatching(/300\.0\.0\.1 is not an address/) });
	});
});
