'use strict';
// `npm run lint:docs`: every relative link and #anchor in the READMEs, CONTRIBUTING.md and docs/
// (both packages') resolves, and so does every absolute link into this repository's main branch
// (remark-cli with remark-validate-links, configured in .remarkrc.json); then scripts/docs.js: the
// READMEs' size, every docs page reachable from a README, every screenshot present, every linked
// recipe imported by an end-to-end test. A page with a broken file link, a broken anchor and a
// broken absolute link is planted first: if remark does not report all three, the check itself is
// broken and the script fails rather than passing by seeing nothing.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('./packages');
const { REPOSITORY_URL, docFiles, docsProblems } = require('./docs');

// remark-cli exports no module, only its binary: it is run by path (knip.json lists it in
// ignoreDependencies, since knip cannot see a use by path).
const REMARK = path.join(ROOT, 'node_modules', 'remark-cli', 'cli.js');
const RC_PATH = path.join(ROOT, '.remarkrc.json');
const PLANTED_DIR = path.join(ROOT, '.lint-docs');

/** remark with remark-validate-links on the given files (relative to the root): exit status and report. */
function validateLinks(files) {
	const result = spawnSync(process.execPath, [REMARK, '--rc-path', RC_PATH, '--frail', '--quiet', '--no-stdout', '--color=false', ...files], { cwd: ROOT, encoding: 'utf8' });
	return { status: result.status, report: `${result.stdout}${result.stderr}` };
}

/** Plants one of each fault remark must find; returns what it failed to report. */
function plantedFaultsMissed() {
	fs.rmSync(PLANTED_DIR, { recursive: true, force: true });
	fs.mkdirSync(PLANTED_DIR, { recursive: true });
	const faults = {
		'no-such-page.md': '[a missing page](../docs/no-such-page.md)',
		'no-such-heading': '[a missing heading](../README.md#no-such-heading)',
		'no-such-absolute-page.md': `[a missing page by URL](${REPOSITORY_URL}/blob/main/docs/no-such-absolute-page.md)`,
	};
	const planted = path.join(PLANTED_DIR, 'planted.md');
	fs.writeFileSync(planted, `# Planted faults\n\n${Object.values(faults).join('\n\n')}\n`);
	const { status, report } = validateLinks([path.relative(ROOT, planted)]);
	fs.rmSync(PLANTED_DIR, { recursive: true, force: true });
	const missed = Object.keys(faults).filter((needle) => !report.includes(needle));
	if (status === 0) missed.push('a non-zero exit status');
	return { missed, report };
}

function main() {
	let failed = false;
	const selfCheck = plantedFaultsMissed();
	if (selfCheck.missed.length > 0) {
		console.error(`lint:docs self-check: remark-validate-links did not report ${selfCheck.missed.join(', ')} in a page planted with broken links:\n${selfCheck.report}`);
		process.exit(1);
	}
	const files = docFiles();
	const links = validateLinks(files);
	console.log(`links and anchors: ${files.length} files (${files.join(', ')}), ${links.status === 0 ? 'all resolve' : 'broken links below'}`);
	if (links.status !== 0) {
		console.error(links.report);
		failed = true;
	}
	const problems = docsProblems();
	const labels = { size: 'README size', reachable: 'docs pages reachable from a README', images: 'screenshots present and small', recipes: 'linked recipes exist and are run by a test' };
	for (const [check, found] of Object.entries(problems)) {
		for (const problem of found) console.error(`  ${problem}`);
		console.log(`${labels[check]}: ${found.length === 0 ? 'ok' : `${found.length} problems`}`);
		if (found.length > 0) failed = true;
	}
	if (failed) {
		console.error('lint:docs failed: see above.');
		process.exit(1);
	}
}

main();
