'use strict';
// One fake TalkNTalk and one real n8n with the TalkNTalk package (and, on request, the Africa's
// Talking package too) per test file, and the workflow shapes the TalkNTalk tests use.
const crypto = require('node:crypto');
const { FakeTalkNTalk, API_KEY } = require('../fake-tnt/server');
const { nodeOutput, nodeError } = require('../harness/n8n');
const { startFakeAndN8n, useStackOf } = require('./stack');
const { node, chain } = require('../harness/workflows');

const TNT_PACKAGE = 'n8n-nodes-talkntalk';
const TNT_NODE_TYPE = `${TNT_PACKAGE}.talkNTalk`;
const TNT_TRIGGER_TYPE = `${TNT_PACKAGE}.talkNTalkTrigger`;
const TNT_NODE_NAME = 'TalkNTalk';

/** The fake TalkNTalk and n8n with the TalkNTalk package (and others on request), with one API credential. */
function startTalkNTalkStack({ packages = [TNT_PACKAGE], env } = {}) {
	return startFakeAndN8n(FakeTalkNTalk, {
		fakePortOption: 'tntFakePort',
		n8nOptions: { packages, env },
		credentials: async (n8n) => ({ credential: await n8n.createCredential({ name: 'TalkNTalk', type: 'talkNTalkApi', data: { apiKey: API_KEY } }) }),
	});
}

function useTalkNTalkStack(options) {
	return useStackOf(() => startTalkNTalkStack(options));
}

function talkNTalkNode(parameters, credential, { onError, name = TNT_NODE_NAME } = {}) {
	return node(name, TNT_NODE_TYPE, 1, parameters, [440, 0], {
		credentials: { talkNTalkApi: { id: credential.id, name: credential.name } },
		...(onError ? { onError } : {}),
	});
}

/** Webhook → one item per element of the posted `items` → TalkNTalk; the webhook answers with the last node's items. */
function talkNTalkWorkflow({ name, path, parameters, credential, onError }) {
	return {
		name,
		nodes: [
			node('Webhook', 'n8n-nodes-base.webhook', 2, { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} }, [0, 0], { webhookId: crypto.randomUUID() }),
			node('Items', 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'body.items', options: {} }, [220, 0]),
			talkNTalkNode(parameters, credential, { onError }),
		],
		connections: chain('Webhook', 'Items', TNT_NODE_NAME),
		settings: { executionOrder: 'v1' },
	};
}

let counter = 0;
/** Runs the node once in a fresh workflow: `items` are its input items. */
async function runTalkNTalk(stack, parameters, { items = [{}], onError } = {}) {
	counter += 1;
	const path = `tnt-${process.pid}-${counter}`;
	const workflow = await stack.n8n.createWorkflow(talkNTalkWorkflow({ name: path, path, parameters, credential: stack.credential, onError }), { activate: true });
	const response = await stack.n8n.webhook(path, { items });
	const execution = (await stack.n8n.executions(workflow.id))[0];
	return { response, execution, output: nodeOutput(execution, TNT_NODE_NAME), error: nodeError(execution, TNT_NODE_NAME) };
}

/** TalkNTalk Trigger (optionally with the signing-secret credential) → nothing. */
function triggerWorkflow({ name, parameters = {}, credential }) {
	const webhookId = crypto.randomUUID();
	const trigger = node('TalkNTalk Trigger', TNT_TRIGGER_TYPE, 1, parameters, [0, 0], {
		webhookId,
		...(credential ? { credentials: { talkNTalkWebhookApi: { id: credential.id, name: credential.name } } } : {}),
	});
	return { webhookId, path: `${webhookId}/webhook`, workflow: { name, nodes: [trigger], connections: {}, settings: { executionOrder: 'v1' } } };
}

module.exports = { useTalkNTalkStack, talkNTalkWorkflow, runTalkNTalk, triggerWorkflow, TNT_NODE_TYPE, TNT_NODE_NAME, API_KEY };
