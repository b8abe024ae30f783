import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PACKAGES, sharedCodeLinkProblem } = require('../../scripts/packages.js');

const REPO = path.resolve(__dirname, '../..');
const LINK = path.join('packages', 'talkntalk', 'nodes', 'common');

const trees: string[] = [];
afterAll(() => {
	for (const root of trees) fs.rmSync(root, { recursive: true, force: true });
});

/** A throwaway tree with the build and lint scripts, and `link` made by `make`. */
function tree(make: (link: string) => void): string {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'two-packages-'));
	trees.push(root);
	fs.mkdirSync(path.join(root, 'scripts'));
	for (const script of ['packages.js', 'build.js', 'lint.js']) fs.copyFileSync(path.join(REPO, 'scripts', script), path.join(root, 'scripts', script));
	fs.mkdirSync(path.join(root, 'nodes', 'common'), { recursive: true });
	fs.mkdirSync(path.dirname(path.join(root, LINK)), { recursive: true });
	make(path.join(root, LINK));
	return root;
}

describe('the link to the shared code (packages/talkntalk/nodes/common)', () => {
	// What git writes for the link in a checkout without symlinks: the target as text, 21 bytes.
	const withoutSymlinks = (link: string) => fs.writeFileSync(link, '../../../nodes/common');

	it('is usable as a link, and is named with the cause and the fix when git wrote a file', () => {
		expect(sharedCodeLinkProblem(REPO)).toBeUndefined();
		expect(sharedCodeLinkProblem(tree((link) => fs.symlinkSync('../../../nodes/common', link)))).toBeUndefined();
		const problem = sharedCodeLinkProblem(tree(withoutSymlinks));
		expect(problem).toContain(`${LINK} is a 21-byte file, not the link to nodes/common`);
		expect(problem).toContain('this checkout has no symlinks');
		expect(problem).toContain('`git config core.symlinks true`');
		expect(problem).toContain('`git checkout -- packages/talkntalk/nodes/common`');
		expect(sharedCodeLinkProblem(tree(() => undefined))).toMatch(/^packages.talkntalk.nodes.common is missing/);
	});

	it.each(['build.js', 'lint.js'])('stops %s before the compiler, with that message', (script) => {
		const root = tree(withoutSymlinks);
		const result = spawnSync(process.execPath, [path.join(root, 'scripts', script)], { cwd: root, encoding: 'utf8' });
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('this checkout has no symlinks');
		expect(result.stderr).not.toContain('Cannot find module');
	});
});

describe('tsconfig: one for editors, one build per package root', () => {
	const parsed = (config: string) => {
		const result = ts.getParsedCommandLineOfConfigFile(path.join(REPO, config), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(String(d.messageText)); } });
		return result!;
	};
	const relative = (files: string[]) => files.map((file) => path.relative(REPO, file));

	it("the root tsconfig.json (the editors') holds both packages' nodes and credentials (the link left out of its globs) and builds nothing", () => {
		const editor = parsed('tsconfig.json');
		const files = relative(editor.fileNames);
		for (const pkg of PACKAGES as Array<{ root: string }>) {
			for (const top of ['nodes', 'credentials']) {
				const sources = fs.readdirSync(path.join(pkg.root, top), { recursive: true, encoding: 'utf8' })
					.filter((file) => file.endsWith('.ts') && !file.startsWith(`common${path.sep}`))
					.map((file) => path.relative(REPO, path.join(pkg.root, top, file)));
				expect(sources.length).toBeGreaterThan(1);
				expect(sources.filter((file) => !files.includes(file))).toEqual([]);
			}
		}
		expect(files).toContain(path.join('nodes', 'common', 'routing.ts'));
		expect(files.filter((file) => file.startsWith(LINK))).toEqual([]);
		expect(editor.options.noEmit).toBe(true);
	});

	it('each package builds its own root into its own dist/, TalkNTalk with the shared code at the link', () => {
		for (const pkg of PACKAGES as Array<{ root: string }>) {
			const build = parsed(path.relative(REPO, path.join(pkg.root, 'tsconfig.build.json')));
			expect(build.options.outDir).toBe(path.join(pkg.root, 'dist'));
			expect(build.fileNames.filter((file) => !file.startsWith(pkg.root + path.sep))).toEqual([]);
			expect(build.fileNames.filter((file) => file.startsWith(path.join(pkg.root, 'packages') + path.sep))).toEqual([]);
		}
		expect(parsed(path.join('packages', 'talkntalk', 'tsconfig.build.json')).options.preserveSymlinks).toBe(true);
	});
});
