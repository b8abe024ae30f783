import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/**
 * Everything that differs between Africa's Talking's live and sandbox environments, in one place
 * for the nodes and the credential: hosts per product, and the username.
 */
export const CREDENTIAL_NAME = 'africasTalkingApi';

/** The provider's name as errors say it (e.g. "Nothing was sent to Africa's Talking."). */
export const PROVIDER = "Africa's Talking";

/**
 * Live hosts, one per product. Operations name the live host; the sandbox host is derived per
 * request from that request's credential (never from shared state), so live and sandbox
 * credentials can run side by side in one n8n.
 */
export const AT_BASE_URL = {
	api: 'https://api.africastalking.com',
	premium: 'https://content.africastalking.com',
	voice: 'https://voice.africastalking.com',
	data: 'https://bundles.africastalking.com',
	payments: 'https://payments.africastalking.com',
	insights: 'https://insights.africastalking.com',
	/** WhatsApp and Chat: live only, AT has no sandbox for them (see nodes/AfricasTalking/shared/chatApi.ts). */
	chat: 'https://chat.africastalking.com',
} as const;

export const SANDBOX_API_URL = 'https://api.sandbox.africastalking.com';

export function baseUrlForEnvironment(liveBaseUrl: string, environment: unknown): string {
	if (environment !== 'sandbox') return liveBaseUrl;
	// Premium SMS has no sandbox host of its own: the sandbox serves it on the API host.
	if (liveBaseUrl === AT_BASE_URL.premium) return SANDBOX_API_URL;
	return liveBaseUrl.replace(/^https:\/\/([a-z]+)\.africastalking\.com/, 'https://$1.sandbox.africastalking.com');
}

/** The username AT gives every sandbox app; live apps never have it. */
export const SANDBOX_USERNAME = 'sandbox';

/**
 * The username to send for these credentials. In the sandbox it is always `sandbox`, so the
 * field is hidden there; a live credential that says `sandbox` is the classic mix-up, refused
 * here with the exact change to make.
 */
export function africasTalkingUsername(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.environment === 'sandbox') return SANDBOX_USERNAME;
	const username = String(credentials.username ?? '').trim();
	if (!username) {
		throw new Error(
			"The Africa's Talking credential has no username. Enter your live app's username, or set Environment to Sandbox.",
		);
	}
	if (username.toLowerCase() === SANDBOX_USERNAME) {
		throw new Error(
			"The Africa's Talking credential says Environment: Live but Username: sandbox. 'sandbox' is the sandbox app's username: set Environment to Sandbox (with an API key from the sandbox app), or enter your live app's username.",
		);
	}
	return username;
}
