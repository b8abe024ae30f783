import * as fs from 'fs';
import * as path from 'path';
import type { INodeProperties, INodePropertyCollection, INodeType } from 'n8n-workflow';

/** The nodes/ folder of each package root. */
const NODE_ROOTS = [path.resolve(__dirname, '../../nodes'), path.resolve(__dirname, '../../packages/talkntalk/nodes')];

function nodeFolder(folder: string): string {
	return path.join(NODE_ROOTS.find((root) => fs.existsSync(path.join(root, folder))) as string, folder);
}

/** Every node of both packages, loaded from its .node.ts file (new nodes are picked up by themselves). */
function allNodes(): Array<[string, INodeType]> {
	const nodes: Array<[string, INodeType]> = [];
	for (const root of NODE_ROOTS) {
		for (const folder of fs.readdirSync(root)) {
			const file = path.join(root, folder, `${folder}.node.ts`);
			if (!fs.existsSync(file)) continue;
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const module = require(file) as Record<string, new () => INodeType>;
			nodes.push([folder, new module[folder]()]);
		}
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
	expect(allNodes().map(([folder]) => folder)).toEqual(
		expect.arrayContaining(['AfricasTalking', 'AfricasTalkingTrigger', 'AfricasTalkingCallbackResponse', 'TalkNTalk', 'TalkNTalkTrigger']),
	);
});

function nodeNamed(folder: string): INodeType {
	return (allNodes().find(([name]) => name === folder) as [string, INodeType])[1];
}

function codex(folder: string): { alias?: string[]; resources?: Record<string, Array<{ url: string }>> } {
	return JSON.parse(fs.readFileSync(path.join(nodeFolder(folder), `${folder}.node.json`), 'utf8'));
}

/** Evaluates a subtitle of the form `={{ ({...})[key] }}` for the given parameters, as n8n would. */
function subtitleFor(node: INodeType, parameters: Record<string, string | string[]>): string {
	const expression = String(node.description.subtitle).replace(/^=\{\{/, '').replace(/\}\}$/, '');
	// eslint-disable-next-line @typescript-eslint/no-implied-eval
	return new Function('$parameter', `return ${expression}`)(parameters) as string;
}

