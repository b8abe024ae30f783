/**
 * Africa's Talking's live hosts, one per product. Operations name the live host; the sandbox
 * host is derived per request from that request's credential (never from shared state), so
 * live and sandbox credentials can run side by side in one n8n.
 */
export const AT_BASE_URL = {
	api: 'https://api.africastalking.com',
	premium: 'https://content.africastalking.com',
	voice: 'https://voice.africastalking.com',
	data: 'https://bundles.africastalking.com',
	payments: 'https://payments.africastalking.com',
} as const;

export type Environment = 'live' | 'sandbox';

export function baseUrlForEnvironment(liveBaseUrl: string, environment: unknown): string {
	if (environment !== 'sandbox') return liveBaseUrl;
	// Premium SMS has no sandbox host of its own: the sandbox serves it on the API host.
	if (liveBaseUrl === AT_BASE_URL.premium) return 'https://api.sandbox.africastalking.com';
	return liveBaseUrl.replace(/^https:\/\/([a-z]+)\.africastalking\.com/, 'https://$1.sandbox.africastalking.com');
}
