import {
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
} from 'n8n-workflow';
import { africasTalkingUsername } from '../../../credentials/AfricasTalkingApi.credentials';
import { AT_BASE_URL, baseUrlForEnvironment } from './hosts';
import { withoutEmpty } from '../../common/values';

export const CREDENTIAL_NAME = 'africasTalkingApi';

/** How an endpoint takes its parameters: form body, JSON body, or query string. */
export type Encoding = 'form' | 'json' | 'query';

export async function getCredentialsChecked(this: IExecuteSingleFunctions): Promise<{
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

/**
 * The one place a request gets its environment's host, the credential's username, and its
 * body encoding. Runs last among an operation's preSend steps.
 */
export function prepareRequest(encoding: Encoding) {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const { credentials, username } = await getCredentialsChecked.call(this);
		options.baseURL = baseUrlForEnvironment(options.baseURL ?? AT_BASE_URL.api, credentials.environment);
		const body = withoutEmpty(options.body as IDataObject);
		const qs = withoutEmpty(options.qs);
		if (encoding === 'query') {
			options.qs = { username, ...qs };
			delete options.body;
		} else if (encoding === 'form') {
			const form = new URLSearchParams();
			for (const [key, value] of Object.entries({ username, ...body })) form.append(key, toFormValue(value));
			options.body = form.toString();
			options.headers = { ...options.headers, 'Content-Type': 'application/x-www-form-urlencoded' };
			options.qs = qs;
		} else {
			options.body = { username, ...body };
			options.headers = { ...options.headers, 'Content-Type': 'application/json' };
			options.json = true;
			options.qs = qs;
		}
		return options;
	};
}
