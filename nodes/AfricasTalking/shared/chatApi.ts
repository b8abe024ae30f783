import {
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { CREDENTIAL_NAME } from '../../AfricasTalkingCommon/environment';
import { throwApiError } from './errors';
import type { PostReceive, PreSend } from './routing';

/**
 * What WhatsApp and Chat share: AT serves them on chat.africastalking.com only (no sandbox), their
 * bodies are nested JSON built from several fields at once, and AT reports a refusal as a
 * `statusCode` inside a JSON answer that may come with HTTP 2xx.
 */

/** How a builder refuses a value: the field's label, what is wrong, and what to do. */
export type Refuse = (message: string, description: string) => never;

const E164 = /^\+[1-9]\d{6,14}$/;

export function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

export function requireText(value: unknown, field: string, refuse: Refuse, what = 'Enter a value.'): string {
	const clean = text(value);
	if (clean === '') refuse(`"${field}" is empty`, what);
	return clean;
}

export function requirePhone(value: unknown, field: string, refuse: Refuse): string {
	const phone = requireText(value, field, refuse, 'Enter the number in international format, e.g. +254711XXXYYY.');
	if (!E164.test(phone)) {
		refuse(`Invalid phone number "${phone}" in "${field}"`, 'Africa\'s Talking needs international E.164 format with a leading "+", e.g. +254711XXXYYY.');
	}
	return phone;
}

export function requireHttpsUrl(value: unknown, field: string, refuse: Refuse, what: string): string {
	const url = requireText(value, field, refuse, what);
	if (!/^https:\/\/[^\s/]+\.[^\s]+$/.test(url)) {
		refuse(`Invalid URL "${url}" in "${field}"`, "WhatsApp fetches media over HTTPS only: give a public https:// URL.");
	}
	return url;
}

/** The media kinds AT's WhatsApp and Chat APIs take (AT's Python SDK, Whatsapp.py and Chat.py). */
const MEDIA_TYPES = ['Image', 'Audio', 'Video', 'Sticker', 'Voice'] as const;
/** WhatsApp shows a caption only under an image or a video. */
export const CAPTIONED_MEDIA = ['Image', 'Video'];

export function mediaTypeOf(value: unknown, field: string, refuse: Refuse): string {
	const mediaType = text(value);
	if (!(MEDIA_TYPES as readonly string[]).includes(mediaType)) {
		refuse(`Unknown media type "${mediaType}" in "${field}"`, `Use one of ${MEDIA_TYPES.join(', ')}.`);
	}
	return mediaType;
}

export const mediaTypeField: INodeProperties = {
	displayName: 'Media Type',
	name: 'mediaType',
	type: 'options',
	default: 'Image',
	options: MEDIA_TYPES.map((value) => ({ name: value, value })),
};

/** The builder's refusals as NodeOperationErrors naming the item, before anything is sent. */
function refuserFor(context: IExecuteSingleFunctions): Refuse {
	const itemIndex = context.getItemIndex();
	return (message: string, description: string): never => {
		throw new NodeOperationError(context.getNode(), `${message} (item ${itemIndex + 1})`, { itemIndex, description });
	};
}

/**
 * A preSend that builds the whole JSON body from the operation's parameters (read with their
 * expressions resolved). The shared request step then adds the username.
 */
export function bodyFrom(build: (parameter: (name: string) => unknown, refuse: Refuse) => IDataObject): PreSend {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const parameter = (name: string) => this.getNodeParameter(name, '');
		options.body = { ...((options.body ?? {}) as IDataObject), ...build(parameter, refuserFor(this)) };
		return options;
	};
}

/** AT has no sandbox for WhatsApp or Chat: a sandbox credential is refused before any request. */
export function liveOnly(product: string): PreSend {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const credentials = await this.getCredentials(CREDENTIAL_NAME);
		if (credentials.environment === 'sandbox') {
			const itemIndex = this.getItemIndex();
			throw new NodeOperationError(this.getNode(), `Africa's Talking has no sandbox for ${product}: nothing was sent (item ${itemIndex + 1})`, {
				itemIndex,
				description: `${product} works only with a live app. Choose an Africa's Talking credential with Environment: Live (your app's username and live API key).`,
			});
		}
		return options;
	};
}

/** A JSON answer whose `statusCode` is 400 or more is a refusal, even with HTTP 2xx. */
export function refusedStatusCode(body: unknown): number | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const code = Number((body as IDataObject).statusCode);
	return Number.isFinite(code) && code >= 400 ? code : undefined;
}

export function rejectStatusCode(action: string, hint: string): PostReceive {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[], response: IN8nHttpFullResponse) {
		const code = refusedStatusCode(response.body);
		if (code === undefined) return items;
		const body = response.body as IDataObject;
		const reason = text(body.description ?? body.errorMessage ?? body.message ?? body.status) || `statusCode ${code}`;
		return await throwApiError.call(this, `Africa's Talking could not ${action}: ${reason} (statusCode ${code})`, hint, String(code), { statusCode: code, reason });
	};
}
