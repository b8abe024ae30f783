import {
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
} from 'n8n-workflow';
import { encodeFormValue, withoutEmpty } from '../../common/values';
import { africasTalkingUsername, AT_BASE_URL, baseUrlForEnvironment, CREDENTIAL_NAME } from '../../AfricasTalkingCommon/environment';

/**
 * A JSON body carries the username first, as most of AT's SDKs send it. An operation whose SDK puts
 * it elsewhere (AT's Node SDK sends WhatsApp's `{ ...payload, username }`) writes the key `username`
 * with this value where it belongs; the credential's username then takes its place.
 */
export const USERNAME_IN_PLACE = '(the credential username)';

/** How an endpoint takes its parameters: form body, JSON body, or query string. */
export type Encoding = 'form' | 'json' | 'query';

/** The Content-Type an operation declares for its body; an operation without one sends a query string. */
export const CONTENT_TYPE = { form: 'application/x-www-form-urlencoded', json: 'application/json' } as const;

async function getCredentialsChecked(this: IExecuteSingleFunctions): Promise<{
	credentials: ICredentialDataDecryptedObject;
	username: string;
}> {
	const credentials = await this.getCredentials(CREDENTIAL_NAME);
	try {
		return { credentials, username: africasTalkingUsername(credentials) };
	} catch (error) {
		throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: this.getItemIndex() });
	}
}

function toFormValue(value: unknown): string {
	if (typeof value === 'boolean') return value ? '1' : '0';
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

function declaredEncoding(options: IHttpRequestOptions): Encoding {
	const contentType = (options.headers ?? {})['Content-Type'];
	if (contentType === CONTENT_TYPE.form) return 'form';
	if (contentType === CONTENT_TYPE.json) return 'json';
	return 'query';
}

/**
 * The one place a request gets its environment's host, the credential's username, and its
 * encoding (the Content-Type its operation declares). It runs after every field's own check:
 * see `prepareRequestStep`.
 */
export async function prepareRequest(this: IExecuteSingleFunctions, options: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const { credentials, username } = await getCredentialsChecked.call(this);
	options.baseURL = baseUrlForEnvironment(options.baseURL ?? AT_BASE_URL.api, credentials.environment);
	const encoding = declaredEncoding(options);
	const body = withoutEmpty(options.body as IDataObject);
	const qs = withoutEmpty(options.qs);
	if (encoding === 'query') {
		options.qs = { username, ...qs };
		delete options.body;
	} else if (encoding === 'form') {
		options.body = Object.entries({ username, ...body })
			.map(([key, value]) => `${encodeFormValue(key)}=${encodeFormValue(toFormValue(value))}`)
			.join('&');
		options.qs = qs;
	} else {
		options.body = body.username === USERNAME_IN_PLACE ? { ...body, username } : { username, ...body };
		options.json = true;
		options.qs = qs;
	}
	return options;
}
