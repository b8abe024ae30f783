import type { IDataObject } from 'n8n-workflow';
import { MAX_BODY_DEPTH, isScalar, nestedDeeperThan, scalarFieldsView, unexpectedValueReason } from '../common/untrustedInput';
import type { AnswerKind } from './answers';
import { DELIVERY_STATUS, deliveryOutcome, describe, FAILURE_REASONS, HANGUP_CAUSES, NETWORKS } from './codes';
import { simSwapResult } from './simSwap';
import { ussdSteps } from '../AfricasTalkingCommon/ussd';

type Body = IDataObject;
type ContentType = 'form' | 'json';

export interface EventSpec {
	name: string;
	description: string;
	/** Where the URL goes in AT's dashboard. */
	dashboard: string;
	accepts: ContentType[];
	/** What Africa's Talking waits for in answer (see ANSWERS in answers.ts). */
	answer: AnswerKind;
	/** What identifies the event; a request without them is not this event. Every other field is optional. */
	required: string[];
	/** Fields AT always sends but that may be empty (e.g. USSD's first `text`). */
	present?: string[];
	/** Fields AT sends as objects (metadata); every other field the event reads must be text or a number. */
	objects?: string[];
	normalize: (body: Body) => IDataObject;
	/** The workflow gets AT's body exactly as received (an event whose fields AT documents nowhere). */
	asReceived?: true;
	/** Stable for one callback, so AT's retries of it can be recognised (e.g. with n8n's Remove Duplicates node). */
	dedupeKey: (body: Body) => string;
}

const text = (value: unknown) => (value === undefined || value === null ? undefined : String(value));
const num = (value: unknown) => {
	if (value === undefined || value === null || value === '') return undefined;
	const n = Number(String(value).replace(/^[A-Z]{3}\s+/, ''));
	return Number.isFinite(n) ? n : undefined;
};
const currencyOf = (value: unknown) => /^([A-Z]{3})\s/.exec(String(value ?? ''))?.[1];
/** A known word in any casing, as AT means it ('success' is Success). */
const is = (value: unknown, word: string) => text(value)?.trim().toLowerCase() === word.toLowerCase();
/** The documented spelling of a word given in another casing; other words as sent. */
const canonical = (table: Record<string, string>, value: unknown) => {
	const given = text(value)?.trim();
	return Object.keys(table).find((known) => known.toLowerCase() === given?.toLowerCase()) ?? given;
};
const network = (body: Body) => ({ networkCode: text(body.networkCode), network: describe(NETWORKS, body.networkCode) });

function voiceFields(body: Body): IDataObject {
	return {
		sessionId: text(body.sessionId),
		isActive: ['1', 'true'].includes(String(body.isActive).trim().toLowerCase()),
		direction: text(body.direction),
		callerNumber: text(body.callerNumber),
		destinationNumber: text(body.destinationNumber),
		callerCountryCode: text(body.callerCountryCode),
		callerCarrierName: text(body.callerCarrierName),
		callStartTime: text(body.callStartTime),
		clientRequestId: text(body.clientRequestId),
		dtmfDigits: text(body.dtmfDigits),
		recordingUrl: text(body.recordingUrl),
		durationInSeconds: num(body.durationInSeconds),
		currencyCode: text(body.currencyCode),
		amount: num(body.amount),
		status: text(body.status),
		callSessionState: text(body.callSessionState),
		hangupCause: text(body.hangupCause),
		hangupCauseDescription: describe(HANGUP_CAUSES, canonical(HANGUP_CAUSES, body.hangupCause)),
		dialDestinationNumber: text(body.dialDestinationNumber),
		dialDurationInSeconds: num(body.dialDurationInSeconds),
		dialStartTime: text(body.dialStartTime),
		callTransferState: text(body.callTransferState),
		callTransferHangupCause: text(body.callTransferHangupCause),
	};
}

