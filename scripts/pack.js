'use strict';
// `npm run pack`: builds once, then writes one tarball per package into dist-packages/, each
// staged from its own root: package.json (without what only the repository needs), README,
// LICENSE and its dist/. `--no-build` packs the current dist/ (the e2e harness, after `npm test`
// has built).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, PACKAGES, packageJson } = require('./packages');

const OUT = path.join(ROOT, 'dist-packages');

/** The environment without what `npm run` and test runners set for themselves (it changes how npm behaves). */
function cleanEnv() {
	return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|JEST_|NODE_ENV$)/i.test(key)));
}

function run(command, args, cwd) {
	const result = spawnSync(command, args, { cwd, env: cleanEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}`);
	return result.stdout;
}

function stage(pkg) {
	const dir = path.join(OUT, '.stage', pkg.name);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	const manifest = packageJson(pkg);
	// What only the repository needs (build and test scripts, dev tools) stays out of the package.
	for (const field of ['scripts', 'devDependencies', 'allowScripts', 'workspaces']) delete manifest[field];
	manifest.files = ['dist'];
	fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, '\t')}\n`);
	for (const file of ['README.md', 'LICENSE', 'CHANGELOG.md']) fs.copyFileSync(path.join(pkg.root, file), path.join(dir, file));
	fs.cpSync(path.join(pkg.root, 'dist'), path.join(dir, 'dist'), { recursive: true, filter: (file) => !file.endsWith('.tsbuildinfo') });
	return dir;
}

/** Packs every package; returns { <package name>: <tarball path> }. */
function pack({ build = true } = {}) {
	if (build) run('npm', ['run', '--silent', 'build'], ROOT);
	for (const pkg of PACKAGES) {
		if (!fs.existsSync(path.join(pkg.root, 'dist', 'nodes'))) throw new Error(`${path.relative(ROOT, path.join(pkg.root, 'dist'))} is missing: run \`npm run build\` first`);
	}
	fs.mkdirSync(OUT, { recursive: true });
	const tarballs = {};
	for (const pkg of PACKAGES) {
		const dir = stage(pkg);
		const file = run('npm', ['pack', '--silent', '--pack-destination', OUT], dir).trim().split('\n').pop();
		tarballs[pkg.name] = path.join(OUT, file);
	}
	fs.rmSync(path.join(OUT, '.stage'), { recursive: true, force: true });
	return tarballs;
}

module.exports = { pack, OUT };

if (require.main === module) {
	const tarballs = pack({ build: !process.argv.includes('--no-build') });
	for (const file of Object.values(tarballs)) console.log(path.relative(ROOT, file));
}
