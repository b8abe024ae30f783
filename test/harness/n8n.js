'use strict';
// Drives a real n8n (the pinned npm package) with this package installed as a community
// package, in a throwaway user folder: REST for setup, webhooks and the CLI for runs.
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { createRequire } = require('node:module');
const { ensureN8n, n8nBin, nodeBin, cleanEnv, N8N_HOME } = require('./install-n8n');
const { pack } = require('../../scripts/pack');
const n8nVersion = require('./n8n-versions');

const ROOT = path.resolve(__dirname, '..', '..');
const PACKAGE_NAME = require(path.join(ROOT, 'package.json')).name;
const PRELOAD = path.join(__dirname, 'redirect-preload.js');
const OWNER = { email: 'owner@example.com', firstName: 'Test', lastName: 'Owner', password: 'Passw0rd-for-tests' };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/**
 * Installs packages the way n8n's Community nodes screen does: each unpacked tarball of
 * `npm run pack` in <user folder>/.n8n/nodes/node_modules/<name>, so node types get their real
 * names and `n8n-workflow` resolves to n8n's own copy. Packed once per process (from dist/).
 */
let packed;
function installPackages(userFolder, names) {
	if (!packed) packed = pack({ build: false });
	const dependencies = {};
	for (const name of names) {
		if (!packed[name]) throw new Error(`unknown package ${name}`);
		const target = path.join(userFolder, '.n8n', 'nodes', 'node_modules', name);
		fs.mkdirSync(target, { recursive: true });
		const untar = spawnSync('tar', ['-xzf', packed[name], '-C', target, '--strip-components=1']);
		if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);
		dependencies[name] = '*';
	}
	fs.writeFileSync(path.join(userFolder, '.n8n', 'nodes', 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true, dependencies }));
}

/**
 * The JSON run data `n8n execute --rawOutput` prints: it starts at the first line that starts
 * with "{" and ends at a line "}", but n8n may log lines before and (under load) after it.
 */
function parseRunOutput(stdout) {
	const lines = stdout.split('\n');
	const start = lines.findIndex((line) => line.startsWith('{'));
	if (start < 0) return null;
	for (let end = lines.length; end > start; end--) {
		if (lines[end - 1] !== '}') continue;
		try {
			return JSON.parse(lines.slice(start, end).join('\n'));
		} catch {
			// A "}" inside the data: try an earlier one.
		}
	}
	throw new Error(`n8n execute printed no complete JSON result:\n${stdout.slice(0, 2000)}`);
}

class N8n {
	/**
	 * @param {{ fakePort?: number, tntFakePort?: number, caPath?: string, env?: object, userFolder?: string, port?: number, packages?: string[], nodeOptions?: string }} options
	 * `packages`: the npm packages to install (default: the Africa's Talking package).
	 * `nodeOptions`: Node.js options for n8n's process (e.g. `--max-old-space-size=512`).
	 */
	constructor(options = {}) {
		this.options = options;
		this.keepUserFolder = Boolean(options.userFolder);
		this.userFolder = options.userFolder || fs.mkdtempSync(path.join(os.tmpdir(), 'at-n8n-'));
		this.log = '';
		this.cookie = '';
		this.browserId = crypto.randomUUID();
	}

	static async create(options) {
		ensureN8n();
		const n8n = new N8n(options);
		n8n.port = options.port || (await freePort());
		n8n.brokerPort = await freePort();
		installPackages(n8n.userFolder, options.packages || [PACKAGE_NAME]);
		return n8n;
	}

	env(extra = {}) {
		const { fakePort, tntFakePort, caPath, env, nodeOptions } = this.options;
		const allNodeOptions = [fakePort || tntFakePort ? `--require ${PRELOAD}` : '', nodeOptions ?? ''].filter(Boolean).join(' ');
		return cleanEnv({
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: 'n8n-nodes-africastalking-test-key',
			DB_TYPE: 'sqlite',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_HOST: '127.0.0.1',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_PORT: String(this.port),
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_LOG_LEVEL: 'info',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			// No list of vetted community packages from api.n8n.io: the tests run offline.
			N8N_VERIFIED_PACKAGES_ENABLED: 'false',
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
			EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
			...n8nVersion.env,
			...(fakePort ? { AT_FAKE_PORT: String(fakePort) } : {}),
			...(tntFakePort ? { TNT_FAKE_PORT: String(tntFakePort) } : {}),
			...(allNodeOptions ? { NODE_OPTIONS: allNodeOptions } : {}),
			...(caPath ? { NODE_EXTRA_CA_CERTS: caPath } : {}),
			...env,
			...extra,
		});
	}

