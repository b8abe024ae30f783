import type { IDataObject, IWebhookDescription } from 'n8n-workflow';
import { ANSWERS, answerSetting, type AnswerKind } from './answers';
import { EVENTS, type EventName } from './events';

/** Everything below is derived from EVENTS and ANSWERS: who answers each event is stated once. */

const eventNames = Object.keys(EVENTS) as EventName[];

/** The events Africa's Talking expects this kind of answer to. */
export function eventsWithAnswer(kind: AnswerKind): EventName[] {
	return eventNames.filter((event) => EVENTS[event].answer === kind);
}

/** Events whose answer may come from the workflow (its last node or a Respond to Webhook node). */
export const EVENTS_ANSWERED_BY_WORKFLOW = eventNames.filter((event) => ANSWERS[EVENTS[event].answer].byWorkflow);

/** The condition, as an n8n expression, under which the workflow answers Africa's Talking. */
const answeredByWorkflow = EVENTS_ANSWERED_BY_WORKFLOW.map((event) => {
	const setting = answerSetting(EVENTS[event].answer);
	return setting ? `($parameter["event"] === "${event}" && $parameter["${setting}"] === "workflow")` : `$parameter["event"] === "${event}"`;
}).join(' || ');

/** Events whose answer the Callback Response node sends itself (see ANSWERS): n8n then waits for a node's answer. */
const EVENTS_SENT_BY_NODE = eventNames.filter((event) => 'sentByNode' in ANSWERS[EVENTS[event].answer]);
const sentByNode = EVENTS_SENT_BY_NODE.map((event) => `$parameter["event"] === "${event}"`).join(' || ');

/** The same condition read from the node's parameters directly. */
function isAnsweredByWorkflow(parameters: IDataObject): boolean {
	return EVENTS_ANSWERED_BY_WORKFLOW.some((event) => {
		if (parameters.event !== event) return false;
		const setting = answerSetting(EVENTS[event].answer);
		return setting === undefined || parameters[setting] === 'workflow';
	});
}

/** A node answers (Respond to Webhook, or a Callback Response that sends its answer itself). */
function isAnsweredByNode(parameters: IDataObject): boolean {
	return parameters.respondUsing === 'respondToWebhook' || EVENTS_SENT_BY_NODE.includes(parameters.event as EventName);
}

const contentTypes = Object.fromEntries(eventNames.map((event) => [event, ANSWERS[EVENTS[event].answer].contentType]));

/**
 * The description fields that depend on the node's settings, each as the expression n8n's editor
 * and older n8n evaluate and as a function n8n 2.41 and later call instead when the node's
 * parameters hold no expression (`resolve` must give what `template` evaluates to; the unit tests
 * compare them). Under n8n's `vm` expression engine every expression a webhook request evaluates
 * runs in a V8 isolate; with these, receiving a callback evaluates none of the trigger's own.
 */
export const DYNAMIC_FIELDS = {
	responseMode: {
		template: `={{ (${answeredByWorkflow}) ? (($parameter["respondUsing"] === "respondToWebhook" || ${sentByNode}) ? "responseNode" : "lastNode") : "onReceived" }}`,
		resolve: (parameters: IDataObject) => (isAnsweredByWorkflow(parameters) ? (isAnsweredByNode(parameters) ? 'responseNode' : 'lastNode') : 'onReceived'),
	},
	// n8n sends the trigger's own answer (its webhookResponse) in on-received mode only when
	// responseData is empty; the workflow's answer is the last node's first item.
	responseData: {
		template: `={{ (${answeredByWorkflow}) ? "firstEntryJson" : "" }}`,
		resolve: (parameters: IDataObject) => (isAnsweredByWorkflow(parameters) ? 'firstEntryJson' : ''),
	},
	responseContentType: {
		template: `={{ (${JSON.stringify(contentTypes)})[$parameter["event"]] }}`,
		resolve: (parameters: IDataObject) => (Object.prototype.hasOwnProperty.call(contentTypes, String(parameters.event)) ? contentTypes[String(parameters.event)] : undefined),
	},
};

/**
 * Where n8n (from 2.41, n8n-workflow's `webhookDescriptionFields`) looks for the resolvers of a
 * webhook description's fields: a registered symbol, so no newer n8n-workflow is needed to set
 * it, and older n8n ignores it.
 */
const WEBHOOK_RESOLVERS = Symbol.for('n8n.webhookDescriptionResolvers');

export const triggerWebhooks: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'POST',
		path: 'webhook',
		responseMode: DYNAMIC_FIELDS.responseMode.template,
		responseData: DYNAMIC_FIELDS.responseData.template,
		responsePropertyName: 'response',
		responseContentType: DYNAMIC_FIELDS.responseContentType.template,
		[WEBHOOK_RESOLVERS]: DYNAMIC_FIELDS,
	},
	{
		// Only to tell a mistaken GET (a browser, a misconfigured dashboard) what is wrong.
		name: 'setup',
		httpMethod: 'GET',
		path: 'webhook',
		responseMode: 'onReceived',
	},
];
