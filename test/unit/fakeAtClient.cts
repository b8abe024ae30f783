// One fake AT for a unit test file of its JSON products, and requests to it as AT's SDKs send them.
import axios from 'axios';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { FakeAfricasTalking } = require('../fake-at/server');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DEFAULT_ACCOUNTS } = require('../fake-at/accounts');

export const LIVE = DEFAULT_ACCOUNTS[0];
export const SANDBOX = DEFAULT_ACCOUNTS[1];

/** Registers Jest hooks that start the fake for the file and reset it before each test. */
export function useFake() {
	const holder: { fake: InstanceType<typeof FakeAfricasTalking> } = { fake: undefined as never };
	beforeAll(async () => {
		holder.fake = await new FakeAfricasTalking().listen();
	});
	afterAll(async () => holder.fake.close());
	beforeEach(() => holder.fake.reset());
	return holder;
}

export async function post(port: number, host: string, path: string, body: Record<string, unknown>, account = LIVE) {
	return await axios.request({
		method: 'POST',
		url: `http://127.0.0.1:${port}${path}`,
		validateStatus: () => true,
		headers: { Host: host, apiKey: account.apiKey, Accept: 'application/json', 'Content-Type': 'application/json' },
		data: JSON.stringify({ username: account.username, ...body }),
	});
}

/** A POST to chat.africastalking.com (or chat.sandbox… for the sandbox account). */
export const chatPost = (port: number, path: string, body: Record<string, unknown>, account = LIVE) =>
	post(port, account === LIVE ? 'chat.africastalking.com' : 'chat.sandbox.africastalking.com', path, body, account);
