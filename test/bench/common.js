'use strict';
// What the benchmark families share: n8n's settings for a run, memory readings, executions
// stored, patience with a loaded n8n.
const fs = require('node:fs');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The n8n settings a scenario runs with: n8n's defaults unless BENCH_ENV (JSON) sets some, e.g. '{"N8N_EXPRESSION_ENGINE":"legacy"}'. */
function benchSettings() {
	return process.env.BENCH_ENV ? JSON.parse(process.env.BENCH_ENV) : {};
}

function rssKb(pid) {
	const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
	return match ? Number(match[1]) : 0;
}


/** n8n under load may answer 503 ("Database is not ready") for a moment: wait and ask again. */
async function tolerant(what, call) {
	const deadline = Date.now() + 180000;
	for (let attempt = 0; ; attempt++) {
		try {
			return await call();
		} catch (error) {
			const transient = /→ 503\b/.test(error.message) || ['ECONNRESET', 'ECONNREFUSED', 'UND_ERR_SOCKET'].includes(error.cause?.code);
			if (!transient || Date.now() > deadline) throw error;
			console.log(`${what}: ${error.message.slice(0, 120)}; asking again`);
			await sleep(Math.min(5000, 250 * 2 ** attempt));
		}
	}
}

/** RSS of a process and all its descendants (n8n's task runners run as child processes). */
function treeRssKb(pid) {
	let total = 0;
	const stack = [pid];
	while (stack.length) {
		const current = stack.pop();
		try {
			total += rssKb(current);
			for (const task of fs.readdirSync(`/proc/${current}/task`)) {
				const children = fs.readFileSync(`/proc/${current}/task/${task}/children`, 'utf8').trim();
				if (children) stack.push(...children.split(/\s+/).map(Number));
			}
		} catch {
			// exited meanwhile
		}
	}
	return total;
}

/** Samples the RSS of n8n and its task runners every `everyMs` from now; `stop()` ends it and gives the peak (at least `floor`). */
function peakTreeRss(pid, everyMs, floor = 0) {
	let peak = floor;
	const sampler = setInterval(() => (peak = Math.max(peak, treeRssKb(pid))), everyMs);
	return {
		stop() {
			clearInterval(sampler);
			return peak;
		},
	};
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Executions of the workflow stored so far, once the count stops growing (or reaches `expected`). */
async function storedCount(n8n, workflowId, expected) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const deadline = Date.now() + 300000;
	let last = -1;
	let stableSince = Date.now();
	for (;;) {
		const list = await tolerant('GET /rest/executions', () => n8n.rest('GET', `/executions?filter=${filter}&limit=1`));
		const count = list.count ?? (list.results || list).length;
		if (count >= expected || Date.now() > deadline) return count;
		if (count !== last) {
			last = count;
			stableSince = Date.now();
		} else if (Date.now() - stableSince > 15000) return count;
		await sleep(500);
	}
}

module.exports = { sleep, benchSettings, rssKb, tolerant, treeRssKb, peakTreeRss, percentile, storedCount };
