'use strict';
// Everything that differs between the n8n versions the tests run against, in one place,
// selected by N8N_TEST_VERSION:
//   2.x    (default) the pinned 2.8.4, the newest n8n that runs on Node 20
//   1.x    the newest installable 1.x
//   oldest the oldest n8n that can load the package (its nodes use NodeConnectionTypes, from
//          n8n-workflow 1.83): the oldest such release this registry has
// Each version has its own install folder (package.json + lockfile) beside this file.
const path = require('node:path');

/** The editor's Publish / Activate toggle. */
function activateByEndpoint(rest, workflow) {
	return rest('POST', `/workflows/${workflow.id}/activate`, { versionId: workflow.versionId });
}

/** Before the activate endpoint, the editor saved the workflow with `active: true`. */
function activateBySaving(rest, workflow) {
	return rest('PATCH', `/workflows/${workflow.id}`, { active: true, versionId: workflow.versionId });
}

const VERSIONS = {
	'2.x': {
		installFolder: path.join(__dirname, 'n8n-install'),
		installSteps: [['ci']],
		env: {},
		activate: activateByEndpoint,
	},
	'1.x': {
		installFolder: path.join(__dirname, 'n8n-install-1.x'),
		// isolated-vm 6 (1.x's new expression engine) does not compile on Node 20: skip every
		// install script, build only sqlite3, and run expressions on the legacy engine.
		installSteps: [['ci', '--ignore-scripts'], ['rebuild', 'sqlite3']],
		env: { N8N_EXPRESSION_ENGINE: 'legacy' },
		activate: activateByEndpoint,
	},
	oldest: {
		installFolder: path.join(__dirname, 'n8n-install-oldest'),
		installSteps: [['ci']],
		env: {},
		activate: activateBySaving,
		// Tests of what this n8n itself cannot do (the README's Compatibility section says so),
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

const SELECTED = process.env.N8N_TEST_VERSION || '2.x';
if (!VERSIONS[SELECTED]) {
	throw new Error(`N8N_TEST_VERSION=${SELECTED} is not known; use one of: ${Object.keys(VERSIONS).join(', ')}`);
}
const version = VERSIONS[SELECTED];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

module.exports = {
	name: SELECTED,
	exact: require(path.join(version.installFolder, 'package.json')).dependencies.n8n,
	...version,
	/** For Jest: every test except this version's known limits. */
	testNamePattern: version.limits ? `^(?!.*(?:${version.limits.map(escape).join('|')}))` : undefined,
};
