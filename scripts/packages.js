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

/** Where TalkNTalk's sources reach the shared code: a git symlink to the repository's nodes/common. */
const SHARED_CODE_LINK = path.join('packages', 'talkntalk', 'nodes', 'common');

/**
 * Why the link to the shared code is not usable, or undefined when it is. A checkout without
 * symlinks (git's core.symlinks false, the default on Windows without Developer Mode) writes the
 * link as a small text file holding its target, after which tsc and n8n's lint only say "Cannot
 * find module" for every import of the shared code.
 */
function sharedCodeLinkProblem(root = ROOT) {
	const link = path.join(root, SHARED_CODE_LINK);
	let stat;
	try {
		stat = fs.statSync(link);
	} catch {
		return `${SHARED_CODE_LINK} is missing: it is the link through which TalkNTalk's package compiles the shared code in nodes/common. Check it out again: git checkout -- ${SHARED_CODE_LINK.split(path.sep).join('/')}`;
	}
	if (stat.isDirectory()) return undefined;
	return [
		`${SHARED_CODE_LINK} is a ${stat.size}-byte file, not the link to nodes/common (the code both packages share): this checkout has no symlinks (git's core.symlinks is false, as on Windows without Developer Mode).`,
		`Run \`git config core.symlinks true\` (on Windows, turn on Developer Mode first) and check the link out again: \`git checkout -- ${SHARED_CODE_LINK.split(path.sep).join('/')}\`.`,
	].join('\n');
}

/** Stops a build or lint at once, naming the cause, when the link to the shared code is not usable. */
function requireSharedCodeLink() {
	const problem = sharedCodeLinkProblem();
	if (!problem) return;
	console.error(problem);
	process.exit(1);
}

module.exports = { ROOT, PACKAGES, packageJson, registeredSources, sharedCodeLinkProblem, requireSharedCodeLink };