function validationFields(body: Body): IDataObject {
	return {
		transactionId: text(body.transactionId),
		phoneNumber: text(body.phoneNumber),
		sourceIpAddress: text(body.sourceIpAddress),
		currencyCode: text(body.currencyCode) ?? currencyOf(body.value),
		amount: num(body.amount) ?? num(body.value),
	};
}

export const EVENTS = {
	incomingSms: {
		name: 'Incoming SMS',
		description: 'Someone sent an SMS to your short code or number',
		dashboard: 'SMS → SMS Callback URLs → Incoming Messages',
		accepts: ['form'],
		answer: 'ok',
		required: ['id', 'from'],
		normalize: (b) => ({ id: text(b.id), from: text(b.from), to: text(b.to), text: text(b.text) ?? '', date: text(b.date), linkId: text(b.linkId), ...network(b), cost: text(b.cost) }),
		dedupeKey: (b) => `sms:${String(b.id)}`,
	},
	deliveryReport: {
		name: 'SMS Delivery Report',
		description: 'The delivery status of a message you sent changed',
		dashboard: 'SMS → SMS Callback URLs → Delivery Reports',
		accepts: ['form'],
		answer: 'ok',
		required: ['id', 'status'],
		normalize: (b) => ({
			messageId: text(b.id), status: text(b.status), statusDescription: describe(DELIVERY_STATUS, canonical(DELIVERY_STATUS, b.status)), delivered: is(b.status, 'Success'),
			phoneNumber: text(b.phoneNumber) || undefined, ...network(b), failureReason: text(b.failureReason) || undefined,
			failureReasonDescription: describe(FAILURE_REASONS, canonical(FAILURE_REASONS, b.failureReason)), retryCount: num(b.retryCount) ?? 0,
			...deliveryOutcome(canonical(DELIVERY_STATUS, b.status), canonical(FAILURE_REASONS, b.failureReason)),
		}),
		dedupeKey: (b) => `dlr:${String(b.id)}:${String(b.status)}`,
	},
	bulkSmsOptOut: {
		name: 'Bulk SMS Opt-Out',
		description: 'Someone opted out of your bulk messages',
		dashboard: 'SMS → SMS Callback URLs → Bulk SMS Opt Out',
		accepts: ['form'],
		answer: 'ok',
		required: ['senderId', 'phoneNumber'],
		normalize: (b) => ({ senderId: text(b.senderId), phoneNumber: text(b.phoneNumber) }),
		dedupeKey: (b) => `optout:${String(b.senderId)}:${String(b.phoneNumber)}`,
	},
	subscriptionUpdate: {
		name: 'Premium Subscription Update',
		description: 'Someone subscribed to or unsubscribed from a premium keyword',
		dashboard: 'SMS → SMS Callback URLs → Subscription Notifications',
		accepts: ['form'],
		answer: 'ok',
		required: ['phoneNumber', 'shortCode', 'keyword', 'updateType'],
		normalize: (b) => {
			const updateType = String(b.updateType).trim().toLowerCase();
			return { phoneNumber: text(b.phoneNumber), shortCode: text(b.shortCode), keyword: text(b.keyword), updateType, subscribed: updateType === 'addition' };
		},
		dedupeKey: (b) => `sub:${String(b.phoneNumber)}:${String(b.shortCode)}:${String(b.keyword)}:${String(b.updateType).toLowerCase()}`,
	},
	voiceCall: {
		name: 'Voice Call',
		description: 'A call to or from your voice number needs instructions (answered with Voice XML)',
		dashboard: 'Voice → Phone Numbers → (your number) → Callback URL',
		accepts: ['form'],
		answer: 'voiceXml',
		required: ['sessionId', 'isActive'],
		normalize: voiceFields,
		dedupeKey: (b) => `call:${String(b.sessionId)}:${String(b.isActive)}:${String(b.dtmfDigits ?? '')}:${String(b.recordingUrl ?? '')}`,
	},
	voiceEvent: {
		name: 'Voice Event',
		description: 'A call changed state (ringing, answered, ended, transferred)',
		dashboard: 'Voice → Phone Numbers → (your number) → Events Callback URL',
		accepts: ['form'],
		answer: 'ok',
		required: ['sessionId'],
		normalize: voiceFields,
		dedupeKey: (b) => `voice:${String(b.sessionId)}:${String(b.callSessionState ?? b.status ?? '')}:${String(b.callTransferState ?? '')}`,
	},
	ussd: {
		name: 'USSD Session',
		description: 'Someone dialled your USSD code or answered a menu (answered with CON or END text)',
		dashboard: 'USSD → Service Codes → (your code) → Callback URL',
		accepts: ['form'],
		answer: 'ussd',
		required: ['sessionId', 'serviceCode', 'phoneNumber'],
		present: ['text'],
		normalize: (b) => {
			const input = text(b.text) ?? '';
			const { inputs, lastInput, level } = ussdSteps(input);
			return {
				sessionId: text(b.sessionId), serviceCode: text(b.serviceCode), phoneNumber: text(b.phoneNumber), ...network(b),
				text: input, inputs, lastInput, level,
			};
		},
		dedupeKey: (b) => `ussd:${String(b.sessionId)}:${String(b.text ?? '')}`,
	},
	airtimeStatus: {
		name: 'Airtime Status',
		description: 'An airtime top-up you sent succeeded or failed',
		dashboard: 'Airtime → Callback URLs → Status Callback URL',
		accepts: ['form', 'json'],
		answer: 'ok',
		required: ['requestId', 'status'],
		normalize: (b) => ({
			requestId: text(b.requestId), status: text(b.status), success: is(b.status, 'Success'), phoneNumber: text(b.phoneNumber), description: text(b.description),
			value: text(b.value), amount: num(b.value), currencyCode: currencyOf(b.value), discount: text(b.discount),
		}),
		dedupeKey: (b) => `airtime:${String(b.requestId)}:${String(b.status)}`,
	},
	airtimeValidation: {
		name: 'Airtime Validation',
		description: 'Africa\'s Talking asks whether to go ahead with an airtime top-up (answered Validated or Failed)',
		dashboard: 'Airtime → Callback URLs → Validation Callback URL',
		accepts: ['json'],
		answer: 'validation',
		required: ['transactionId'],
		normalize: validationFields,
		dedupeKey: (b) => `airtime-validation:${String(b.transactionId)}`,
	},
	paymentNotification: {
		name: 'Payment Notification',
		description: 'A payment (checkout, B2C, B2B, transfer, top-up) finished',
		dashboard: 'Payments → Products → (your product) → Notification Callback URL',
		accepts: ['json'],
		answer: 'ok',
		required: ['transactionId', 'status'],
		objects: ['requestMetadata', 'providerMetadata'],
		normalize: (b) => ({
			transactionId: text(b.transactionId), category: text(b.category), status: text(b.status), success: is(b.status, 'Success'), description: text(b.description),
			provider: text(b.provider), providerRefId: text(b.providerRefId), providerChannel: text(b.providerChannel), clientAccount: text(b.clientAccount),
			productName: text(b.productName), sourceType: text(b.sourceType), source: text(b.source), destinationType: text(b.destinationType), destination: text(b.destination),
			value: text(b.value), amount: num(b.value), currencyCode: currencyOf(b.value), transactionFee: text(b.transactionFee), providerFee: text(b.providerFee),
			requestMetadata: (b.requestMetadata as IDataObject) ?? {}, providerMetadata: (b.providerMetadata as IDataObject) ?? {}, transactionDate: text(b.transactionDate),
		}),
		dedupeKey: (b) => `payment:${String(b.transactionId)}:${String(b.status)}`,
	},
	paymentValidation: {
		name: 'Payment Validation',
		description: 'Africa\'s Talking asks whether to accept a C2B or B2C payment (answered Validated or Failed)',
		dashboard: 'Payments → Products → (your product) → Validation Callback URL',
		accepts: ['json'],
		answer: 'validation',
		required: ['transactionId'],
		objects: ['metadata', 'providerMetadata'],
		normalize: (b) => ({
			...validationFields(b), provider: text(b.provider), clientAccount: text(b.clientAccount), productName: text(b.productName), value: text(b.value),
			metadata: (b.metadata as IDataObject) ?? {}, providerMetadata: (b.providerMetadata as IDataObject) ?? {},
		}),
		dedupeKey: (b) => `payment-validation:${String(b.transactionId)}`,
	},
	simSwapResult: {
		name: 'SIM Swap Result',
		description: 'The result of a SIM swap check (Insights → Check SIM Swap) arrived',
		dashboard: 'Insights → SIM Swap → Callback URL',
		accepts: ['json', 'form'],
		answer: 'ok',
		required: ['requestId', 'status'],
		normalize: simSwapResult,
		dedupeKey: (b) => `simswap:${String(b.requestId)}:${String(b.status)}`,
	},
	chatCallback: {
		name: 'WhatsApp or Chat Callback (as Received)',
		description:
			"A WhatsApp or Chat message or status arrived: Africa's Talking documents no fields for it, so its JSON body is passed on unchanged (no dedupeKey)",
		dashboard: 'WhatsApp (or Chat) → (your number or product) → Callback URL',
		accepts: ['json'],
		answer: 'ok',
		required: [],
		asReceived: true,
		normalize: (b) => b,
		dedupeKey: () => '',
	},
} satisfies Record<string, EventSpec>;

