'use strict';
// What `npm run lint:docs` checks besides the links remark-validate-links resolves: the READMEs'
// size, that every docs page is reachable from its package's README, that every screenshot the
// docs show is a small file of this repository, and that every recipe the docs link exists and is imported by an end-to-end
// test. Pure functions of file texts, so that test/unit/docsChecks.test.cts can plant a fault in
// each and see it reported.
const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('./packages');

// npm shows the README as the package's page and n8n's "Docs" links open it: a front page, with
// depth in docs/ (CONTRIBUTING.md for contributors).
const README_MAX_BYTES = 20 * 1024;
const IMAGE_MAX_BYTES = 150 * 1024;
const REPOSITORY_URL = 'https://github.com/n8n-nodes-africastalking/n8n-nodes-africastalking';
const READMES = ['README.md', 'packages/talkntalk/README.md'];
const DOCS_DIRS = ['docs', 'packages/talkntalk/docs'];
const RECIPES_DIR = 'test/examples';
const E2E_DIR = 'test/e2e';

/** Every Markdown file the checks read, relative to the repository root. */
function docFiles(root = ROOT) {
	const pages = DOCS_DIRS.flatMap((dir) => {
		const full = path.join(root, dir);
		return fs.existsSync(full) ? fs.readdirSync(full).filter((name) => name.endsWith('.md')).map((name) => `${dir}/${name}`) : [];
	});
	return [...READMES, 'CONTRIBUTING.md', ...pages].filter((file) => fs.existsSync(path.join(root, file)));
}

/** Link and image targets of a Markdown text (inline links, images and definitions). */
function linkTargets(markdown) {
	const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '``');
	const targets = [];
	for (const match of withoutCode.matchAll(/(!?)\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) targets.push({ image: match[1] === '!', url: match[2] });
	for (const match of withoutCode.matchAll(/!\[[^\]]*\]\(\s*<([^>]+)>(?:\s+"[^"]*")?\s*\)/g)) targets.push({ image: true, url: match[1] });
	for (const match of withoutCode.matchAll(/<img\b[^>]*\bsrc=["']([^"']+)["']/gi)) targets.push({ image: true, url: match[1] });
	for (const match of withoutCode.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)) targets.push({ image: false, url: match[1] });
	return targets;
}

/**
 * The repository path a link points to, without its anchor, or undefined when it points
 * elsewhere: relative links (from the linking file's folder) and absolute links to this
 * repository's main branch (`blob/main/…`, `tree/main/…`, `raw.githubusercontent.com/…/main/…`).
 */
function repositoryPath(url, fromFile) {
	const bare = url.replace(/[?#].*$/, '');
	const own = [`${REPOSITORY_URL}/blob/main/`, `${REPOSITORY_URL}/tree/main/`, `${REPOSITORY_URL.replace('github.com', 'raw.githubusercontent.com')}/main/`];
	const prefix = own.find((start) => bare.startsWith(start));
	if (prefix) return path.posix.normalize(bare.slice(prefix.length)).replace(/\/$/, '');
	if (/^[a-z]+:/i.test(url) || url.startsWith('#') || bare === '') return undefined;
	return path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), bare)).replace(/\/$/, '');
}

/** READMEs over the size limit, as problems. `sizes`: file → bytes. */
function readmeSizeProblems(sizes, limit = README_MAX_BYTES) {
	return Object.entries(sizes)
		.filter(([, bytes]) => bytes > limit)
		.map(([file, bytes]) => `${file} is ${bytes} bytes, more than ${limit}: move detail into docs/ (users) or CONTRIBUTING.md (contributors)`);
}

/** Docs pages no chain of links from a README reaches. `texts`: file → Markdown. */
function unreachablePages(texts, readmes = READMES) {
	const reached = new Set();
	const queue = readmes.filter((file) => file in texts);
	while (queue.length > 0) {
		const file = queue.shift();
		if (reached.has(file)) continue;
		reached.add(file);
		for (const { url } of linkTargets(texts[file])) {
			const target = repositoryPath(url, file);
			if (target && target in texts && !reached.has(target)) queue.push(target);
		}
	}
	return Object.keys(texts)
		.filter((file) => !reached.has(file) && DOCS_DIRS.some((dir) => file.startsWith(`${dir}/`)))
		.map((file) => `${file} is linked from no README (directly or through other pages): nobody finds it`);
}

