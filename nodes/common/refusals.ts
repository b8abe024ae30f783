import { NodeOperationError } from 'n8n-workflow';

/**
 * How a node's own refusal says that nothing reached the provider. n8n's declarative engine shows
 * a node's refusal under the provider's name ("From <provider>"), so the message itself must say
 * that the provider never got the request. Every step that runs before a request (a field's
 * check, an operation's preSend, a campaign's pagination) goes through `refusingLocally`:
 * `declarativeRouting` wraps an operation's steps, a field's check wraps itself.
 */

/** The sentence every local refusal ends with. */
export function nothingSentTo(provider: string): string {
	return `Nothing was sent to ${provider}.`;
}

/** Adds the sentence to a node's own refusal (once); other errors (the provider's answers) are left alone. */
export function markNothingSent<E>(error: E, provider: string): E {
	if (error instanceof NodeOperationError && !error.message.includes('Nothing was sent')) {
		error.message = `${error.message.replace(/\.?\s*$/, '.')} ${nothingSentTo(provider)}`;
	}
	return error;
}

/** A step (a preSend, a pagination function) whose own refusals say that nothing was sent. */
export function refusingLocally<This, Args extends unknown[], Result>(provider: string, step: (this: This, ...args: Args) => Promise<Result>) {
	return async function (this: This, ...args: Args): Promise<Result> {
		try {
			return await step.apply(this, args);
		} catch (error) {
			throw markNothingSent(error, provider);
		}
	};
}
