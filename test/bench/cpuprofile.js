'use strict';
// Where n8n's CPU time goes: summarises V8 CPU profiles (`--cpu-prof`, e.g. from
// `BURST_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" npm run bench -- callbacks-ussd`)
// by owner: this package's code (anything under node_modules/n8n-nodes-*), n8n's packages by
// name, other libraries by name, V8/Node.js internals, garbage collection and idle time.
//   node test/bench/cpuprofile.js <file.cpuprofile>… [--top=25]
// Prints self time per owner and the functions with the most self time; for this package's
// functions also their total time (with everything they call, inclusive of n8n code they call).
const fs = require('node:fs');

const args = process.argv.slice(2);
const top = Number((args.find((a) => a.startsWith('--top=')) || '--top=25').slice(6));
const files = args.filter((a) => !a.startsWith('--'));
if (!files.length) {
	console.error('usage: node test/bench/cpuprofile.js <file.cpuprofile>… [--top=25]');
	process.exit(1);
}

function owner(frame) {
	const { url, functionName } = frame;
	if (!url) {
		if (functionName === '(garbage collector)') return 'gc';
		if (functionName === '(idle)') return 'idle';
		if (functionName === '(program)') return 'v8/program';
		return `v8:${functionName || 'anonymous'}`;
	}
	const ours = /node_modules\/(n8n-nodes-[^/]+)\//.exec(url);
	if (ours) return `package ${ours[1]}`;
	if (url.startsWith('node:')) return 'node.js';
	const modules = url.split('node_modules/');
	if (modules.length > 1) {
		const last = modules[modules.length - 1].split('/');
		return last[0].startsWith('@') ? `${last[0]}/${last[1]}` : last[0];
	}
	return url.replace(/^file:\/\//, '');
}

const bySelf = new Map();
const byFunction = new Map();
const packageTotal = new Map();
let total = 0;
for (const file of files) {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
	const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map();
	for (const n of profile.nodes) for (const child of n.children || []) parent.set(child, n.id);
	const self = new Map();
	for (let i = 0; i < profile.samples.length; i++) {
		const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
		self.set(profile.samples[i], (self.get(profile.samples[i]) || 0) + dt);
	}
	for (const [id, ms] of self) {
		const frame = nodes.get(id).callFrame;
		const who = owner(frame);
		total += ms;
		bySelf.set(who, (bySelf.get(who) || 0) + ms);
		const key = `${frame.functionName || '(anonymous)'} ${who} ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`;
		byFunction.set(key, (byFunction.get(key) || 0) + ms);
		// Total time of the package's frames: each sample counts once per distinct package function
		// on its stack.
		const seen = new Set();
		for (let at = id; at !== undefined; at = parent.get(at)) {
			const f = nodes.get(at).callFrame;
			if (owner(f).startsWith('package ')) {
				const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
				if (!seen.has(name)) packageTotal.set(name, (packageTotal.get(name) || 0) + ms);
				seen.add(name);
			}
		}
	}
}

const busy = total - (bySelf.get('idle') || 0);
const pct = (ms, of) => `${((100 * ms) / of).toFixed(1)} %`;
console.log(`profiled ${(total / 1000).toFixed(1)} s, busy (not idle) ${(busy / 1000).toFixed(1)} s`);
console.log('\nself time by owner (share of busy time):');
for (const [who, ms] of [...bySelf].filter(([w]) => w !== 'idle').sort((a, b) => b[1] - a[1]).slice(0, top)) {
	console.log(`  ${(ms / 1000).toFixed(2).padStart(8)} s  ${pct(ms, busy).padStart(7)}  ${who}`);
}
console.log('\nfunctions with the most self time:');
for (const [name, ms] of [...byFunction].filter(([k]) => !/ idle /.test(k)).sort((a, b) => b[1] - a[1]).slice(0, top)) {
	console.log(`  ${(ms / 1000).toFixed(2).padStart(8)} s  ${pct(ms, busy).padStart(7)}  ${name}`);
}
console.log("\nthis package's functions, total time including what they call:");
for (const [name, ms] of [...packageTotal].sort((a, b) => b[1] - a[1]).slice(0, top)) {
	console.log(`  ${(ms / 1000).toFixed(2).padStart(8)} s  ${pct(ms, busy).padStart(7)}  ${name}`);
}
