'use strict';
// The npm packages built from this repository. Each has one root holding its own package.json,
// README, LICENSE, eslint.config.mjs, nodes/, credentials/ and icons/, compiled into its own dist/.
// The code both share is nodes/common/ at the repository root; packages/talkntalk/nodes/common
// is a link to it, so each package compiles it into its own dist/nodes/common/ and n8n's lint
// and verification scan read it in each package's source.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

const PACKAGES = [
	{ name: 'n8n-nodes-africastalking', root: ROOT },
	{ name: 'n8n-nodes-talkntalk', root: path.join(ROOT, 'packages', 'talkntalk') },
];

function packageJson(pkg) {
	return JSON.parse(fs.readFileSync(path.join(pkg.root, 'package.json'), 'utf8'));
}

/** The TypeScript sources of the nodes and credentials that the package registers with n8n. */
function registeredSources(pkg) {
	const { n8n } = packageJson(pkg);
	return [...n8n.nodes, ...n8n.credentials].map((file) => file.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
}

module.exports = { ROOT, PACKAGES, packageJson, registeredSources };
