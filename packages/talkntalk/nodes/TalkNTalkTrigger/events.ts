import type { IDataObject } from 'n8n-workflow';
import { isScalar, nestedDeeperThan } from '../common/untrustedInput';

interface EventSpec {
	name: string;
	description: string;
}

/** The events TalkNTalk posts to a webhook endpoint (`event` in the body and X-TalkNTalk-Event). */
export const EVENTS = {
	'sms.sent': { name: 'SMS Sent', description: 'The message was handed to the provider' },
	'sms.delivered': { name: 'SMS Delivered', description: 'The handset confirmed delivery' },
	'sms.failed': { name: 'SMS Failed', description: 'Submitting the message failed' },
	'sms.undelivered': { name: 'SMS Undelivered', description: 'The provider could not deliver the message' },
	'sms.cancelled': { name: 'SMS Cancelled', description: 'A queued message was cancelled' },
} as const satisfies Record<string, EventSpec>;

export type EventName = keyof typeof EVENTS;

export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];

/** Each event's label, for the node's subtitle. */
export const EVENT_LABELS = Object.fromEntries(EVENT_NAMES.map((event) => [event, EVENTS[event].name]));

/** The message fields of `data`, copied to the top of the output; each must be a plain value. */
const MESSAGE_FIELDS = ['mobile', 'sender_id', 'message', 'status', 'network', 'source', 'created_at', 'updated_at'] as const;

/** Deeper bodies are refused before anything walks them (TalkNTalk's payload is two levels deep). */
const MAX_DEPTH = 16;

export type Parsed = { reason: string } | { event: EventName; output: IDataObject };

function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A plain value as text; a present value that is an object or array is refused, naming its field. */
function text(source: IDataObject, key: string, path: string, required = false): string | undefined | { reason: string } {
	const value = Object.prototype.hasOwnProperty.call(source, key) ? source[key] : undefined;
	if (value === undefined || value === null) return required ? { reason: `"${path}" is missing` } : undefined;
	if (!isScalar(value)) return { reason: `"${path}" must be a string or a number` };
	// What identifies the event cannot be blank; anything else may be empty and is passed on as sent.
	if (required && String(value).trim() === '') return { reason: `"${path}" is empty` };
	return String(value);
}

/**
 * Reads one TalkNTalk webhook body: the event (body and header must agree), the message id and
 * the message fields as plain values. Anything else gives the reason for a 400.
 */
export function parseCallback(body: unknown, headerEvent: unknown): Parsed {
	if (!isPlainObject(body)) return { reason: 'The body must be a JSON object' };
	if (nestedDeeperThan(body, MAX_DEPTH)) return { reason: `The body is nested more than ${MAX_DEPTH} levels deep` };
	const givenEvent = text(body, 'event', 'event');
	if (typeof givenEvent === 'object') return givenEvent;
	// Event names in any casing, as TalkNTalk means them ("SMS.Delivered" is sms.delivered).
	const bodyEvent = givenEvent?.trim() === '' ? undefined : givenEvent?.trim().toLowerCase();
	const header = typeof headerEvent === 'string' && headerEvent.trim() !== '' ? headerEvent.trim().toLowerCase() : undefined;
	if (bodyEvent !== undefined && header !== undefined && bodyEvent !== header) {
		return { reason: `The event in the body ("${bodyEvent}") differs from X-TalkNTalk-Event ("${header}")` };
	}
	const event = bodyEvent ?? header;
	if (event === undefined) return { reason: 'No event: expected "event" in the body or an X-TalkNTalk-Event header' };
	if (!Object.prototype.hasOwnProperty.call(EVENTS, event)) {
		return { reason: `Unknown event "${event.slice(0, 100)}": expected one of ${EVENT_NAMES.join(', ')}` };
	}
	const data = Object.prototype.hasOwnProperty.call(body, 'data') ? body.data : undefined;
	if (!isPlainObject(data)) return { reason: '"data" (the message) must be a JSON object' };
	const id = text(data, 'id', 'data.id', true);
	if (typeof id === 'object') return id;
	const timestamp = text(body, 'timestamp', 'timestamp');
	if (typeof timestamp === 'object') return timestamp;
	const fields: IDataObject = {};
	for (const key of MESSAGE_FIELDS) {
		const value = text(data, key, `data.${key}`);
		if (typeof value === 'object') return value;
		fields[key] = value;
	}
	return {
		event: event as EventName,
		output: {
			event,
			timestamp,
			// Message ids are UUIDs in the API and integers in webhooks: always text here.
			id,
			...fields,
			raw: body,
			// TalkNTalk retries a delivery up to 3 times and sends no delivery id: these three identify one event.
			dedupeKey: `${event}:${id as string}:${(fields.updated_at as string | undefined) ?? timestamp ?? ''}`,
		},
	};
}
