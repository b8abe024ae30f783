// The docs' pictures exist in this repository and stay small (scripts/docs.js, imageProblems):
// checked on planted pages first, so that the check on the real docs can fail.
import * as fs from 'node:fs';
import * as path from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { imageProblems, linkTargets, docsProblems, IMAGE_MAX_BYTES } = require('../../scripts/docs.js');

const ROOT = path.resolve(__dirname, '..', '..');
const RAW = 'https://raw.githubusercontent.com/n8n-nodes-africastalking/n8n-nodes-africastalking/main';

describe('the pictures of the docs', () => {
	it('finds Markdown and HTML images, with or without a title', () => {
		const images = linkTargets('![a](images/a.png) text ![b](<images/b c.png>) ![c](images/c.png "C") <img alt="d" src="images/d.png">')
			.filter((target: { image: boolean }) => target.image)
			.map((target: { url: string }) => target.url);
		expect(images.sort()).toEqual(['images/a.png', 'images/b c.png', 'images/c.png', 'images/d.png']);
	});

	it('reports a missing picture, one too large, one outside the repository, and accepts a small one, relative or absolute', () => {
		const sizes: Record<string, number> = { 'docs/images/small.png': 1000, 'docs/images/large.png': IMAGE_MAX_BYTES + 1 };
		const texts = {
			'README.md': `![ok](${RAW}/docs/images/small.png)\n![gone](${RAW}/docs/images/gone.png)\n![far](https://example.com/x.png)\n`,
			'docs/page.md': '![ok](images/small.png)\n![big](images/large.png)\n',
		};
		expect(imageProblems(texts, (file: string) => file in sizes, (file: string) => sizes[file])).toEqual([
			expect.stringMatching(/^README\.md: image .*gone\.png does not exist/),
			expect.stringMatching(/^README\.md: https:\/\/example\.com\/x\.png is not a file of this repository/),
			expect.stringMatching(/^docs\/page\.md: docs\/images\/large\.png is 151 KB, more than 150 KB/),
		]);
	});

	it('every picture the READMEs, CONTRIBUTING and docs/ show exists and is at most 150 KB', () => {
		expect(docsProblems().images).toEqual([]);
	});

	it('shows the screenshots npm run docs:screenshots takes', () => {
		const shown = fs.readdirSync(path.join(ROOT, 'docs', 'images')).filter((file) => file.endsWith('.png'));
		expect(shown.sort()).toEqual(['campaign-summary.png', 'menu-builder.png', 'sms-send.png', 'trigger-events.png', 'ussd-session.png']);
	});
});
