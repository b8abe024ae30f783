import * as fs from 'fs';
import * as path from 'path';
import type { INodeProperties, INodePropertyCollection, INodeType } from 'n8n-workflow';

/** Every node of the source tree, loaded from its .node.ts file (new nodes are picked up by themselves). */
function allNodes(): Array<[string, INodeType]> {
	const root = path.resolve(__dirname, '../../nodes');
	const nodes: Array<[string, INodeType]> = [];
	for (const folder of fs.readdirSync(root)) {
		const file = path.join(root, folder, `${folder}.node.ts`);
		if (!fs.existsSync(file)) continue;
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const module = require(file) as Record<string, new () => INodeType>;
		nodes.push([folder, new module[folder]()]);
	}
	return nodes;
}

/**
 * Where n8n keeps each parameter's value: one namespace for the node's top level and one per
 * collection or fixedCollection entry. Two parameters of one namespace with the same name share
 * one stored value, so they must share a type too.
 */
function typeClashes(properties: INodeProperties[], namespace: string, seen = new Map<string, string>(), clashes: string[] = []): string[] {
	for (const property of properties) {
		const key = `${namespace}.${property.name}`;
		const known = seen.get(key);
		if (known !== undefined && known !== property.type) clashes.push(`${key}: ${known} and ${property.type}`);
		if (known === undefined) seen.set(key, property.type);
		if (property.type === 'collection') typeClashes((property.options ?? []) as INodeProperties[], key, seen, clashes);
		if (property.type === 'fixedCollection') {
			for (const entry of (property.options ?? []) as INodePropertyCollection[]) typeClashes(entry.values, `${key}.${entry.name}`, seen, clashes);
		}
	}
	return clashes;
}

describe.each(allNodes())('%s', (_folder, node) => {
	it('uses no parameter name with two different types (n8n would keep a stale value of the other type)', () => {
		expect(typeClashes(node.description.properties, node.description.name)).toEqual([]);
	});
});

it('finds every node of the tree', () => {
	expect(allNodes().map(([folder]) => folder)).toEqual(expect.arrayContaining(['AfricasTalking', 'AfricasTalkingTrigger', 'AfricasTalkingCallbackResponse']));
});
