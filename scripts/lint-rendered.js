'use strict';
// `npm run lint:rendered` (after the build): n8n's lint rules on every node's description as n8n
// receives it. `n8n-node lint` reads source text, so a field that a shared helper builds (the
// campaign options, an "Options" collection, a phone number field) is invisible to rules such as
// "collection options sorted alphabetically". Here each built node's description is written back
// out as one literal `*.node.ts` (functions become a placeholder) next to the package's icons, and
// the same ESLint configuration `n8n-node lint` uses (@n8n/node-cli's, strict) lints it. A known
// fault (an unsorted collection) is planted in a copy of each package's first node, to show the
// rules fire on rendered files; without that the check could pass by seeing nothing.
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, PACKAGES, packageJson } = require('./packages');

const OUT = path.join(ROOT, '.lint-rendered');
// n8n's sentence-case rule for actions exempts all-capital words (SMS) but lower-cases brand
// names; n8n's own nodes keep theirs with an eslint-disable. These are the brands (and "IDs")
// this package's actions name; every other word is held to the rule.
const PROPER_NOUNS = ['IDs', 'Safaricom', 'WhatsApp'];
const ACTION_CASE_RULE = 'n8n-nodes-base/node-param-operation-option-action-miscased';

/** Whether an action text is sentence case once its proper nouns are set aside. */
function sentenceCaseButProperNouns(action) {
	const [first, ...rest] = action.split(' ');
	return /^[^a-z]/.test(first) && rest.every((word) => PROPER_NOUNS.includes(word) || word === word.toLowerCase() || word === word.toUpperCase());
}

/** The rule's reports, less those about an action that is sentence case but for its proper nouns. */
function withoutProperNounReports(result) {
	const lines = fs.readFileSync(result.filePath, 'utf8').split('\n');
	const messages = result.messages.filter((message) => {
		if (message.ruleId !== ACTION_CASE_RULE) return true;
		const action = /action: '((?:[^'\\]|\\.)*)'/.exec(lines[message.line - 1] ?? '');
		return !(action && sentenceCaseButProperNouns(action[1].replace(/\\'/g, "'")));
	});
	return { ...result, messages, errorCount: messages.length };
}
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const FUNCTION_PLACEHOLDER = 'builtByCode';

function quote(text) {
	return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\r/g, '\\r').replace(/\n/g, '\\n')}'`;
}

/** A value as TypeScript source: what the lint rules see in a hand-written description. */
function render(value, indent = '') {
	const inner = `${indent}\t`;
	if (typeof value === 'function') return `() => ${FUNCTION_PLACEHOLDER}`;
	if (typeof value === 'string') return quote(value);
	if (value === null || typeof value !== 'object') return String(value);
	if (Array.isArray(value)) {
		if (value.length === 0) return '[]';
		return `[\n${value.map((entry) => `${inner}${render(entry, inner)},\n`).join('')}${indent}]`;
	}
	const entries = Object.entries(value).filter(([, entry]) => entry !== undefined);
	if (entries.length === 0) return '{}';
	const key = (name) => (IDENTIFIER.test(name) ? name : quote(name));
	return `{\n${entries.map(([name, entry]) => `${inner}${key(name)}: ${render(entry, inner)},\n`).join('')}${indent}}`;
}

/** The node's other members (webhookMethods, methods, execute, webhook…), which some rules look for. */
function otherMembers(instance) {
	const names = new Set([...Object.keys(instance), ...Object.getOwnPropertyNames(Object.getPrototypeOf(instance))]);
	names.delete('constructor');
	names.delete('description');
	return [...names].map((name) => `\t${name} = ${render(instance[name], '\t')};`);
}