	/**
	 * `n8n execute --id`: the real CLI run. Returns the parsed run data; a run that printed no
	 * result throws (the CLI can exit 0 without running anything).
	 */
	async execute(workflowId) {
		// Asynchronous, so that a fake AT in this same process keeps answering; another broker
		// port, so that it may run while `n8n start` is up.
		const child = spawn(nodeBin(), [n8nBin(), 'execute', `--id=${workflowId}`, '--rawOutput'], {
			cwd: N8N_HOME, env: this.env({ N8N_RUNNERS_BROKER_PORT: String(this.brokerPort + 1) }), stdio: ['ignore', 'pipe', 'pipe'],
		});
		const result = { stdout: '', stderr: '' };
		child.stdout.on('data', (chunk) => (result.stdout += chunk));
		child.stderr.on('data', (chunk) => (result.stderr += chunk));
		const killer = setTimeout(() => child.kill('SIGKILL'), 180000);
		result.status = await new Promise((resolve) => child.on('exit', (code) => resolve(code)));
		clearTimeout(killer);
		this.log += result.stdout + result.stderr;
		return { status: result.status, output: parseRunOutput(result.stdout), stdout: result.stdout, stderr: result.stderr };
	}

	async start({ setupOwner = true, echo = false } = {}) {
		await this.run(['start'], echo, async () => {
			if (!/Editor is now accessible/.test(this.log)) return false;
			try {
				return (await fetch(`${this.url}/healthz/readiness`)).ok;
			} catch {
				return false; // not listening yet
			}
		});
		if (setupOwner) await this.setupOwner();
		return this;
	}

	/** A queue-mode worker (`n8n worker`); give it the main instance's user folder and environment. */
	async startWorker({ concurrency = 10, echo = false } = {}) {
		await this.run(['worker', `--concurrency=${concurrency}`], echo, () => /n8n worker is now ready/.test(this.log));
		return this;
	}

	async run(args, echo, isReady) {
		this.process = spawn(nodeBin(), [n8nBin(), ...args], { cwd: N8N_HOME, env: this.env(), stdio: ['ignore', 'pipe', 'pipe'] });
		const collect = (chunk) => {
			this.log += chunk.toString();
			if (echo) process.stdout.write(chunk);
		};
		this.process.stdout.on('data', collect);
		this.process.stderr.on('data', collect);
		this.exited = new Promise((resolve) => this.process.on('exit', resolve));
		const deadline = Date.now() + 120000;
		for (;;) {
			if (this.process.exitCode !== null) throw new Error(`n8n ${args[0]} exited during start:\n${this.log}`);
			if (await isReady()) return;
			if (Date.now() >= deadline) throw new Error(`n8n ${args[0]} did not become ready:\n${this.log}`);
			await sleep(250);
		}
	}

	get url() {
		return `http://127.0.0.1:${this.port}`;
	}

	async setupOwner() {
		let res = await fetch(`${this.url}/rest/owner/setup`, {
			method: 'POST', headers: { 'content-type': 'application/json', 'browser-id': this.browserId }, body: JSON.stringify(OWNER),
		});
		if (!res.ok) {
			res = await fetch(`${this.url}/rest/login`, {
				method: 'POST', headers: { 'content-type': 'application/json', 'browser-id': this.browserId },
				body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
			});
		}
		if (!res.ok) throw new Error(`owner setup/login failed: ${res.status} ${await res.text()}`);
		this.cookie = (res.headers.get('set-cookie') || '').split(';')[0];
	}

