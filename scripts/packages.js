'use strict';
// The npm packages built from this one source tree, and which files belong to each. Used by
// `npm run pack` (tarballs), `npm run lint` (n8n's rules on each package as published) and tests.
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

const PACKAGES = [
	{
		name: 'n8n-nodes-africastalking',
		// The root package.json and README are this package's own.
		manifestDir: ROOT,
		nodePrefix: 'AfricasTalking',
		iconPrefix: 'africastalking',
	},
	{
		name: 'n8n-nodes-talkntalk',
		manifestDir: path.join(ROOT, 'packages', 'talkntalk'),
		nodePrefix: 'TalkNTalk',
		iconPrefix: 'talkntalk',
	},
];

/** Whether a path under nodes/, credentials/ or icons/ (source or dist) belongs to the package. */
function belongsTo(pkg, relativePath) {
	const [top, name] = relativePath.split(/[\\/]/);
	if (top === 'nodes') return name === undefined || name === 'common' || name.startsWith(pkg.nodePrefix);
	if (top === 'credentials') return name === undefined || name.startsWith(pkg.nodePrefix);
	if (top === 'icons') return name === undefined || name.startsWith(`${pkg.iconPrefix}.`);
	return false;
}

/** Copies `from/{nodes,credentials,icons}` into `to`, only what belongs to the package. */
function copyPackageFiles(pkg, from, to) {
	for (const top of ['nodes', 'credentials', 'icons']) {
		const source = path.join(from, top);
		if (!fs.existsSync(source)) continue;
		fs.cpSync(source, path.join(to, top), { recursive: true, filter: (file) => belongsTo(pkg, path.relative(from, file)) });
	}
}

function packageJson(pkg) {
	return JSON.parse(fs.readFileSync(path.join(pkg.manifestDir, 'package.json'), 'utf8'));
}

module.exports = { ROOT, PACKAGES, belongsTo, copyPackageFiles, packageJson };
