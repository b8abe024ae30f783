import * as fs from 'fs';
import * as path from 'path';

/**
 * The shared tiers and what may import what (CONTRIBUTING.md's Architecture section):
 *   nodes/common/                 both packages: imports only itself
 *   nodes/<Provider>Common/       one provider's nodes and credentials: imports common
 *   credentials/                  imports common and its provider's Common
 *   nodes/<Node>/shared/          one node's operations: imports common, its provider's Common
 *   nodes/<Node>/resources/<r>/   one resource: imports the above and its own resource folder
 * and nothing runs from a general tier to a more specific one.
 */
const REPO = path.resolve(__dirname, '../..');
const ROOTS = [
	{ provider: 'AfricasTalking', root: REPO },
	{ provider: 'TalkNTalk', root: path.join(REPO, 'packages', 'talkntalk') },
];

interface Place {
	tier: 'common' | 'providerCommon' | 'credential' | 'node';
	provider?: string;
	node?: string;
	/** Inside a node: 'shared', 'resources/<r>' or '' (the node's own folder). */
	part?: string;
}

function placeOf(file: string): Place {
	const real = fs.realpathSync(file);
	const relative = path.relative(REPO, real);
	if (relative.startsWith(`nodes${path.sep}common${path.sep}`)) return { tier: 'common' };
	const { provider, root } = ROOTS.filter((r) => real.startsWith(r.root + path.sep)).sort((a, b) => b.root.length - a.root.length)[0];
	const [top, folder, ...rest] = path.relative(root, real).split(path.sep);
	if (top === 'credentials') return { tier: 'credential', provider };
	if (folder === `${provider}Common`) return { tier: 'providerCommon', provider };
	const part = rest[0] === 'resources' ? `resources/${rest[1]}` : rest[0] === 'shared' ? 'shared' : '';
	return { tier: 'node', provider, node: folder, part };
}

function allowed(from: Place, to: Place): boolean {
	if (to.tier === 'common') return true;
	if (from.tier === 'common') return false;
	if (to.tier === 'providerCommon') return to.provider === from.provider;
	if (to.tier === 'credential') return false;
	// to a node's files: only from the same node, never from shared/ into resources/, never across resources.
	if (from.tier !== 'node' || from.node !== to.node) return false;
	if (from.part === 'shared') return to.part === 'shared';
	if (from.part?.startsWith('resources/')) return to.part === 'shared' || to.part === from.part;
	return true;
}

function sources(): string[] {
	const files: string[] = [];
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory() && entry.name !== 'common') walk(full);
			else if (entry.isFile() && entry.name.endsWith('.ts')) files.push(full);
		}
	};
	for (const { root } of ROOTS) for (const top of ['nodes', 'credentials']) walk(path.join(root, top));
	walk(path.join(REPO, 'nodes', 'common'));
	return files;
}

