// The docs checks of `npm run lint:docs` (scripts/docs.js): each must report a planted fault, and
// the repository's docs must pass the checks that do not depend on another branch's files.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const docs = require('../../scripts/docs.js') as {
	README_MAX_BYTES: number;
	REPOSITORY_URL: string;
	repositoryPath: (url: string, fromFile: string) => string | undefined;
	readmeSizeProblems: (sizes: Record<string, number>, limit?: number) => string[];
	unreachablePages: (texts: Record<string, string>, readmes?: string[]) => string[];
	imageProblems: (texts: Record<string, string>, exists: (file: string) => boolean, sizeOf: (file: string) => number) => string[];
	recipeProblems: (texts: Record<string, string>, e2eTests: Record<string, string>, exists: (file: string) => boolean) => string[];
	docsProblems: () => Record<'size' | 'reachable' | 'images' | 'recipes', string[]>;
};

const BLOB = `${docs.REPOSITORY_URL}/blob/main`;

describe('repositoryPath: where a docs link points in this repository', () => {
	it('resolves relative links from the linking file and absolute links to the main branch, without anchors', () => {
		expect(docs.repositoryPath('campaigns.md#queue-mode', 'docs/operations.md')).toBe('docs/campaigns.md');
		expect(docs.repositoryPath('../test/examples/ussd-menu.json', 'docs/ussd-menus.md')).toBe('test/examples/ussd-menu.json');
		expect(docs.repositoryPath(`${BLOB}/docs/trigger.md#protection`, 'README.md')).toBe('docs/trigger.md');
		expect(docs.repositoryPath('https://raw.githubusercontent.com/n8n-nodes-africastalking/n8n-nodes-africastalking/main/docs/images/sms-send.png', 'README.md')).toBe('docs/images/sms-send.png');
	});

	it('leaves other sites and same-page anchors alone', () => {
		expect(docs.repositoryPath('https://docs.n8n.io/integrations/community-nodes/', 'README.md')).toBeUndefined();
		expect(docs.repositoryPath('#operations', 'README.md')).toBeUndefined();
	});
});

describe('README size', () => {
	it('reports a README over 20 KB, naming it and where the text belongs', () => {
		const [problem, ...rest] = docs.readmeSizeProblems({ 'README.md': docs.README_MAX_BYTES + 1, 'packages/talkntalk/README.md': 100 });
		expect(rest).toEqual([]);
		expect(problem).toMatch(/^README\.md is 20481 bytes, more than 20480: move detail into docs\//);
	});

	it('accepts one of exactly 20 KB', () => {
		expect(docs.readmeSizeProblems({ 'README.md': docs.README_MAX_BYTES })).toEqual([]);
	});
});

describe('every docs page is reachable from a README', () => {
	it('follows links through other pages and reports a page no chain reaches', () => {
		const texts = {
			'README.md': `[ops](${BLOB}/docs/operations.md)`,
			'docs/operations.md': '[campaigns](campaigns.md#limits)',
			'docs/campaigns.md': 'no links',
			'docs/orphan.md': '[back](../README.md)',
		};
		expect(docs.unreachablePages(texts)).toEqual(['docs/orphan.md is linked from no README (directly or through other pages): nobody finds it']);
	});

	it('does not count a link written inside code as a link', () => {
		const texts = { 'README.md': '`[ops](docs/operations.md)`', 'docs/operations.md': '' };
		expect(docs.unreachablePages(texts)).toHaveLength(1);
	});
});

describe('screenshots shown exist', () => {
	it('reports a missing image by absolute or relative URL, not one that exists', () => {
		const texts = {
			'README.md': '![x](https://raw.githubusercontent.com/n8n-nodes-africastalking/n8n-nodes-africastalking/main/docs/images/gone.png)',
			'docs/trigger.md': '![y](images/there.png) ![z](images/missing.png)',
		};
		const problems = docs.imageProblems(texts, (file) => file === 'docs/images/there.png', () => 1000);
		expect(problems).toHaveLength(2);
		expect(problems[0]).toContain('docs/images/gone.png');
		expect(problems[1]).toContain('docs/images/missing.png');
	});
});

describe('every recipe the docs link exists and is imported by an end-to-end test', () => {
	const exists = (file: string) => ['test/examples/run.json', 'test/examples/unrun.json'].includes(file);
	const texts = {
		'README.md': `[a](${BLOB}/test/examples/run.json) [b](${BLOB}/test/examples/unrun.json)`,
		'docs/campaigns.md': '[c](../test/examples/gone.json)',
	};
	const e2eTests = { 'test/e2e/campaigns.test.js': "const EXAMPLES = path.join(__dirname, '..', 'examples'); runExample('run.json');" };

	it('reports a linked recipe that does not exist, and one no test imports', () => {
		expect(docs.recipeProblems(texts, e2eTests, exists)).toEqual([
			'test/examples/gone.json is linked from the docs but does not exist',
			'test/examples/unrun.json is linked from the docs but no test in test/e2e/ imports it',
		]);
	});

	it('does not count a test that names the file outside the examples folder', () => {
		const elsewhere = { 'test/e2e/other.test.js': "readFileSync('run.json')" };
		expect(docs.recipeProblems({ 'README.md': `[a](${BLOB}/test/examples/run.json)` }, elsewhere, exists)).toHaveLength(1);
	});
});

describe("this repository's docs", () => {
	const problems = docs.docsProblems();

	it.each(['size', 'reachable', 'recipes'] as const)('pass the %s check', (check) => {
		expect(problems[check]).toEqual([]);
	});
});
