import * as fs from 'fs';
import * as path from 'path';
import type { ICredentialType, INodeType } from 'n8n-workflow';

// The "Docs" links n8n's editor shows for our nodes and credentials must land where they point.
// n8n 2.41.1's editor (n8n-editor-ui, NodeSettings' docsUrl) opens a node's codex
// `primaryDocumentation` URL with `?utm_source=n8n_app&utm_medium=…&utm_campaign=<node>` appended
// as text, so `…/README.md#operations` becomes `…#operations?utm_source=…`: an anchor no page has,
// and the reader lands at the top. A credential's `documentationUrl` is opened unchanged unless it
// is on docs.n8n.io (useCredentialForm), but older or newer editors may treat it like the node's:
// every link is therefore a whole docs page of this repository, without an anchor.

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PACKAGES, registeredSources } = require('../../scripts/packages.js') as {
	PACKAGES: Array<{ name: string; root: string }>;
	registeredSources: (pkg: { name: string; root: string }) => string[];
};

const ROOT = path.resolve(__dirname, '..', '..');
const OWN_PAGES = 'https://github.com/n8n-nodes-africastalking/n8n-nodes-africastalking/blob/main/';

/** n8n 2.41.1's node "Docs" link: a codex URL with the tracking query appended as text. */
function nodeDocsLinkAsOpened(codexUrl: string, nodeName: string): string {
	const query = new URLSearchParams({ utm_source: 'n8n_app', utm_medium: 'node_settings_modal-credential_link', utm_campaign: nodeName });
	return `${codexUrl}?${query.toString()}`;
}

/** n8n 2.41.1's credential "Docs" link: unchanged off docs.n8n.io, tracking parameters set on it. */
function credentialDocsLinkAsOpened(documentationUrl: string): string {
	const url = new URL(documentationUrl);
	if (url.hostname !== 'docs.n8n.io') return documentationUrl;
	url.searchParams.set('utm_source', 'n8n_app');
	return url.href;
}

/** Why a docs link does not land where it points, or undefined when it does. */
function landingProblem(written: string, opened: string): string | undefined {
	if (new URL(opened).hash !== new URL(written).hash) return `opens as ${opened}, whose anchor ${new URL(opened).hash} no page has`;
	if (written.includes('#')) return 'has an anchor, which an n8n editor appending its tracking query would break: link a whole docs page';
	if (!written.startsWith(OWN_PAGES)) return undefined; // another site's page (TalkNTalk's own docs)
	const file = written.slice(OWN_PAGES.length).replace(/\?.*$/, '');
	return fs.existsSync(path.join(ROOT, file)) && file.endsWith('.md') ? undefined : `names ${file}, which is not a docs page of this repository`;
}

interface DocsLink {
	where: string;
	written: string;
	opened: string;
}

function nodeLinks(): DocsLink[] {
	const links: DocsLink[] = [];
	for (const pkg of PACKAGES) {
		for (const source of registeredSources(pkg).filter((file) => file.endsWith('.node.ts'))) {
			const codexFile = path.join(pkg.root, source.replace(/\.ts$/, '.json'));
			const folder = path.basename(source, '.node.ts');
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const node = new (require(path.join(pkg.root, source)) as Record<string, new () => INodeType>)[folder]();
			const codex = JSON.parse(fs.readFileSync(codexFile, 'utf8')) as { resources?: Record<string, Array<{ url: string }>> };
			for (const [kind, entries] of Object.entries(codex.resources ?? {})) {
				for (const { url } of entries) links.push({ where: `${folder} ${kind}`, written: url, opened: nodeDocsLinkAsOpened(url, node.description.name) });
			}
		}
	}
	return links;
}

function credentialLinks(): DocsLink[] {
	const links: DocsLink[] = [];
	for (const pkg of PACKAGES) {
		for (const source of registeredSources(pkg).filter((file) => file.endsWith('.credentials.ts'))) {
			const className = path.basename(source, '.credentials.ts');
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const credential = new (require(path.join(pkg.root, source)) as Record<string, new () => ICredentialType>)[className]();
			const written = credential.documentationUrl as string;
			links.push({ where: `${className} credential`, written, opened: credentialDocsLinkAsOpened(written) });
		}
	}
	return links;
}

describe('documentation links land where they point', () => {
	it('a node link with an anchor is caught: n8n turns the anchor into one no page has', () => {
		const written = `${OWN_PAGES}README.md#operations`;
		expect(landingProblem(written, nodeDocsLinkAsOpened(written, 'africasTalking'))).toMatch(/whose anchor #operations\?utm_source=n8n_app.* no page has/);
	});

	it('a credential link with an anchor is caught, and one to a missing page', () => {
		const anchored = `${OWN_PAGES}README.md#credentials`;
		expect(landingProblem(anchored, credentialDocsLinkAsOpened(anchored))).toMatch(/has an anchor/);
		const missing = `${OWN_PAGES}docs/no-such-page.md`;
		expect(landingProblem(missing, credentialDocsLinkAsOpened(missing))).toMatch(/not a docs page/);
	});

	it('finds every node and credential of both packages', () => {
		expect(nodeLinks().length).toBeGreaterThanOrEqual(5);
		expect(credentialLinks().map((link) => link.where)).toEqual(expect.arrayContaining(['AfricasTalkingApi credential', 'AfricasTalkingWebhookApi credential', 'TalkNTalkApi credential', 'TalkNTalkWebhookApi credential']));
	});

	it.each([...nodeLinks(), ...credentialLinks()].map((link) => [link.where, link] as const))('%s opens a whole docs page', (_where, link) => {
		expect(landingProblem(link.written, link.opened)).toBeUndefined();
	});

	it("points the Africa's Talking nodes and credentials at this repository's docs pages", () => {
		const own = [...nodeLinks(), ...credentialLinks()].filter((link) => !link.where.startsWith('TalkNTalk'));
		for (const link of own) expect(link.written.startsWith(`${OWN_PAGES}docs/`)).toBe(true);
	});
});
