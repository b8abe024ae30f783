'use strict';
// Workflow JSON for tests: the same shapes a user builds in the editor.
const crypto = require('node:crypto');

const AT_NODE_TYPE = 'n8n-nodes-africastalking.africasTalking';
const AT_NODE_NAME = "Africa's Talking";

function node(name, type, typeVersion, parameters, position, extra = {}) {
	return { id: crypto.randomUUID(), name, type, typeVersion, position, parameters, ...extra };
}

function chain(...names) {
	const connections = {};
	for (let i = 0; i < names.length - 1; i++) {
		connections[names[i]] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	}
	return connections;
}

function atNode(parameters, credential, options = {}) {
	return node(AT_NODE_NAME, AT_NODE_TYPE, 1, parameters, [440, 0], {
		credentials: { africasTalkingApi: { id: credential.id, name: credential.name } },
		...(options.onError ? { onError: options.onError } : {}),
	});
}

/**
 * Webhook → one item per element of the posted `items` array → Africa's Talking. The webhook
 * answers with every item of the last node, so a test posts input items and reads the output.
 */
function webhookWorkflow({ name, path, parameters, credential, onError }) {
	return {
		name,
		nodes: [
			node('Webhook', 'n8n-nodes-base.webhook', 2, { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} }, [0, 0], { webhookId: crypto.randomUUID() }),
			node('Items', 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'body.items', options: {} }, [220, 0]),
			atNode(parameters, credential, { onError }),
		],
		connections: chain('Webhook', 'Items', AT_NODE_NAME),
		settings: { executionOrder: 'v1' },
	};
}

/** Manual Trigger → Africa's Talking, for `n8n execute --id`. */
function manualWorkflow({ name, parameters, credential, onError }) {
	return {
		name,
		nodes: [node('Start', 'n8n-nodes-base.manualTrigger', 1, {}, [0, 0]), atNode(parameters, credential, { onError })],
		connections: chain('Start', AT_NODE_NAME),
		settings: { executionOrder: 'v1' },
	};
}


const TRIGGER_TYPE = 'n8n-nodes-africastalking.africasTalkingTrigger';
const RESPONSE_TYPE = 'n8n-nodes-africastalking.africasTalkingCallbackResponse';

/**
 * Africa's Talking Trigger → optional nodes after it (each { name, type, typeVersion, parameters }).
 * `protection`: an Africa's Talking Webhook credential ({ id, name }) for the trigger;
 * `typeVersion`: the trigger's version (2, what the editor creates; 1 in workflows saved before).
 */
function triggerWorkflow({ name, parameters, then = [], protection, typeVersion = 2 }) {
	const webhookId = crypto.randomUUID();
	const credentials = protection ? { credentials: { africasTalkingWebhookApi: { id: protection.id, name: protection.name } } } : {};
	const trigger = node('AT Trigger', TRIGGER_TYPE, typeVersion, parameters, [0, 0], { webhookId, ...credentials });
	const rest = then.map((n, i) => node(n.name, n.type, n.typeVersion || 1, n.parameters, [220 * (i + 1), 0]));
	return {
		webhookId,
		path: `${webhookId}/webhook`,
		workflow: { name, nodes: [trigger, ...rest], connections: chain('AT Trigger', ...rest.map((n) => n.name)), settings: { executionOrder: 'v1' } },
	};
}

function callbackResponse(parameters, name = 'Callback Response') {
	return { name, type: RESPONSE_TYPE, parameters };
}

module.exports = { webhookWorkflow, manualWorkflow, triggerWorkflow, callbackResponse, AT_NODE_NAME, AT_NODE_TYPE, node, chain };
