import { Workflow, type INode, type INodeParameters, type INodeTypes, type IDataObject } from 'n8n-workflow';
import { DYNAMIC_FIELDS, triggerWebhooks } from '../../nodes/AfricasTalkingTrigger/webhookDescription';
import { EVENTS } from '../../nodes/AfricasTalkingTrigger/events';
import { AfricasTalkingTrigger } from '../../nodes/AfricasTalkingTrigger/AfricasTalkingTrigger.node';

// n8n 2.41 calls a webhook description field's resolver instead of evaluating its expression
// when the node's parameters hold none: both must give the same answer mode and content type.
// n8n's Workflow applies the trigger's own properties (defaults, display options) to the node's
// parameters, as a published workflow's node has them when a callback arrives.
const trigger = new AfricasTalkingTrigger();
const nodeTypes = {
	getByName: () => trigger,
	getByNameAndVersion: () => trigger,
	getKnownTypes: () => ({}),
} as unknown as INodeTypes;

/** [what the resolver gives, what the expression gives] for a node with these parameters. */
function both(field: keyof typeof DYNAMIC_FIELDS, parameters: IDataObject): [unknown, unknown] {
	const node: INode = {
		id: '1', name: 'AT Trigger', type: 'n8n-nodes-africastalking.africasTalkingTrigger', typeVersion: 1, position: [0, 0], parameters: parameters as INodeParameters,
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: true, nodeTypes });
	const own = workflow.getNode(node.name) as INode;
	const { template, resolve } = DYNAMIC_FIELDS[field];
	return [resolve(own.parameters as IDataObject), workflow.expression.getSimpleParameterValue(own, template, 'internal', {})];
}

const settings: IDataObject[] = [];
for (const event of Object.keys(EVENTS)) {
	for (const voiceAnswer of [undefined, 'workflow', 'say']) {
		for (const validationAnswer of [undefined, 'workflow', 'rule']) {
			for (const respondUsing of [undefined, 'lastNode', 'respondToWebhook']) {
				const parameters: IDataObject = { event };
				if (voiceAnswer) parameters.voiceAnswer = voiceAnswer;
				if (validationAnswer) parameters.validationAnswer = validationAnswer;
				if (respondUsing) parameters.respondUsing = respondUsing;
				settings.push(parameters);
			}
		}
	}
}

describe('trigger webhook description', () => {
	it.each(Object.keys(DYNAMIC_FIELDS) as Array<keyof typeof DYNAMIC_FIELDS>)('%s: the resolver gives what the expression gives, for every event and setting', (field) => {
		const pairs = settings.map((parameters) => [parameters, ...both(field, parameters)]);
		expect(pairs.filter(([, native, expression]) => native !== expression)).toEqual([]);
		// Not trivially equal: the fields do depend on the settings.
		expect(new Set(pairs.map(([, native]) => native)).size).toBeGreaterThan(1);
	});

	it('declares the resolvers where n8n looks for them, next to the very templates they stand for', () => {
		const description = triggerWebhooks[0] as unknown as Record<string | symbol, unknown>;
		const resolvers = description[Symbol.for('n8n.webhookDescriptionResolvers')] as Record<string, { template: string }>;
		for (const [field, entry] of Object.entries(resolvers)) expect(description[field]).toBe(entry.template);
		expect(Object.keys(resolvers).sort()).toEqual(Object.keys(description).filter((key) => String(description[key]).startsWith('=')).sort());
	});

	it("waits for a node's answer on USSD, answers workflow-answered events from the workflow, other events at once", () => {
		expect(DYNAMIC_FIELDS.responseMode.resolve({ event: 'ussd' })).toBe('responseNode'); // the Callback Response node sends a USSD answer itself
		expect(DYNAMIC_FIELDS.responseMode.resolve({ event: 'ussd', respondUsing: 'respondToWebhook' })).toBe('responseNode');
		expect(DYNAMIC_FIELDS.responseMode.resolve({ event: 'voiceCall', voiceAnswer: 'say' })).toBe('onReceived');
		expect(DYNAMIC_FIELDS.responseMode.resolve({ event: 'incomingSms' })).toBe('onReceived');
		expect(DYNAMIC_FIELDS.responseContentType.resolve({ event: 'voiceCall' })).toBe('application/xml');
		expect(DYNAMIC_FIELDS.responseContentType.resolve({ event: 'toString' })).toBeUndefined();
	});
});