/**
 * What is wrong with the pictures the docs show: each must be a file of this repository
 * (docs/images/, taken by `npm run docs:screenshots`) and small, since npm's page and GitHub load
 * every one with the page. `exists(path)` and `sizeOf(path)` read a repository path.
 */
function imageProblems(texts, exists, sizeOf) {
	const problems = [];
	for (const [file, text] of Object.entries(texts)) {
		for (const { image, url } of linkTargets(text)) {
			if (!image) continue;
			const target = repositoryPath(url, file);
			if (!target) {
				problems.push(`${file}: ${url} is not a file of this repository (put the picture in docs/images/)`);
			} else if (!exists(target)) {
				problems.push(`${file}: image ${url} does not exist (${target}; npm run docs:screenshots takes the pictures)`);
			} else if (sizeOf(target) > IMAGE_MAX_BYTES) {
				problems.push(`${file}: ${target} is ${Math.ceil(sizeOf(target) / 1024)} KB, more than ${IMAGE_MAX_BYTES / 1024} KB (crop it or shrink it with pngquant)`);
			}
		}
	}
	return problems;
}

/**
 * Recipes (test/examples/*.json) the docs link that do not exist or that no end-to-end test
 * imports: a recipe a user imports must be one the tests run. A test imports a recipe when it
 * names the examples folder and the recipe's file name in quotes.
 */
function recipeProblems(texts, e2eTests, exists) {
	const problems = [];
	const linked = new Set();
	for (const [file, text] of Object.entries(texts)) {
		for (const { url } of linkTargets(text)) {
			const target = repositoryPath(url, file);
			if (target && target.startsWith(`${RECIPES_DIR}/`) && target.endsWith('.json')) linked.add(target);
		}
	}
	for (const recipe of [...linked].sort()) {
		const name = path.posix.basename(recipe);
		if (!exists(recipe)) {
			problems.push(`${recipe} is linked from the docs but does not exist`);
			continue;
		}
		const importedBy = Object.keys(e2eTests).filter((test) => /\bexamples\b/.test(e2eTests[test]) && new RegExp(`['"\`]${name.replace(/[.]/g, '\\.')}['"\`]`).test(e2eTests[test]));
		if (importedBy.length === 0) problems.push(`${recipe} is linked from the docs but no test in ${E2E_DIR}/ imports it`);
	}
	return problems;
}

/** Every check of this module on the repository's files. */
function docsProblems(root = ROOT) {
	const files = docFiles(root);
	const texts = Object.fromEntries(files.map((file) => [file, fs.readFileSync(path.join(root, file), 'utf8')]));
	const exists = (file) => fs.existsSync(path.join(root, file));
	const e2eDir = path.join(root, E2E_DIR);
	const e2eTests = Object.fromEntries(fs.readdirSync(e2eDir).filter((name) => name.endsWith('.js')).map((name) => [`${E2E_DIR}/${name}`, fs.readFileSync(path.join(e2eDir, name), 'utf8')]));
	const sizes = Object.fromEntries(READMES.filter(exists).map((file) => [file, fs.statSync(path.join(root, file)).size]));
	return {
		size: readmeSizeProblems(sizes),
		reachable: unreachablePages(texts),
		images: imageProblems(texts, exists, (file) => fs.statSync(path.join(root, file)).size),
		recipes: recipeProblems(texts, e2eTests, exists),
	};
}

module.exports = {
	README_MAX_BYTES, IMAGE_MAX_BYTES, REPOSITORY_URL, docFiles, linkTargets, repositoryPath, readmeSizeProblems, unreachablePages, imageProblems, recipeProblems, docsProblems,
};
