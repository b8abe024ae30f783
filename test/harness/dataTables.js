'use strict';
// The two data tables of the delivery-tracking recipes (docs/campaigns.md), created as the
// editor creates them: n8n's REST API for data tables of the user's personal project.
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

const EXAMPLES = path.join(__dirname, '..', 'examples');

const DELIVERY_TABLES = {
	sms_campaign_messages: {
		campaign: 'string', messageId: 'string', phoneNumber: 'string', sendStatus: 'string', reason: 'string', cost: 'number', currency: 'string', resendOf: 'string',
	},
	sms_delivery_reports: {
		dedupeKey: 'string', messageId: 'string', phoneNumber: 'string', status: 'string', failureReason: 'string', network: 'string', retryCount: 'number', final: 'boolean', retryable: 'boolean',
	},
};

/** Creates both tables in the owner's personal project; returns their ids by name. */
async function createDeliveryTables(n8n) {
	const project = await n8n.rest('GET', '/projects/personal');
	const ids = {};
	for (const [name, columns] of Object.entries(DELIVERY_TABLES)) {
		const table = await n8n.rest('POST', `/projects/${project.id}/data-tables`, {
			name, columns: Object.entries(columns).map(([column, type]) => ({ name: column, type })),
		});
		ids[name] = table.id;
	}
	return ids;
}

/**
 * A recipe of test/examples as a user imports it: their credential, their campaign (and list) in
 * its Campaign node, a fresh webhook path for each trigger. `n8n execute` runs without n8n's
 * modules (Data Tables among them: "the module is disabled"), so a recipe runs in the n8n server
 * instead: its Manual Trigger becomes a Webhook (the rest of the workflow as imported).
 */
function importRecipe(file, { credential, campaign = {} }) {
	const workflow = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
	for (const node of workflow.nodes) {
		if (node.credentials) node.credentials.africasTalkingApi = credential;
		if (node.name === 'Campaign') node.parameters.jsonOutput = JSON.stringify({ ...JSON.parse(node.parameters.jsonOutput), ...campaign });
		if (node.webhookId) node.webhookId = crypto.randomUUID();
		if (node.type === 'n8n-nodes-base.manualTrigger') {
			const webhookId = crypto.randomUUID();
			Object.assign(node, { type: 'n8n-nodes-base.webhook', typeVersion: 2, webhookId, parameters: { httpMethod: 'POST', path: webhookId, responseMode: 'onReceived', options: {} } });
		}
	}
	return workflow;
}

/** Publishes an imported recipe, runs it once through its webhook, unpublishes it; returns its run data. */
async function runRecipe(n8n, workflow) {
	const created = await n8n.createWorkflow(workflow, { activate: true });
	const webhook = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.webhook');
	await n8n.webhook(webhook.parameters.path, {});
	const [finished] = await n8n.waitForExecutions(created.id, 1, 1800000);
	const execution = await n8n.execution(finished.id);
	if (execution.status !== 'success') throw new Error(`${workflow.name} failed: ${JSON.stringify(execution.data.resultData.error)}`);
	await n8n.rest('POST', `/workflows/${created.id}/deactivate`).catch(() => undefined);
	return execution.data.resultData.runData;
}

/** The items a node of a run output. */
const outputOf = (runData, node) => (runData[node] ? runData[node][0].data.main[0].map((item) => item.json) : []);

/** The trigger's production URL of an imported recipe. */
const triggerUrl = (n8n, workflow) => `${n8n.url}/webhook/${workflow.nodes.find((n) => n.webhookId).webhookId}/webhook`;

module.exports = { DELIVERY_TABLES, createDeliveryTables, importRecipe, runRecipe, outputOf, triggerUrl };
