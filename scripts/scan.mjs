// `npm run scan`: n8n's verification scan (@n8n/scan-community-package), run the way the gate runs
// it but without the network. The gate lints the source commit that the npm provenance names (the
// folder whose package.json carries the package's name: its package.json, nodes/ and
// credentials/, with eslint-disable comments ignored), then the published tarball's JS and
// package.json. Here the source is a copy of what a commit of this work tree holds (as GitHub's
// source archive would give it), and the tarballs are `npm run pack`'s, packed from the current
// build. Fails on any error, and when the source leg did not lint every node and credential that a
// package registers (a scan that lints nothing passes).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import { analyzePackage, findPackageRoot, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const require = createRequire(import.meta.url);
const { ROOT, PACKAGES, registeredSources } = require('./packages.js');
const { pack } = require('./pack.js');
// The same file search the scanner uses (its own copy of fast-glob, same options).
const glob = createRequire(require.resolve('@n8n/scan-community-package/scanner/scanner.mjs'))('fast-glob');

function git(args) {
	const result = spawnSync('git', args, { cwd: ROOT, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
	if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
	return result.stdout;
}

/** A copy of the files a commit of the work tree would hold (tracked and new, not ignored), links kept as links. */
function sourceCheckout(into) {
	const files = git(['ls-files', '-z', '--cached', '--others', '--exclude-standard']).toString('utf8').split('\0').filter(Boolean);
	for (const file of files) {
		const from = path.join(ROOT, file);
		let stat;
		try {
			stat = fs.lstatSync(from);
		} catch {
			continue; // deleted in the work tree, so not in the next commit
		}
		const to = path.join(into, file);
		fs.mkdirSync(path.dirname(to), { recursive: true });
		if (stat.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(from), to);
		else fs.copyFileSync(from, to);
	}
}

function lintedFiles(dir, patterns) {
	return glob.sync(patterns, { cwd: dir, ignore: ['node_modules/**', '**/package-lock.json'] });
}

function report(label, result) {
	console.log(`${label}: ${result.passed ? 'passed' : `FAILED (${result.message})`}`);
	if (result.details) console.log(result.details);
	return result.passed;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-scan-'));
let failed = false;
try {
	const source = path.join(work, 'source');
	sourceCheckout(source);
	const tarballs = pack({ build: false });

	for (const pkg of PACKAGES) {
		console.log(`\nscan ${pkg.name}`);
		const root = findPackageRoot(source, pkg.name);
		const expected = path.relative(ROOT, pkg.root) || '.';
		if (!root || path.relative(source, root) !== path.relative(ROOT, pkg.root)) {
			console.log(`source leg: FAILED (the scan finds the package at ${root ? path.relative(source, root) || '.' : 'no folder'}, not at ${expected})`);
			failed = true;
			continue;
		}
		const linted = lintedFiles(root, SOURCE_FILE_PATTERNS);
		const missing = registeredSources(pkg).filter((file) => !linted.includes(file));
		const sourceResult = await analyzePackage(root, SOURCE_FILE_PATTERNS);
		console.log(`source leg (${expected}): ${linted.length} files linted, ${registeredSources(pkg).length} registered nodes and credentials among them`);
		if (!report('source leg', sourceResult)) failed = true;
		if (missing.length) {
			console.log(`source leg: FAILED (vacuous: ${missing.join(', ')} registered in package.json but not linted)`);
			failed = true;
		}

		const unpacked = path.join(work, 'tarball', pkg.name);
		fs.mkdirSync(unpacked, { recursive: true });
		const tar = spawnSync('tar', ['-xzf', tarballs[pkg.name], '-C', unpacked, '--strip-components=1'], { encoding: 'utf8' });
		if (tar.status !== 0) throw new Error(`tar could not unpack ${tarballs[pkg.name]}: ${tar.stderr}`);
		const distPatterns = ['**/*.js', 'package.json'];
		const shipped = lintedFiles(unpacked, distPatterns);
		const manifest = JSON.parse(fs.readFileSync(path.join(unpacked, 'package.json'), 'utf8'));
		console.log(`tarball leg (${path.relative(ROOT, tarballs[pkg.name])}): ${shipped.length} files linted`);
		if (!report('tarball leg', await analyzePackage(unpacked, distPatterns))) failed = true;
		if (Object.keys(manifest.dependencies ?? {}).length) {
			console.log(`tarball leg: FAILED (runtime dependencies ${Object.keys(manifest.dependencies).join(', ')}: n8n Cloud installs no dependencies; make them devDependencies or drop them)`);
			failed = true;
		}
	}
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}

if (failed) {
	console.error('\nn8n verification scan failed: see the errors above (paths in the source leg are relative to each package root).');
	process.exit(1);
}
console.log('\nn8n verification scan passed for every package.');
