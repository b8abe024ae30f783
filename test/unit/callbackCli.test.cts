import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

// The developer's command (npm run callback), a plain JavaScript file of the test harness.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { main, askSecret } = require('../../test/harness/callback.js') as {
	askSecret: (question: string, streams: { input: NodeJS.ReadStream }) => Promise<string>;
	main: (argv: string[], options?: { env?: Record<string, string | undefined>; ask?: (question: string) => Promise<string> }) => Promise<number>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { sign } = require('../../test/fake-tnt/webhooks.js') as { sign: (raw: string, secret: string) => string };

interface Received {
	headers: http.IncomingHttpHeaders;
	body: string;
}

describe('npm run callback covers TalkNTalk events', () => {
	let server: http.Server;
	let url: string;
	const received: Received[] = [];
	let log: jest.SpyInstance;

	beforeAll(async () => {
		server = http.createServer((req, res) => {
			let body = '';
			req.on('data', (chunk) => (body += chunk));
			req.on('end', () => {
				received.push({ headers: req.headers, body });
				res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/x/webhook`;
		log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
	});
	afterAll(async () => {
		log.mockRestore();
		await new Promise((resolve) => server.close(resolve));
	});
	beforeEach(() => (received.length = 0));

	it('posts a TalkNTalk webhook body with the given message fields, unsigned without a secret', async () => {
		expect(await main(['sms.delivered', url, 'mobile=254711000001', 'id=77'], { env: {} })).toBe(0);
		const [request] = received;
		const body = JSON.parse(request.body);
		expect(body).toMatchObject({ event: 'sms.delivered', data: { id: 77, mobile: '254711000001', status: 'delivered' } });
		expect(request.headers['x-talkntalk-event']).toBe('sms.delivered');
		expect(request.headers['x-talkntalk-signature']).toBeUndefined();
	});

	it('signs the exact bytes with the Signing Secret from CALLBACK_SIGNING_SECRET', async () => {
		expect(await main(['sms.failed', url], { env: { CALLBACK_SIGNING_SECRET: 'whsec_test_123' } })).toBe(0);
		const [request] = received;
		expect(request.headers['x-talkntalk-signature']).toBe(sign(request.body, 'whsec_test_123'));
		expect(JSON.parse(request.body).event).toBe('sms.failed');
	});

	it('asks for the Signing Secret with --secret, and signs with what was typed', async () => {
		const questions: string[] = [];
		const ask = async (question: string) => {
			questions.push(question);
			return 'typed_secret';
		};
		expect(await main(['sms.sent', url, '--secret'], { env: {}, ask })).toBe(0);
		expect(questions).toEqual([expect.stringContaining('Signing Secret')]);
		expect(received[0].headers['x-talkntalk-signature']).toBe(sign(received[0].body, 'typed_secret'));
	});

	it('refuses a secret on the command line (npm prints it) and sends nothing', async () => {
		const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
		try {
			expect(await main(['sms.failed', url, '--secret=whsec_test_123'], { env: {} })).toBe(2);
			expect(error.mock.calls.flat().join('\n')).toMatch(/--secret=<value> would put the secret on the terminal.*CALLBACK_SIGNING_SECRET.*Nothing was sent/);
		} finally {
			error.mockRestore();
		}
		expect(received).toHaveLength(0);
	});

	it('says to set CALLBACK_SIGNING_SECRET when --secret has no terminal to ask on', async () => {
		const notATerminal = { isTTY: false } as unknown as NodeJS.ReadStream;
		await expect(askSecret('Signing Secret: ', { input: notATerminal })).rejects.toThrow(/there is none: set CALLBACK_SIGNING_SECRET instead\. Nothing was sent\./);
	});

	it("still posts Africa's Talking callbacks", async () => {
		expect(await main(['ussd', url, 'text=1'])).toBe(0);
		expect(received[0].body).toContain('text=1');
	});
});
