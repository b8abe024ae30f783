import type { IHttpRequestOptions } from 'n8n-workflow';
import { africasTalkingUsername, AT_BASE_URL, baseUrlForEnvironment } from '../../nodes/AfricasTalkingCommon/environment';
import { CONTENT_TYPE, prepareRequest } from '../../nodes/AfricasTalking/shared/request';
import { LIVE_CREDENTIALS, SANDBOX_CREDENTIALS, singleContext } from './context.cjs';

describe('hosts per environment', () => {
	it.each([
		[AT_BASE_URL.api, 'https://api.africastalking.com', 'https://api.sandbox.africastalking.com'],
		[AT_BASE_URL.voice, 'https://voice.africastalking.com', 'https://voice.sandbox.africastalking.com'],
		[AT_BASE_URL.data, 'https://bundles.africastalking.com', 'https://bundles.sandbox.africastalking.com'],
		[AT_BASE_URL.payments, 'https://payments.africastalking.com', 'https://payments.sandbox.africastalking.com'],
		// Premium SMS has no content.sandbox host: the sandbox serves it on its API host.
		[AT_BASE_URL.premium, 'https://content.africastalking.com', 'https://api.sandbox.africastalking.com'],
	])('%s', (base, live, sandbox) => {
		expect(baseUrlForEnvironment(base, 'live')).toBe(live);
		expect(baseUrlForEnvironment(base, 'sandbox')).toBe(sandbox);
	});
});

describe('credential username', () => {
	it('is always "sandbox" in the sandbox, whatever the hidden field holds', () => {
		expect(africasTalkingUsername(SANDBOX_CREDENTIALS)).toBe('sandbox');
	});
	it('refuses the sandbox username with the live environment, saying what to change', () => {
		expect(() => africasTalkingUsername({ ...LIVE_CREDENTIALS, username: 'Sandbox' })).toThrow(/set Environment to Sandbox/);
	});
	it('refuses an empty live username', () => {
		expect(() => africasTalkingUsername({ ...LIVE_CREDENTIALS, username: ' ' })).toThrow(/no username/);
	});
});

function options(body: object, extra: Partial<IHttpRequestOptions> = {}): IHttpRequestOptions {
	return { url: '/x', method: 'POST', baseURL: AT_BASE_URL.voice, body, qs: {}, headers: {}, ...extra };
}

describe('prepareRequest', () => {
	it('form-encodes the body with the username first and drops empty parameters', async () => {
		const result = await prepareRequest.call(singleContext(), options({ to: '+254711000001', from: '', clientRequestId: undefined, enqueue: true }, { headers: { 'Content-Type': CONTENT_TYPE.form } }));
		expect(result.body).toBe('username=liveapp&to=%2B254711000001&enqueue=1');
		expect(result.headers?.['Content-Type']).toBe('application/x-www-form-urlencoded');
		expect(result.baseURL).toBe('https://voice.africastalking.com');
	});

	it('sends the sandbox username to the sandbox host of the same product', async () => {
		const result = await prepareRequest.call(singleContext({ credentials: SANDBOX_CREDENTIALS }), options({ productName: 'shop', metadata: null }, { headers: { 'Content-Type': CONTENT_TYPE.json } }));
		expect(result.body).toEqual({ username: 'sandbox', productName: 'shop' });
		expect(result.baseURL).toBe('https://voice.sandbox.africastalking.com');
		expect(result.headers?.['Content-Type']).toBe('application/json');
	});

	it('puts the username in the query of GET requests and sends no body', async () => {
		const result = await prepareRequest.call(singleContext(), options({}, { method: 'GET', qs: { transactionId: 'ATPid_1', lastReceivedId: '' } }));
		expect(result.qs).toEqual({ username: 'liveapp', transactionId: 'ATPid_1' });
		expect(result.body).toBeUndefined();
	});

	it('turns the environment mix-up into a node error before any request', async () => {
		await expect(
			prepareRequest.call(singleContext({ credentials: { ...LIVE_CREDENTIALS, username: 'sandbox' } }), options({})),
		).rejects.toThrow(/Environment: Live but Username: sandbox/);
	});
});
