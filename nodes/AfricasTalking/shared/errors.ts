import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { redactedApiError, responseText } from '../../common/items';
import { httpErrorStep } from '../../common/routing';
import { CREDENTIAL_NAME } from '../../AfricasTalkingCommon/environment';

function describeStatus(statusCode: number, environment: unknown, username: unknown): string {
	if (statusCode === 401) {
		return environment === 'sandbox'
			? "Check that the API key was generated in the sandbox app (the sandbox has its own key; a live key is refused there)."
			: `Check that the API key belongs to the live app "${String(username)}" and was not regenerated since. A sandbox key works only with Environment: Sandbox.`;
	}
	if (statusCode === 400) return "Africa's Talking names the parameter it refused: check that field of the node.";
	if (statusCode === 404) return "This Africa's Talking product may not be enabled for your app, or the ID you gave does not exist.";
	if (statusCode === 409) {
		return 'Africa\'s Talking refuses a repeated Idempotency-Key: this exact request was already made and was not sent again. Check the earlier execution before retrying.';
	}
	if (statusCode === 429) return 'Africa\'s Talking is rate limiting this app: slow the workflow down (Settings → Batching) and try again.';
	if (statusCode >= 500) return 'A temporary failure at Africa\'s Talking: try again later.';
	return '';
}

/** Throws a NodeApiError carrying only redacted text: never the request, never the API key. */
export async function throwApiError(
	this: IExecuteSingleFunctions,
	message: string,
	description: string,
	httpCode: string,
	details: IDataObject = {},
	context: IDataObject = {},
): Promise<never> {
	const credentials = await this.getCredentials(CREDENTIAL_NAME);
	throw redactedApiError(this.getNode(), [credentials.apiKey], { message, description, httpCode, itemIndex: this.getItemIndex(), details, context });
}

/**
 * First postReceive step of every operation: HTTP errors become a NodeApiError with AT's own
 * reason (AT answers errors in plain text) and a hint about what to check.
 */
export const throwOnHttpError = httpErrorStep({
	credentialName: CREDENTIAL_NAME,
	rejected: "Africa's Talking rejected the credentials",
	refused: "Africa's Talking refused the request",
	reasonOf: (body) => responseText(body).trim().slice(0, 1000),
	hintFor: (statusCode, credentials) => describeStatus(statusCode, credentials.environment, credentials.username),
});