describe('what users see in the editor', () => {
	it.each(['AfricasTalking', 'TalkNTalk'])('%s: the subtitle (a literal, as n8n\'s verification wants) shows the labels of every resource and operation', (folder) => {
		const node = nodeNamed(folder);
		const resources = node.description.properties.find((p) => p.name === 'resource')?.options as Array<{ value: string; name: string }>;
		const operations = node.description.properties.filter((p) => p.name === 'operation');
		expect(operations).toHaveLength(resources.length);
		for (const property of operations) {
			const resource = String(property.displayOptions?.show?.resource?.[0]);
			const resourceLabel = resources.find((option) => option.value === resource)?.name;
			for (const option of property.options as Array<{ value: string; name: string }>) {
				expect(subtitleFor(node, { resource, operation: option.value })).toBe(`${resourceLabel}: ${option.name}`);
			}
		}
	});

	it('shows the labels users picked as subtitles, not internal values', () => {
		const at = nodeNamed('AfricasTalking');
		expect(subtitleFor(at, { resource: 'sms', operation: 'send' })).toBe('SMS: Send');
		expect(subtitleFor(at, { resource: 'payment', operation: 'mobileB2C' })).toBe('Payment: Mobile B2C');
		expect(subtitleFor(nodeNamed('AfricasTalkingTrigger'), { event: 'voiceCall' })).toBe('Voice Call');
		expect(subtitleFor(nodeNamed('AfricasTalkingCallbackResponse'), { answer: 'ussd' })).toBe('USSD Menu');
	});

	it('gives TalkNTalk the same editor care: label subtitles, event labels, aliases, a panel text covering actions', () => {
		expect(subtitleFor(nodeNamed('TalkNTalk'), { resource: 'sms', operation: 'sendBulk' })).toBe('SMS: Send Bulk');
		expect(subtitleFor(nodeNamed('TalkNTalkTrigger'), { events: ['sms.delivered', 'sms.failed'] })).toBe('SMS Delivered, SMS Failed');
		const events = nodeNamed('TalkNTalkTrigger').description.properties.find((p) => p.name === 'events') as INodeProperties;
		for (const option of events.options as Array<{ name: string; action?: string }>) expect(option.action).toBe(`On ${option.name}`);
		expect(codex('TalkNTalk').alias).toEqual(expect.arrayContaining(['SMS', 'Bulk SMS', 'Delivery Report']));
		expect(nodeNamed('TalkNTalkTrigger').description.description).toMatch(/^Send .*SMS/);
	});

	it('labels every trigger event with its own casing ("On Incoming SMS"), which n8n would lower-case otherwise', () => {
		const event = nodeNamed('AfricasTalkingTrigger').description.properties.find((p) => p.name === 'event') as INodeProperties;
		const options = event.options as Array<{ name: string; action?: string }>;
		expect(options.length).toBeGreaterThan(10);
		for (const option of options) expect(option.action).toBe(`On ${option.name}`);
		expect(options.map((o) => o.action)).toContain('On Incoming SMS');
	});

	it.each([
		// n8n searches the merged "Africa's Talking" panel entry by the action node's aliases only.
		['AfricasTalking', ['SMS', 'Bulk SMS', 'USSD', 'Airtime', 'Voice', 'Mobile Data', 'M-Pesa', 'Mobile Money', 'Payments', 'Incoming SMS', 'Delivery Report']],
		['AfricasTalkingTrigger', ['SMS', 'USSD', 'Voice', 'Webhook', 'Delivery Report']],
		['AfricasTalkingCallbackResponse', ['USSD', 'Voice XML', 'IVR']],
	])('%s can be found by topic in the node panel (codex aliases)', (folder, topics) => {
		const aliases = codex(folder).alias ?? [];
		for (const topic of topics) expect(aliases).toContain(topic);
	});

	it('describes sending and callbacks in the trigger text n8n shows for the merged panel entry', () => {
		const text = nodeNamed('AfricasTalkingTrigger').description.description;
		expect(text).toMatch(/Send SMS/);
		expect(text).toMatch(/callbacks/);
	});

	it('orders recipient fields, Voice actions and USSD screens alphabetically, as n8n\'s lint requires (also where a helper builds them)', () => {
		const recipientLabels = (resource: string, operation: string) => {
			const list = nodeNamed('AfricasTalking').description.properties.find(
				(p) => p.name === 'recipientList' && p.displayOptions?.show?.resource?.includes(resource) && p.displayOptions?.show?.operation?.includes(operation),
			) as INodeProperties;
			return ((list.options as INodePropertyCollection[])[0].values).map((v) => v.displayName);
		};
		expect(recipientLabels('payment', 'mobileB2C')).toEqual(['Amount', 'Currency Code', 'Metadata', 'Name', 'Phone Number', 'Provider Channel', 'Reason']);
		expect(recipientLabels('mobileData', 'send')).toEqual(['Metadata', 'Phone Number', 'Quantity', 'Unit', 'Validity']);
		const labelsOf = (name: string) =>
			((nodeNamed('AfricasTalkingCallbackResponse').description.properties.find((p) => p.name === name)?.options as INodePropertyCollection[])[0].values).map(
				(v) => v.displayName,
			);
		const alphabetical = (labels: string[]) => [...labels].sort((a, b) => a.localeCompare(b));
		expect(labelsOf('actions')[0]).toBe('Action');
		expect(labelsOf('actions')).toEqual(alphabetical(labelsOf('actions')));
		expect(labelsOf('menuScreens')).toEqual(alphabetical(labelsOf('menuScreens')));
	});

	it('shows the B2C recipient limit as a notice (a hint on a list is never rendered)', () => {
		const notice = nodeNamed('AfricasTalking').description.properties.find((p) => p.name === 'b2cLimitNotice');
		expect(notice?.type).toBe('notice');
		expect(notice?.displayName).toMatch(/at most 10 recipients/);
	});
});

describe('the order n8n runs preSend steps in', () => {
	it('keeps Prepare Request (host, username, encoding) the last property of the action node, after every field check', () => {
		// n8n's declarative engine runs preSend steps in the order of the properties holding them:
		// the form or JSON encoding must come after every field has put and checked its value.
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { prepareRequestStep } = require('../../nodes/AfricasTalking/shared/routing');
		const properties = nodeNamed('AfricasTalking').description.properties;
		expect(properties.at(-1)).toBe(prepareRequestStep);
		expect(properties.filter((p) => p.routing?.send?.preSend?.includes(prepareRequestStep.routing.send.preSend[0]))).toHaveLength(1);
	});
});