export type EventName = keyof typeof EVENTS;

/** Each event's label, for the node's subtitle. */
export const EVENT_LABELS = Object.fromEntries(Object.entries(EVENTS).map(([event, spec]) => [event, spec.name]));

/** Why a request is not this event, or undefined when it is. */
export function rejectionReason(spec: EventSpec, contentType: ContentType | undefined, body: unknown): string | undefined {
	if (!contentType || !spec.accepts.includes(contentType)) {
		return `Expected ${spec.accepts.map((c) => (c === 'form' ? 'application/x-www-form-urlencoded' : 'application/json')).join(' or ')}`;
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) return 'Expected an object body';
	if (nestedDeeperThan(body, MAX_BODY_DEPTH)) return `The body is nested more than ${MAX_BODY_DEPTH} levels deep`;
	const fields = body as IDataObject;
	const expected = [...spec.required, ...(spec.present ?? [])];
	const notScalar = expected.filter((f) => fields[f] !== undefined && fields[f] !== null && !isScalar(fields[f]));
	if (notScalar.length) return unexpectedValueReason(notScalar);
	const missing = spec.required.filter((f) => fields[f] === undefined || fields[f] === null || String(fields[f]).trim() === '');
	missing.push(...(spec.present ?? []).filter((f) => fields[f] === undefined || fields[f] === null));
	if (missing.length) return `Missing ${missing.join(', ')} for the ${spec.name} event`;
	return undefined;
}

/**
 * What the workflow receives: clean fields, AT's raw fields, and the dedupe key. Optional fields
 * are read through a view on which an object where text belongs reads as absent and is listed in
 * `unexpected` (never converted: `String()` of such an object can throw).
 */
export function eventOutput(event: EventName, body: IDataObject, unexpected: string[] = []): IDataObject {
	const spec: EventSpec = EVENTS[event];
	if (spec.asReceived) return body;
	const fields = scalarFieldsView(body, spec.objects ?? [], unexpected);
	const clean = Object.fromEntries(Object.entries(spec.normalize(fields)).filter(([, v]) => v !== undefined));
	return { event, dedupeKey: spec.dedupeKey(fields), ...clean, raw: body };
}

/** The event's output, or why the request is not this event (answered 400, starting nothing). */
export function readCallback(event: EventName, contentType: ContentType | undefined, body: unknown): { output: IDataObject } | { reason: string } {
	const reason = rejectionReason(EVENTS[event], contentType, body);
	if (reason) return { reason };
	const unexpected: string[] = [];
	const output = eventOutput(event, body as IDataObject, unexpected);
	return unexpected.length ? { reason: unexpectedValueReason(unexpected) } : { output };
}
