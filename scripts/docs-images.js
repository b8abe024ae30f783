'use strict';
// The pictures the docs show (README, CONTRIBUTING, docs/ of both packages): each must be a file of
// this repository (docs/images/, taken by `npm run docs:screenshots`) and small, since npm's page
// and GitHub load every one of them with the page.
const fs = require('node:fs');
const path = require('node:path');

const MAX_IMAGE_BYTES = 150 * 1024;
// Absolute links into this repository's main branch, as the READMEs use them (npm's page cannot
// resolve relative ones): raw.githubusercontent.com/<owner>/<repo>/main/… or github.com/<owner>/<repo>/(raw|blob)/main/….
const REPOSITORY = 'n8n-nodes-africastalking/n8n-nodes-africastalking';
const IN_REPOSITORY = new RegExp(`^https://(?:raw\\.githubusercontent\\.com/${REPOSITORY}|github\\.com/${REPOSITORY}/(?:raw|blob))/main/(.+)$`);

/** The Markdown pages of the docs, relative to the repository root. */
function docsPages(root) {
	const pages = ['README.md', 'CONTRIBUTING.md', 'packages/talkntalk/README.md'].filter((page) => fs.existsSync(path.join(root, page)));
	for (const dir of ['docs', 'packages/talkntalk/docs']) {
		if (!fs.existsSync(path.join(root, dir))) continue;
		for (const entry of fs.readdirSync(path.join(root, dir), { recursive: true })) {
			if (String(entry).endsWith('.md')) pages.push(path.join(dir, String(entry)));
		}
	}
	return pages;
}

/** Every image a page shows: Markdown `![alt](target)` and HTML `<img src="target">`. */
function imageTargets(markdown) {
	const targets = [];
	for (const match of markdown.matchAll(/!\[[^\]]*\]\(\s*(?:<([^>]+)>|([^)\s]+))(?:\s+"[^"]*")?\s*\)/g)) targets.push(match[1] ?? match[2]);
	for (const match of markdown.matchAll(/<img\b[^>]*\bsrc=["']([^"']+)["']/gi)) targets.push(match[1]);
	return targets;
}

/** What is wrong with the docs' pictures: one line per missing, foreign or too large image. */
function imageProblems(root) {
	const problems = [];
	for (const page of docsPages(root)) {
		for (const target of imageTargets(fs.readFileSync(path.join(root, page), 'utf8'))) {
			const inRepository = IN_REPOSITORY.exec(target);
			if (!inRepository && /^[a-z]+:/i.test(target)) {
				problems.push(`${page}: ${target} is not a file of this repository (put the picture in docs/images/)`);
				continue;
			}
			const file = inRepository ? path.join(root, inRepository[1]) : path.resolve(root, path.dirname(page), target.split('#')[0]);
			if (!fs.existsSync(file)) {
				problems.push(`${page}: ${target} does not exist (${path.relative(root, file)}; npm run docs:screenshots takes the pictures)`);
				continue;
			}
			const bytes = fs.statSync(file).size;
			if (bytes > MAX_IMAGE_BYTES) problems.push(`${page}: ${path.relative(root, file)} is ${Math.ceil(bytes / 1024)} KB, more than ${MAX_IMAGE_BYTES / 1024} KB (crop it or shrink it with pngquant)`);
		}
	}
	return problems;
}

module.exports = { imageProblems, imageTargets, MAX_IMAGE_BYTES };
