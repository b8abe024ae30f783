import type { IHookFunctions } from 'n8n-workflow';

/**
 * The webhook lifecycle of a provider with no API to register webhook URLs (the user pastes the
 * URL in the provider's dashboard): there is nothing to create, check or delete.
 */
export const pastedUrlWebhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async create(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			return true;
		},
	},
};
