'use strict';
// `npm run lint`: n8n's rules (Cloud set) on each package as it is published. Several rules read
// the package's package.json (every node registered, no credential of another package, tests of
// credentials), so each package's sources are linted in a staged copy beside its own package.json.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, PACKAGES, copyPackageFiles } = require('./packages');

const STAGE = path.join(ROOT, '.lint');
const ESLINT = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');

let failed = false;
fs.rmSync(STAGE, { recursive: true, force: true });
for (const pkg of PACKAGES) {
	const dir = path.join(STAGE, pkg.name);
	fs.mkdirSync(dir, { recursive: true });
	copyPackageFiles(pkg, ROOT, dir);
	fs.copyFileSync(path.join(pkg.manifestDir, 'package.json'), path.join(dir, 'package.json'));
	for (const file of ['tsconfig.json', 'eslint.config.mjs']) fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
	console.log(`lint ${pkg.name}`);
	const result = spawnSync(process.execPath, [ESLINT, '--max-warnings=0', '.'], { cwd: dir, stdio: 'inherit' });
	if (result.status !== 0) failed = true;
}
if (failed) {
	console.error(`Lint failed: paths above are relative to ${path.relative(ROOT, STAGE)}/<package>/, copies of the files at the same paths in the repository.`);
	process.exit(1);
}
fs.rmSync(STAGE, { recursive: true, force: true });
