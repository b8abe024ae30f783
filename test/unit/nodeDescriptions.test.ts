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

function nodeNamed(folder: string): INodeType {
	return (allNodes().find(([name]) => name === folder) as [string, INodeType])[1];
}

function codex(folder: string): { alias?: string[]; resources?: Record<string, Array<{ url: string }>> } {
	return JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../nodes', folder, `${folder}.node.json`), 'utf8'));
}

/** Evaluates a subtitle of the form `={{ ({...})[key] }}` for the given parameters, as n8n would. */
function subtitleFor(node: INodeType, parameters: Record<string, string | string[]>): string {
	const expression = String(node.description.subtitle).replace(/^=\{\{/, '').replace(/\}\}$/, '');
	// eslint-disable-next-line @typescript-eslint/no-implied-eval
	return new Function('$parameter', `return ${expression}`)(parameters) as string;
}

describe('what users see in the editor', () => {
	it('shows the labels users picked as subtitles, not internal values', () => {
		const at = nodeNamed('AfricasTalking');
		expect(subtitleFor(at, { resource: 'sms', operation: 'send' })).toBe('SMS: Send');
		expect(subtitleFor(at, { resource: 'payments', operation: 'mobileB2C' })).toBe('Payment: Mobile B2C');
		const operations = at.description.properties.filter((p) => p.name === 'operation');
		for (const property of operations) {
			const resource = String(property.displayOptions?.show?.resource?.[0]);
			for (const option of property.options as Array<{ value: string; name: string }>) {
				expect(subtitleFor(at, { resource, operation: option.value })).toMatch(new RegExp(`: ${option.name}$`));
			}
		}
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

	it("points its docs links at this package's README, not at Africa's Talking's generic docs", () => {
		for (const folder of ['AfricasTalking', 'AfricasTalkingTrigger', 'AfricasTalkingCallbackResponse']) {
			for (const links of Object.values(codex(folder).resources ?? {})) {
				for (const { url } of links) expect(url).toMatch(/^https:\/\/github\.com\/n8n-nodes-africastalking\/n8n-nodes-africastalking#[a-z-]+$/);
			}
		}
	});

	it('describes sending and callbacks in the trigger text n8n shows for the merged panel entry', () => {
		const text = nodeNamed('AfricasTalkingTrigger').description.description;
		expect(text).toMatch(/Send SMS/);
		expect(text).toMatch(/callbacks/);
	});

	it('orders list fields by task: a B2C recipient starts with the phone number, Say shows Text before Play Beep', () => {
		const b2c = nodeNamed('AfricasTalking').description.properties.find(
			(p) => p.name === 'recipientList' && p.displayOptions?.show?.operation?.includes('mobileB2C'),
		) as INodeProperties;
		const b2cFields = ((b2c.options as INodePropertyCollection[])[0].values).map((v) => v.name);
		expect(b2cFields).toEqual(['phoneNumber', 'amount', 'currencyCode', 'name', 'reason', 'providerChannel', 'metadata']);
		const actions = nodeNamed('AfricasTalkingCallbackResponse').description.properties.find((p) => p.name === 'actions') as INodeProperties;
		const values = (actions.options as INodePropertyCollection[])[0].values;
		const shownFor = (type: string) =>
			values.filter((v) => v.name !== 'type' && (v.displayOptions?.show?.type as string[] | undefined)?.includes(type)).map((v) => v.name);
		expect(shownFor('say')).toEqual(['text', 'voice', 'playBeep']);
		expect(shownFor('getDigits')[0]).toBe('promptType');
		expect(shownFor('getDigits').at(-1)).toBe('callbackUrl');
		const screens = nodeNamed('AfricasTalkingCallbackResponse').description.properties.find((p) => p.name === 'menuScreens') as INodeProperties;
		expect(((screens.options as INodePropertyCollection[])[0].values).map((v) => v.name).slice(0, 3)).toEqual(['id', 'type', 'text']);
	});

	it('shows the B2C recipient limit as a notice (a hint on a list is never rendered)', () => {
		const notice = nodeNamed('AfricasTalking').description.properties.find((p) => p.name === 'b2cLimitNotice');
		expect(notice?.type).toBe('notice');
		expect(notice?.displayName).toMatch(/at most 10 recipients/);
	});
});