function importsOf(file: string): string[] {
	const text = fs.readFileSync(file, 'utf8');
	return [...text.matchAll(/^(?:import|export)[^'"]*from '(\.[^']+)'/gm)].map((m) => m[1]);
}

/** The file an import names, or '' when there is none. */
function resolved(file: string, spec: string): string {
	const base = path.resolve(path.dirname(file), spec);
	return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => fs.existsSync(candidate)) ?? '';
}

it('keeps every import of node and credential code within the tier rules', () => {
	const wrong: string[] = [];
	const files = sources();
	expect(files.length).toBeGreaterThan(50);
	for (const file of files) {
		for (const spec of importsOf(file)) {
			const target = resolved(file, spec);
			if (!target) {
				wrong.push(`${path.relative(REPO, file)}: ${spec} not found`);
				continue;
			}
			if (!allowed(placeOf(file), placeOf(target))) wrong.push(`${path.relative(REPO, file)} imports ${path.relative(REPO, fs.realpathSync(target))}`);
		}
	}
	expect(wrong).toEqual([]);
});

/**
 * Groups of files that import each other, directly or through others (type-only imports too:
 * a circle makes a file's meaning depend on the order modules load in, and the tiers say which
 * way an import goes). Tarjan's strongly connected components, without recursion.
 */
function importCircles(graph: Map<string, string[]>): string[][] {
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const onStack = new Set<string>();
	const stack: string[] = [];
	const circles: string[][] = [];
	let next = 0;
	for (const root of graph.keys()) {
		if (index.has(root)) continue;
		const work: Array<{ file: string; edge: number }> = [{ file: root, edge: 0 }];
		index.set(root, next);
		low.set(root, next++);
		stack.push(root);
		onStack.add(root);
		while (work.length) {
			const frame = work[work.length - 1];
			const targets = graph.get(frame.file) ?? [];
			if (frame.edge < targets.length) {
				const target = targets[frame.edge++];
				if (!index.has(target)) {
					index.set(target, next);
					low.set(target, next++);
					stack.push(target);
					onStack.add(target);
					work.push({ file: target, edge: 0 });
				} else if (onStack.has(target)) {
					low.set(frame.file, Math.min(low.get(frame.file)!, index.get(target)!));
				}
				continue;
			}
			work.pop();
			if (work.length) {
				const parent = work[work.length - 1].file;
				low.set(parent, Math.min(low.get(parent)!, low.get(frame.file)!));
			}
			if (low.get(frame.file) !== index.get(frame.file)) continue;
			const component: string[] = [];
			let member: string;
			do {
				member = stack.pop()!;
				onStack.delete(member);
				component.push(member);
			} while (member !== frame.file);
			if (component.length > 1 || targets.includes(frame.file)) circles.push(component.sort());
		}
	}
	return circles;
}

it('has no import circle among the node and credential sources of both packages', () => {
	const graph = new Map<string, string[]>();
	for (const file of sources()) {
		const from = path.relative(REPO, fs.realpathSync(file));
		const targets = importsOf(file)
			.map((spec) => resolved(file, spec))
			.filter(Boolean)
			.map((target) => path.relative(REPO, fs.realpathSync(target)));
		graph.set(from, [...(graph.get(from) ?? []), ...targets]);
	}
	expect(graph.size).toBeGreaterThan(50);
	expect(importCircles(graph)).toEqual([]);
});

it('finds import circles (the check above can fail)', () => {
	const graph = new Map([
		['a.ts', ['b.ts']],
		['b.ts', ['c.ts']],
		['c.ts', ['a.ts', 'd.ts']],
		['d.ts', []],
		['e.ts', ['e.ts']],
		['f.ts', ['d.ts']],
	]);
	expect(importCircles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
});

it('tells the tiers apart (the rule above can fail)', () => {
	const at = (file: string) => placeOf(path.join(REPO, file));
	expect(allowed(at('nodes/common/campaign.ts'), at('nodes/AfricasTalking/shared/routing.ts'))).toBe(false);
	expect(allowed(at('nodes/AfricasTalking/shared/responses.ts'), at('nodes/AfricasTalking/resources/sms/smsResponse.ts'))).toBe(false);
	expect(allowed(at('nodes/AfricasTalking/resources/sms/send.ts'), at('nodes/AfricasTalking/resources/voice/makeCall.ts'))).toBe(false);
	expect(allowed(at('packages/talkntalk/nodes/TalkNTalk/TalkNTalk.node.ts'), at('packages/talkntalk/credentials/TalkNTalkApi.credentials.ts'))).toBe(false);
	expect(allowed(at('packages/talkntalk/nodes/TalkNTalk/TalkNTalk.node.ts'), at('nodes/AfricasTalkingCommon/environment.ts'))).toBe(false);
	expect(allowed(at('packages/talkntalk/nodes/TalkNTalk/resources/sms/send.ts'), at('packages/talkntalk/nodes/common/campaign.ts'))).toBe(true);
	expect(allowed(at('credentials/AfricasTalkingApi.credentials.ts'), at('nodes/AfricasTalkingCommon/environment.ts'))).toBe(true);
});
