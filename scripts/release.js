'use strict';
// Release steps of .github/workflows/publish.yml, one version for both packages:
//   node scripts/release.js check vX.Y.Z     every package's version is X.Y.Z, no runtime dependencies
//   node scripts/release.js publish vX.Y.Z   npm publish --provenance of each tarball `npm run scan` checked
// Each refusal names the package and the reason, and comes before anything reaches npm.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { PACKAGES, packageJson } = require('./packages');
const { OUT } = require('./pack');

class ReleaseError extends Error {}

function versionOfTag(tag) {
	const match = /^v(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(tag ?? '');
	if (!match) throw new ReleaseError(`"${tag ?? ''}" is not a release tag: use v<version>, e.g. v1.2.0`);
	return match[1];
}

/** What is wrong with a package manifest for a release of `version`, if anything. */
function problems(name, manifest, version) {
	const found = [];
	if (manifest.name !== name) found.push(`its package.json names "${manifest.name}"`);
	if (manifest.version !== version) found.push(`its version is ${manifest.version}, the tag says ${version}: bump both packages' versions to ${version}, or tag v${manifest.version}`);
	const dependencies = Object.keys(manifest.dependencies ?? {});
	if (dependencies.length) found.push(`it has runtime dependencies (${dependencies.join(', ')}), which n8n Cloud does not install: make them devDependencies`);
	return found.map((problem) => `${name}: ${problem}`);
}

function check(tag) {
	const version = versionOfTag(tag);
	const found = PACKAGES.flatMap((pkg) => problems(pkg.name, packageJson(pkg), version));
	if (found.length) throw new ReleaseError(`Not releasing ${tag}:\n- ${found.join('\n- ')}`);
	return version;
}

function tarballManifest(file) {
	const result = spawnSync('tar', ['-xzOf', file, 'package/package.json'], { encoding: 'utf8' });
	if (result.status !== 0) throw new ReleaseError(`cannot read package.json in ${file}: ${result.stderr}`);
	return JSON.parse(result.stdout);
}

function npm(args) {
	return spawnSync('npm', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

function publish(tag) {
	const version = check(tag);
	const tarballs = PACKAGES.map((pkg) => {
		const file = path.join(OUT, `${pkg.name}-${version}.tgz`);
		if (!fs.existsSync(file)) throw new ReleaseError(`${pkg.name}: ${path.relative(process.cwd(), file)} is missing: run \`npm run scan\` first (it packs the tarballs it checks)`);
		const found = problems(pkg.name, tarballManifest(file), version);
		if (found.length) throw new ReleaseError(`Not publishing ${tag}:\n- ${found.join('\n- ')}`);
		return { pkg, file };
	});
	for (const { pkg, file } of tarballs) {
		// A re-run after a partial failure publishes only what is missing.
		if (npm(['view', `${pkg.name}@${version}`, 'version']).stdout.trim() === version) {
			console.log(`${pkg.name}@${version} is already on npm: skipped`);
			continue;
		}
		const distTag = version.includes('-') ? ['--tag', 'next'] : [];
		const result = spawnSync('npm', ['publish', file, '--provenance', '--access', 'public', ...distTag], { stdio: 'inherit' });
		if (result.status !== 0) throw new ReleaseError(`${pkg.name}: npm publish failed (exit code ${result.status})`);
		console.log(`published ${pkg.name}@${version}`);
	}
}

module.exports = { check, problems, versionOfTag, ReleaseError };

if (require.main === module) {
	const [command, tag] = process.argv.slice(2);
	try {
		if (command === 'check') console.log(`${tag}: both packages are at ${check(tag)}`);
		else if (command === 'publish') publish(tag);
		else throw new ReleaseError('usage: node scripts/release.js check|publish v<version>');
	} catch (error) {
		if (!(error instanceof ReleaseError)) throw error;
		console.error(error.message);
		process.exit(1);
	}
}
