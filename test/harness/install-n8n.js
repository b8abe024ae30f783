'use strict';
// Installs the pinned n8n of the selected version (see n8n-versions.js) from its lockfile into a
// cache folder outside this package's node_modules, once; later runs reuse it. N8N_TEST_HOME
// moves the folder that holds one install per version.
const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const selected = require('./n8n-versions');

const SOURCE = selected.installFolder;
const N8N_VERSION = selected.exact;
const CACHE = process.env.N8N_TEST_HOME || path.join(os.homedir(), '.cache', 'n8n-nodes-africastalking');
const HOME = path.join(CACHE, `n8n-${N8N_VERSION}`);
const MARKER = path.join(HOME, '.installed');

function lockHash() {
	return crypto.createHash('sha256').update(fs.readFileSync(path.join(SOURCE, 'package-lock.json'))).digest('hex');
}

/**
 * The environment without what the test runner and `npm run` set for themselves (npm's
 * settings, Jest's NODE_ENV=test), which would change how npm and n8n behave.
 */
function cleanEnv(extra = {}) {
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!/^(npm_|JEST_|NODE_ENV$)/i.test(key)) env[key] = value;
	}
	return { ...env, ...extra };
}

function n8nBin() {
	return path.join(HOME, 'node_modules', 'n8n', 'bin', 'n8n');
}

function ensureN8n() {
	const wanted = lockHash();
	if (fs.existsSync(MARKER) && fs.readFileSync(MARKER, 'utf8') === wanted && fs.existsSync(n8nBin())) return HOME;
	fs.mkdirSync(HOME, { recursive: true });
	for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(SOURCE, file), path.join(HOME, file));
	console.log(`Installing n8n ${N8N_VERSION} into ${HOME} (once; takes a few minutes)…`);
	const started = Date.now();
	for (const step of selected.installSteps) {
		const result = spawnSync('npm', [...step, '--no-audit', '--no-fund', '--loglevel=error'], { cwd: HOME, stdio: 'inherit', env: cleanEnv() });
		if (result.status !== 0) throw new Error(`npm ${step.join(' ')} of n8n ${N8N_VERSION} failed with exit code ${result.status}`);
	}
	fs.writeFileSync(MARKER, wanted);
	console.log(`n8n ${N8N_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s`);
	return HOME;
}

module.exports = { ensureN8n, n8nBin, cleanEnv, N8N_HOME: HOME, N8N_VERSION };

if (require.main === module) ensureN8n();
