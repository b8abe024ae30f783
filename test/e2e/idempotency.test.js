'use strict';
// The default Idempotency-Key must never repeat for a new payment: not in a second n8n instance
// running the same imported workflow, not after a database reset (execution IDs restart at 1).
// (The same key on n8n's Retry On Fail is proven in operations.test.js.)
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { FakeAfricasTalking } = require('../fake-at/server');
const { testTls } = require('../harness/tls');
const { N8n } = require('../harness/n8n');
const { webhookWorkflow } = require('../harness/workflows');
const { credentialData } = require('./stack');

jest.setTimeout(300000);

const checkout = { resource: 'payment', operation: 'mobileCheckout', productName: 'Shop', phoneNumber: '+254711000001', currencyCode: 'KES', amount: 10 };

let fake;
let tls;
const instances = [];

beforeAll(async () => {
	tls = testTls();
	fake = await new FakeAfricasTalking().listen({ tls });
});

afterAll(async () => {
	for (const n8n of instances) {
		await n8n.stop();
		fs.rmSync(n8n.userFolder, { recursive: true, force: true });
	}
	await fake.close();
});

async function startInstance(userFolder, encryptionKey) {
	const n8n = await N8n.create({ fakePort: fake.port, caPath: tls.caPath, userFolder, env: { N8N_ENCRYPTION_KEY: encryptionKey } });
	instances.push(n8n);
	await n8n.start();
	return n8n;
}

/** Imports the same workflow (same node IDs) and pays once; returns the key AT received. */
async function payOnce(n8n, workflow) {
	const credential = await n8n.createCredential({ name: 'AT live', data: credentialData.live });
	workflow.nodes[2].credentials.africasTalkingApi = { id: credential.id, name: credential.name };
	const created = await n8n.createWorkflow(workflow, { activate: true });
	const before = fake.requests.length;
	await n8n.webhook('pay', { items: [{}] });
	const executions = await n8n.executions(created.id);
	expect(executions).toHaveLength(1);
	const requests = fake.requests.slice(before);
	expect(requests).toHaveLength(1);
	return { key: requests[0].headers['idempotency-key'], executionId: executions[0].id };
}

it('is unique across two instances and a database reset, although the execution IDs repeat', async () => {
	const template = webhookWorkflow({ name: 'pay', path: 'pay', parameters: checkout, credential: { id: 'x', name: 'x' } });
	const folderA = fs.mkdtempSync(path.join(os.tmpdir(), 'at-n8n-a-'));
	const folderB = fs.mkdtempSync(path.join(os.tmpdir(), 'at-n8n-b-'));

	const a = await startInstance(folderA, 'instance-a-key-0123456789');
	const first = await payOnce(a, structuredClone(template));
	const b = await startInstance(folderB, 'instance-b-key-9876543210');
	const second = await payOnce(b, structuredClone(template));

	// Database reset: same user folder and encryption key, empty database.
	await a.stop();
	for (const file of fs.readdirSync(path.join(folderA, '.n8n')).filter((f) => f.startsWith('database.sqlite'))) fs.rmSync(path.join(folderA, '.n8n', file));
	const reset = await startInstance(folderA, 'instance-a-key-0123456789');
	const third = await payOnce(reset, structuredClone(template));

	expect([first.executionId, second.executionId, third.executionId]).toEqual([first.executionId, first.executionId, first.executionId]);
	expect(new Set([first.key, second.key, third.key]).size).toBe(3);
	for (const { key } of [first, second, third]) expect(key).toMatch(new RegExp(`^n8n-${first.executionId}-[0-9a-f]{12}-[0-9a-z]+-${template.nodes[2].id}-0-0$`));
	// Every payment went through: none was refused as a repeat.
	expect(fake.acceptedCount('checkout', '+254711000001')).toBe(3);
});
