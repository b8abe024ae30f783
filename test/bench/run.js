'use strict';
// `npm run bench [scenario…]`: the campaign scenarios (campaigns.js), the callback bursts
// (callbacks.js) and the delivery-tracking recipes at scale (delivery.js), each scenario in a
// fresh n8n; all of them, or the ones named. Each prints its
// detail and line as it ends; the lines are printed again together at the end.
// Every line's detail names the n8n and Node.js versions it ran on (N8N_TEST_VERSION picks them).
const { testTls } = require('../harness/tls');
const { CAMPAIGN_SCENARIOS, runCampaigns } = require('./campaigns');
const { CALLBACK_SCENARIOS, runCallbacks } = require('./callbacks');
const { DELIVERY_SCENARIOS, runDelivery } = require('./delivery');

async function main() {
	const only = process.argv.slice(2);
	const known = [...CAMPAIGN_SCENARIOS, ...CALLBACK_SCENARIOS, ...DELIVERY_SCENARIOS];
	const unknown = only.filter((name) => !known.includes(name));
	if (unknown.length) throw new Error(`unknown scenario(s) ${unknown.join(', ')}; known: ${known.join(', ')}`);
	const selected = (names) => names.filter((name) => only.length === 0 || only.includes(name));
	const lines = [];
	const report = {
		start: (name) => console.log(`running ${name}…`),
		end: (result) => {
			console.log(result.detail);
			console.log(result.line);
			lines.push(result.line);
		},
	};
	await runCampaigns(testTls(), selected(CAMPAIGN_SCENARIOS), report);
	await runCallbacks(selected(CALLBACK_SCENARIOS), report);
	await runDelivery(testTls(), selected(DELIVERY_SCENARIOS), report);
	console.log(lines.join('\n'));
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