function nodeSource(className, instance, description = instance.description) {
	// n8n's connection types are written as NodeConnectionTypes.Main in source, a rule asks for it.
	const connections = (list) => (Array.isArray(list) ? `[${list.map((type) => (type === 'main' ? 'NodeConnectionTypes.Main' : render(type))).join(', ')}]` : render(list, '\t'));
	const { inputs, outputs, ...rest } = description;
	const body = render(rest, '\t').replace(/\n\t}$/, `\n\t\tinputs: ${connections(inputs)},\n\t\toutputs: ${connections(outputs)},\n\t}`);
	return [
		"import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';",
		'',
		`declare const ${FUNCTION_PLACEHOLDER}: never;`,
		'',
		`export class ${className} implements INodeType {`,
		`\tdescription: INodeTypeDescription = ${body};`,
		...otherMembers(instance),
		'}',
		'',
	].join('\n');
}

/** Every registered node of a package, built, as { file (relative to the package root), className, description }. */
function builtNodes(pkg) {
	return packageJson(pkg).n8n.nodes.map((distFile) => {
		const exported = require(path.join(pkg.root, distFile));
		const [className, NodeClass] = Object.entries(exported).find(([, value]) => typeof value === 'function');
		return { file: distFile.replace(/^dist\//, '').replace(/\.js$/, '.ts'), className, instance: new NodeClass() };
	});
}

/** A collection whose options are out of alphabetical order (the rule sorts five or more): n8n's lint must report it. */
const PLANTED_NAMES = ['Zulu', 'Yankee', 'Xray', 'Whiskey', 'Alpha'];
const PLANTED_FAULT = {
	displayName: 'Options',
	name: 'plantedFault',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: PLANTED_NAMES.map((displayName) => ({ displayName, name: displayName.toLowerCase(), type: 'string', default: '' })),
};

async function main() {
	if (!fs.existsSync(path.join(ROOT, 'dist'))) throw new Error('lint:rendered reads the built nodes: run `npm run build` first.');
	const { ESLint } = require('eslint');
	const { config } = require('@n8n/node-cli/eslint');
	fs.rmSync(OUT, { recursive: true, force: true });
	let failed = false;
	try {
		for (const pkg of PACKAGES) {
			const root = path.join(OUT, pkg.name);
			// Icons, credentials and package.json as in the package: rules check the node against them.
			for (const entry of ['icons', 'credentials', 'package.json']) fs.cpSync(path.join(pkg.root, entry), path.join(root, entry), { recursive: true });
			const nodes = builtNodes(pkg);
			for (const node of nodes) {
				fs.mkdirSync(path.dirname(path.join(root, node.file)), { recursive: true });
				fs.writeFileSync(path.join(root, node.file), nodeSource(node.className, node.instance));
			}
			const [first] = nodes;
			const selfCheck = path.join(path.dirname(first.file), `SelfCheck${path.basename(first.file)}`);
			const { description } = first.instance;
			const planted = { ...description, properties: [...description.properties, PLANTED_FAULT] };
			fs.writeFileSync(path.join(root, selfCheck), nodeSource(`SelfCheck${first.className}`, first.instance, planted));

			const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config });
			const results = (await eslint.lintFiles(['nodes/**/*.ts'])).map(withoutProperNounReports);
			const plantedResult = results.find((result) => result.filePath.endsWith(selfCheck));
			const caught = plantedResult?.messages.some((message) => /collection-type-unsorted-items/.test(message.ruleId ?? '') && message.message.includes(`Order: ${[...PLANTED_NAMES].sort().join(' | ')}`));
			const reported = results.filter((result) => result !== plantedResult && result.messages.length > 0);
			const formatter = await eslint.loadFormatter('stylish');
			if (reported.length) console.log(await formatter.format(reported));
			console.log(`lint:rendered ${pkg.name}: ${nodes.length} node descriptions as n8n builds them, ${reported.reduce((n, r) => n + r.messages.length, 0)} problems`);
			if (!caught) {
				console.error(`lint:rendered ${pkg.name}: the planted unsorted collection was not reported; the check sees nothing and proves nothing.`);
				failed = true;
			}
			if (reported.length) failed = true;
		}
	} finally {
		if (!process.env.KEEP_RENDERED) fs.rmSync(OUT, { recursive: true, force: true });
	}
	if (failed) {
		console.error('lint:rendered failed: fix the helper or field named above (the file is the node as n8n builds it).');
		process.exit(1);
	}
}

module.exports = { render, sentenceCaseButProperNouns };

if (require.main === module) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
