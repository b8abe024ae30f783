import { NodeOperationError, type IDataObject, type IExecuteSingleFunctions, type IHttpRequestOptions, type INode, type INodeProperties, type INodePropertyRouting, type IDisplayOptions } from 'n8n-workflow';
import { AT_BASE_URL, CREDENTIAL_NAME } from '../../AfricasTalkingCommon/environment';
import { checkedPhoneNumber } from '../../AfricasTalkingCommon/phoneNumbers';
import { httpsUrl } from './validation';
import { bodyToItem, requireStatus } from './responses';
import type { StatusRule } from '../../common/statusRule';
import { operationRouting, type PreSend } from './routing';

/**
 * What WhatsApp and Chat share: AT serves them on chat.africastalking.com only (no sandbox), their
 * bodies are nested JSON built from several fields at once, and AT reports a refusal as a
 * `statusCode` inside a JSON answer that may come with HTTP 2xx.
 */

/**
 * How a builder refuses a value (the field's label, what is wrong, and what to do), with the node
 * and item the node's shared checks (phone numbers, URLs) name in their own refusals.
 */
export interface Refuse {
	(message: string, description: string): never;
	node: INode;
	itemIndex: number;
}

export function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

export function requireText(value: unknown, field: string, refuse: Refuse, what = 'Enter a value.'): string {
	const clean = text(value);
	if (clean === '') refuse(`"${field}" is empty`, what);
	return clean;
}

/** A number in E.164 (spaces, dashes and dots inside it ignored), checked as every phone field is. */
export function requirePhone(value: unknown, field: string, refuse: Refuse): string {
	const phone = requireText(value, field, refuse, 'Enter the number in international format, e.g. +254711XXXYYY.');
	return checkedPhoneNumber(refuse.node, phone, field, refuse.itemIndex);
}

export function requireHttpsUrl(value: unknown, field: string, refuse: Refuse, what: string): string {
	return httpsUrl(refuse.node, requireText(value, field, refuse, what), field, refuse.itemIndex);
}

/** A media type from the product's own list (WhatsApp and Chat take different ones). */
export function mediaTypeOf(value: unknown, mediaTypes: readonly string[], refuse: Refuse): string {
	const mediaType = text(value);
	if (!mediaTypes.includes(mediaType)) refuse(`Unknown media type "${mediaType}" in "Media Type"`, `Use one of ${mediaTypes.join(', ')}.`);
	return mediaType;
}

/** The Media Type field offering `mediaTypes` (written in alphabetical order, as n8n's lint asks). */
export function mediaTypeField(mediaTypes: readonly string[], show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'Media Type',
		name: 'mediaType',
		type: 'options',
		default: 'Image',
		options: mediaTypes.map((value) => ({ name: value, value })),
		displayOptions: { show },
	};
}

/** The builder's refusals as NodeOperationErrors naming the item, before anything is sent. */
function refuserFor(context: IExecuteSingleFunctions): Refuse {
	const node = context.getNode();
	const itemIndex = context.getItemIndex();
	const refuse = (message: string, description: string): never => {
		throw new NodeOperationError(node, `${message} (item ${itemIndex + 1})`, { itemIndex, description });
	};
	return Object.assign(refuse, { node, itemIndex });
}

/**
 * A preSend that builds the whole JSON body from the operation's parameters (read with their
 * expressions resolved); its refusals say that nothing was sent, as every local check does. The
 * shared request step then adds the username.
 */
export type BodyBuilder = (parameter: (name: string) => unknown, refuse: Refuse) => IDataObject;

function bodyFrom(build: BodyBuilder): PreSend {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const parameter = (name: string) => this.getNodeParameter(name, '');
		options.body = { ...((options.body ?? {}) as IDataObject), ...build(parameter, refuserFor(this)) };
		return options;
	};
}

/** AT has no sandbox for WhatsApp or Chat: a sandbox credential is refused before any request. */
function liveOnly(product: string): PreSend {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const credentials = await this.getCredentials(CREDENTIAL_NAME);
		if (credentials.environment === 'sandbox') {
			const itemIndex = this.getItemIndex();
			throw new NodeOperationError(this.getNode(), `Africa's Talking has no sandbox for ${product} (item ${itemIndex + 1})`, {
				itemIndex,
				description: `${product} works only with a live app. Choose an Africa's Talking credential with Environment: Live (your app's username and live API key).`,
			});
		}
		return options;
	};
}

/**
 * WhatsApp and Chat answers: a JSON `statusCode` decides when present (400 or more is a refusal,
 * even with HTTP 2xx); otherwise a status word; an answer saying neither (a template's
 * `templateId`) is taken by its HTTP 2xx.
 */
export const CHAT_RULE: StatusRule = {
	answer: 'WhatsApp and Chat',
	codeField: 'statusCode',
	statusField: 'status',
	success: ['Success', 'Sent', 'Queued', 'Submitted'],
	failure: ['Failed', 'Error', 'Rejected'],
	errorField: 'errorMessage',
	whenSilent: 'success',
};

/**
 * A WhatsApp or Chat operation's routing: a POST of a JSON body to AT's chat host, live apps only,
 * the body made by `build` from the parameters (its refusals stop the item before any request),
 * and a JSON statusCode of 400 or more read as AT refusing: "could not <action>", then `hint`.
 */
export function chatApiRouting(product: 'WhatsApp' | 'Chat', url: string, build: BodyBuilder, failure: { action: string; hint: string }): INodePropertyRouting {
	return operationRouting({
		method: 'POST',
		url,
		baseURL: AT_BASE_URL.chat,
		encoding: 'json',
		preSend: [liveOnly(product), bodyFrom(build)],
		postReceive: [requireStatus({ rule: CHAT_RULE, action: failure.action, hint: failure.hint, reasonFields: ['description', 'errorMessage', 'message'], output: bodyToItem })],
	});
}