	async rest(method, urlPath, body) {
		const res = await fetch(`${this.url}/rest${urlPath}`, {
			method,
			headers: { 'content-type': 'application/json', cookie: this.cookie, 'browser-id': this.browserId },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		if (!res.ok) throw new Error(`${method} /rest${urlPath} → ${res.status}: ${text}`);
		return json && 'data' in json ? json.data : json;
	}

	async createCredential({ name, type = 'africasTalkingApi', data }) {
		const created = await this.rest('POST', '/credentials', { name, type, data });
		return { id: created.id, name };
	}

	/**
	 * The editor's "Test credential" button: the editor saves the credential and sends its id with
	 * the form's data (n8n 1.x refuses a test without the id of a stored credential).
	 */
	async testCredential({ name = 'test', type = 'africasTalkingApi', data }) {
		const stored = await this.createCredential({ name, type, data });
		try {
			return await this.rest('POST', '/credentials/test', { credentials: { id: stored.id, name, type, data } });
		} finally {
			await this.rest('DELETE', `/credentials/${stored.id}`);
		}
	}

	async createWorkflow(workflow, { activate = false } = {}) {
		const created = await this.rest('POST', '/workflows', { ...workflow, active: false });
		if (activate) {
			await n8nVersion.activate((...args) => this.rest(...args), created);
			if (n8nVersion.webhookRegisteredLate) await this.waitForWebhooks(workflow);
		}
		return created;
	}

	/**
	 * Waits until n8n serves the production webhooks of a just published workflow: n8n 2.41 may
	 * answer 404 for a moment after the activate call returned (Africa's Talking would retry; a
	 * test must wait). Asks as a browser's CORS preflight does (OPTIONS with an Origin): n8n
	 * answers with the methods registered for the path, from the registry the webhook request
	 * itself consults, without running the workflow.
	 */
	async waitForWebhooks(workflow, timeoutMs = 30000) {
		const paths = workflow.nodes.filter((n) => n.webhookId && !n.disabled)
			.map((n) => (n.type === 'n8n-nodes-base.webhook' ? n.parameters.path : `${n.webhookId}/webhook`));
		const deadline = Date.now() + timeoutMs;
		for (const webhookPath of paths) {
			for (;;) {
				const res = await fetch(`${this.url}/webhook/${webhookPath}`, { method: 'OPTIONS', headers: { origin: this.url }, signal: AbortSignal.timeout(10000) });
				await res.arrayBuffer();
				const methods = (res.headers.get('access-control-allow-methods') || '').split(',').map((m) => m.trim());
				if (res.ok && methods.some((m) => m && m !== 'OPTIONS')) break;
				if (Date.now() > deadline) throw new Error(`n8n still answers 404 on /webhook/${webhookPath} ${timeoutMs / 1000} s after publishing workflow "${workflow.name}"`);
				await sleep(100);
			}
		}
	}

	async webhook(webhookPath, body, { method = 'POST', headers = {} } = {}) {
		const isForm = typeof body === 'string';
		const res = await fetch(`${this.url}/webhook/${webhookPath}`, {
			method,
			signal: AbortSignal.timeout(60000),
			headers: { 'content-type': isForm ? 'application/x-www-form-urlencoded' : 'application/json', ...headers },
			body: method === 'GET' ? undefined : isForm ? body : JSON.stringify(body),
		});
		const text = await res.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: res.status, headers: res.headers, text, json };
	}

	/**
	 * The execution list entries (no run data) of a workflow, or of all workflows, newest first:
	 * every page of n8n's REST list (n8n 2.41 refuses pages of more than 100 and pages with a
	 * cursor it gives as `nextCursor`; older n8n pages by id). Older n8n orders a page by id only
	 * when it is given both `firstId` and `lastId`; given `lastId` alone it orders by start time,
	 * so paging by the smallest id seen skipped executions started out of id order.
	 */
	async executionList(workflowId) {
		const filter = workflowId === undefined ? '' : `&filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`;
		const list = (range) => this.rest('GET', `/executions?limit=100${filter}${range}`);
		const first = await list('');
		if (first.nextCursor !== undefined) {
			const all = [...first.results];
			for (let page = first; page.nextCursor && page.results.length; ) {
				page = await list(`&cursor=${encodeURIComponent(page.nextCursor)}`);
				all.push(...page.results.filter((e) => !all.some((known) => known.id === e.id)));
			}
			return all;
		}
		const all = [];
		// Ids are 32-bit integers in Postgres: a larger bound is refused there.
		for (let below = 2147483647; ; ) {
			const page = await list(`&firstId=0&lastId=${below}`);
			const results = page.results || page;
			all.push(...results);
			if (results.length < 100) return all;
			below = Math.min(...results.map((e) => Number(e.id)));
		}
	}

	/** Executions of a workflow, newest first, with their run data decoded. */
	async executions(workflowId) {
		const results = await this.executionList(workflowId);
		return await Promise.all(results.map((e) => this.execution(e.id)));
	}

	/**
	 * Every stored execution of the instance (any workflow, any status), with its run data and the
	 * workflow snapshot n8n keeps with it, as n8n's REST API gives them (100 a page, newest first).
	 */
	async allExecutions() {
		const all = [];
		for (const e of await this.executionList()) all.push(await this.execution(e.id));
		return all;
	}

	/** The raw bytes n8n stored in its user folder (SQLite database, its journal, logs, config). */
	storedBytes() {
		const root = path.join(this.userFolder, '.n8n');
		const files = fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((f) => f.isFile() && !path.join(f.parentPath || f.path, f.name).includes(`${path.sep}nodes${path.sep}`));
		return Buffer.concat(files.map((f) => fs.readFileSync(path.join(f.parentPath || f.path, f.name))));
	}

	async execution(id) {
		const { parse } = createRequire(path.join(N8N_HOME, 'package.json'))('flatted');
		const execution = await this.rest('GET', `/executions/${id}`);
		return { ...execution, data: typeof execution.data === 'string' ? parse(execution.data) : execution.data };
	}

	/** Waits until `count` executions of the workflow have finished. */
	async waitForExecutions(workflowId, count, timeoutMs = 30000) {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const results = (await this.executionList(workflowId)).filter((e) => e.status !== 'running' && e.status !== 'new');
			if (results.length >= count || Date.now() > deadline) return results;
			await sleep(200);
		}
	}

	async stop() {
		if (this.process && this.process.exitCode === null) {
			this.process.kill('SIGTERM');
			const killer = setTimeout(() => this.process.kill('SIGKILL'), 20000);
			await this.exited;
			clearTimeout(killer);
		}
		if (!this.keepUserFolder) fs.rmSync(this.userFolder, { recursive: true, force: true });
	}
}

/** Output items of a node in an execution's run data. */
function nodeOutput(execution, nodeName) {
	const runs = execution.data.resultData.runData[nodeName] || [];
	return runs.flatMap((run) => (run.data && run.data.main ? run.data.main.flat() : []));
}

function nodeError(execution, nodeName) {
	const runs = execution.data.resultData.runData[nodeName] || [];
	return runs.map((run) => run.error).find(Boolean) || execution.data.resultData.error;
}

module.exports = { N8n, nodeOutput, nodeError, PACKAGE_NAME, freePort, OWNER };
