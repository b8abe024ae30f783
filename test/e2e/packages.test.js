'use strict';
// `npm run pack`: two tarballs, each with only its own provider, each a valid n8n community
// package; and both installed together in one real n8n, each talking to its own provider.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pack } = require('../../scripts/pack');
const { FakeAfricasTalking } = require('../fake-at/server');
const { DEFAULT_ACCOUNTS } = require('../fake-at/accounts');
const { FakeTalkNTalk, API_KEY } = require('../fake-tnt/server');
const { testTls } = require('../harness/tls');
const { N8n, nodeOutput } = require('../harness/n8n');
const { webhookWorkflow, AT_NODE_NAME } = require('../harness/workflows');
const { talkNTalkWorkflow, TNT_NODE_NAME } = require('./talkntalk');

jest.setTimeout(240000);

const AT = 'n8n-nodes-africastalking';
const TNT = 'n8n-nodes-talkntalk';
const OTHER_PROVIDER = { [AT]: /talkntalk/i, [TNT]: /africas?talking/i };

let tarballs;
const unpacked = {};
beforeAll(() => {
	tarballs = pack({ build: false });
	for (const [name, file] of Object.entries(tarballs)) {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
		expect(spawnSync('tar', ['-xzf', file, '-C', dir]).status).toBe(0);
		unpacked[name] = path.join(dir, 'package');
	}
});
afterAll(() => {
	for (const dir of Object.values(unpacked)) fs.rmSync(path.dirname(dir), { recursive: true, force: true });
});

function files(dir, prefix = '') {
	return fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
		const relative = path.join(prefix, entry.name);
		return entry.isDirectory() ? files(dir, relative) : [relative];
	});
}

describe.each([AT, TNT])('the %s tarball', (name) => {
	it('is named after the package and its version, in dist-packages/', () => {
		const { version } = JSON.parse(fs.readFileSync(path.join(unpacked[name], 'package.json'), 'utf8'));
		expect(path.relative(path.resolve(__dirname, '..', '..'), tarballs[name])).toBe(path.join('dist-packages', `${name}-${version}.tgz`));
	});

	it('holds no file of the other provider', () => {
		const list = files(unpacked[name]);
		expect(list.filter((file) => OTHER_PROVIDER[name].test(file))).toEqual([]);
		expect(list).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', path.join('dist', 'nodes', 'common', 'campaign.js')]));
	});

	it('has a community-package manifest whose nodes and credentials are all inside', () => {
		const manifest = JSON.parse(fs.readFileSync(path.join(unpacked[name], 'package.json'), 'utf8'));
		expect(manifest.name).toBe(name);
		expect(manifest.keywords).toContain('n8n-community-node-package');
		expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(manifest.dependencies).toBeUndefined();
		expect(manifest.scripts).toBeUndefined();
		const entries = [...manifest.n8n.nodes, ...manifest.n8n.credentials];
		expect(entries.length).toBeGreaterThanOrEqual(2);
		for (const entry of entries) expect(fs.existsSync(path.join(unpacked[name], entry))).toBe(true);
		expect(entries.every((entry) => !OTHER_PROVIDER[name].test(entry))).toBe(true);
	});

	it('resolves every icon its nodes and credentials reference', () => {
		const scripts = files(unpacked[name]).filter((file) => file.endsWith('.js'));
		const icons = scripts.flatMap((file) =>
			[...fs.readFileSync(path.join(unpacked[name], file), 'utf8').matchAll(/file:([^'"]+\.svg)/g)].map((match) => path.resolve(path.dirname(path.join(unpacked[name], file)), match[1])),
		);
		expect(icons.length).toBeGreaterThanOrEqual(4);
		for (const icon of icons) expect(fs.existsSync(icon)).toBe(true);
	});

	it('has its own README', () => {
		expect(fs.readFileSync(path.join(unpacked[name], 'README.md'), 'utf8').split('\n')[0]).toBe(`# ${name}`);
	});
});

it('`npm pack` (or `npm publish`) at the root ships exactly the Africa\'s Talking tarball\'s files', () => {
	const result = spawnSync('npm', ['pack', '--dry-run', '--json'], { cwd: path.resolve(__dirname, '..', '..'), encoding: 'utf8' });
	const rootFiles = JSON.parse(result.stdout)[0].files.map((file) => file.path).sort();
	expect(rootFiles).toEqual(files(unpacked[AT]).sort());
});

describe('both packages installed together in one n8n', () => {
	let fakeAt;
	let fakeTnt;
	let n8n;
	beforeAll(async () => {
		const tls = testTls();
		fakeAt = await new FakeAfricasTalking().listen({ tls });
		fakeTnt = await new FakeTalkNTalk().listen({ tls });
		n8n = await N8n.create({ fakePort: fakeAt.port, tntFakePort: fakeTnt.port, caPath: tls.caPath, packages: [AT, TNT] });
		await n8n.start();
	});
	afterAll(async () => {
		if (n8n) await n8n.stop();
		await fakeAt?.close();
		await fakeTnt?.close();
	});

	it('runs each node against its own provider', async () => {
		const live = DEFAULT_ACCOUNTS.find((a) => a.environment === 'live');
		const atCredential = await n8n.createCredential({ name: 'AT', data: { environment: 'live', username: live.username, apiKey: live.apiKey } });
		const tntCredential = await n8n.createCredential({ name: 'TnT', type: 'talkNTalkApi', data: { apiKey: API_KEY } });
		const at = await n8n.createWorkflow(
			webhookWorkflow({ name: 'at', path: 'both-at', credential: atCredential, parameters: { resource: 'sms', operation: 'send', recipientsSource: 'parameter', recipients: '+254711000001', message: 'AT' } }),
			{ activate: true },
		);
		const tnt = await n8n.createWorkflow(
			talkNTalkWorkflow({ name: 'tnt', path: 'both-tnt', credential: tntCredential, parameters: { resource: 'sms', operation: 'send', mobile: '0711000001', message: 'TnT' } }),
			{ activate: true },
		);
		expect((await n8n.webhook('both-at', { items: [{}] })).status).toBe(200);
		expect((await n8n.webhook('both-tnt', { items: [{}] })).status).toBe(200);
		expect(nodeOutput((await n8n.executions(at.id))[0], AT_NODE_NAME)[0].json).toMatchObject({ number: '+254711000001', statusName: 'Sent' });
		expect(nodeOutput((await n8n.executions(tnt.id))[0], TNT_NODE_NAME)[0].json).toMatchObject({ mobile: '254711000001', status: 'queued' });
		expect(fakeAt.requests.map((r) => r.host)).toEqual(['api.africastalking.com']);
		expect(fakeTnt.requests.map((r) => [r.host, r.path])).toEqual([['api.talkntalk.africa', '/v1/sms/send/']]);
	});
});
