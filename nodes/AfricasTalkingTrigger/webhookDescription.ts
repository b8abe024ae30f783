import type { IWebhookDescription } from 'n8n-workflow';
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
const sentByNode = eventNames
	.filter((event) => 'sentByNode' in ANSWERS[EVENTS[event].answer])
	.map((event) => `$parameter["event"] === "${event}"`)
	.join(' || ');

const contentTypes = Object.fromEntries(eventNames.map((event) => [event, ANSWERS[EVENTS[event].answer].contentType]));

export const triggerWebhooks: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'POST',
		path: 'webhook',
		responseMode: `={{ (${answeredByWorkflow}) ? (($parameter["respondUsing"] === "respondToWebhook" || ${sentByNode}) ? "responseNode" : "lastNode") : "onReceived" }}`,
		responseData: 'firstEntryJson',
		responsePropertyName: 'response',
		responseContentType: `={{ (${JSON.stringify(contentTypes)})[$parameter["event"]] }}`,
	},
	{
		// Only to tell a mistaken GET (a browser, a misconfigured dashboard) what is wrong.
		name: 'setup',
		httpMethod: 'GET',
		path: 'webhook',
		responseMode: 'onReceived',
	},
];
