import type { IDataObject } from 'n8n-workflow';
import { responseText } from '../../common/items';
import { httpErrorStep } from '../../common/routing';
import { CREDENTIAL_NAME } from '../../TalkNTalkCommon/environment';

/** TalkNTalk's error codes for the statuses the docs list, where the body carries none. */
const STATUS_CODES: Record<number, string> = { 401: 'authentication_failed', 402: 'insufficient_balance', 403: 'permission_denied', 429: 'throttled' };

const HINTS: Record<number, string> = {
	400: 'TalkNTalk names the field it refused: check that field of the node (numbers as 2547XXXXXXXX, a sender ID approved for your organisation).',
	401: 'Check the API key of the TalkNTalk credential: it must be the active key of your organisation (regenerating or revoking a key stops the old one at once).',
	402: 'Top up the TalkNTalk wallet of your organisation, then run the item again (recipients already queued are listed in the output).',
	403: 'Your API key has no permission for this: check your organisation in the TalkNTalk dashboard. DRF-style servers also answer 403 for a missing or wrong key.',
	404: 'The ID you gave does not exist in your organisation (or the page is past the last one).',
	429: 'TalkNTalk is rate limiting your organisation (300 requests/min, 60/min for bulk sends): lower "Max Requests per Minute" in the node options, or wait and try again.',
};

/** The first `field: message` of a Django REST Framework field-error body ({"mobile": ["This field is required."]}). */
function fieldErrors(body: IDataObject): string {
	return Object.entries(body)
		.filter(([, value]) => Array.isArray(value) && value.every((entry) => typeof entry === 'string'))
		.map(([field, value]) => (field === 'non_field_errors' ? (value as string[]).join(' ') : `${field}: ${(value as string[]).join(' ')}`))
		.join('; ');
}

/** TalkNTalk's reason, from `detail`, `error`, `code` or DRF field arrays, whichever the body has. */
export function reasonOf(body: unknown): string {
	if (body && typeof body === 'object' && !Buffer.isBuffer(body)) {
		const json = body as IDataObject;
		for (const key of ['detail', 'message', 'error', 'code']) {
			if (typeof json[key] === 'string' && json[key] !== '') return json[key] as string;
		}
		const fields = fieldErrors(json);
		if (fields) return fields;
	}
	return responseText(body).trim().slice(0, 1000);
}

function codeOf(body: unknown, statusCode: number): string {
	const json = (body && typeof body === 'object' ? body : {}) as IDataObject;
	const code = [json.error, json.code].find((value) => typeof value === 'string' && /^[a-z_]+$/.test(value));
	return (code as string | undefined) ?? STATUS_CODES[statusCode] ?? `http_${statusCode}`;
}

export function hintFor(statusCode: number): string {
	if (statusCode >= 500) return 'A temporary failure at TalkNTalk: try again later.';
	return HINTS[statusCode] ?? '';
}

/**
 * First postReceive step of every operation: HTTP errors become a NodeApiError with TalkNTalk's
 * own reason, what to check, and TalkNTalk's error code in its context.
 */
export const throwOnHttpError = httpErrorStep({
	credentialName: CREDENTIAL_NAME,
	rejected: 'TalkNTalk rejected the API key',
	refused: 'TalkNTalk refused the request',
	reasonOf,
	hintFor,
	context: (response) => ({ code: codeOf(response.body, response.statusCode) }),
});
