'use strict';
// What both benchmark families share: n8n's settings for a run, memory readings, patience with a
// loaded n8n.
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

module.exports = { sleep, benchSettings, rssKb, tolerant };
