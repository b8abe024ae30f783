'use strict';
// `npm run build`, first step: each package compiles into its own dist/ (tsc). The second step,
// `gulp build:assets`, copies what n8n loads beside the compiled nodes (icons, codex JSON). Each
// package root's tsconfig.build.json says what it compiles; the root tsconfig.json is the editors'.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, PACKAGES, requireSharedCodeLink } = require('./packages');

function run(bin, args) {
	const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', ...bin), ...args], { cwd: ROOT, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

requireSharedCodeLink();
for (const pkg of PACKAGES) {
	fs.rmSync(path.join(pkg.root, 'dist'), { recursive: true, force: true });
	run(['typescript', 'bin', 'tsc'], ['-p', path.join(pkg.root, 'tsconfig.build.json')]);
}
