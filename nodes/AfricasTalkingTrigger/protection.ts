import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { sameSecret } from '../common/untrustedInput';

/** The optional credential that protects the trigger (credentials/AfricasTalkingWebhookApi.credentials.ts). */
const WEBHOOK_CREDENTIAL = 'africasTalkingWebhookApi';

/** The credential's fields; n8n keeps them encrypted and never puts them in an execution. */
export interface WebhookProtection {
	secretToken?: string;
	ipAllowlist?: string;
}

function ipv4ToNumber(ip: string): number | undefined {
	const parts = ip.split('.');
	if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
	return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

function normalizeIp(ip: string | undefined): string {
	return String(ip ?? '').replace(/^::ffff:/, '').trim();
}

const allowlistEntries = (allowlist: string) => allowlist.split(/[,\s]+/).filter(Boolean);

/** True when the IP is in the list of addresses and IPv4 ranges (CIDR), e.g. "192.0.2.0/24, 198.51.100.7". */
export function ipAllowed(ip: string | undefined, allowlist: string): boolean {
	const address = normalizeIp(ip);
	return allowlistEntries(allowlist).some((entry) => {
		const [base, bits, extra] = entry.split('/');
		if (extra !== undefined) return false;
		if (bits === undefined) return normalizeIp(base) === address;
		const a = ipv4ToNumber(address);
		const b = ipv4ToNumber(base);
		const size = Number(bits);
		if (a === undefined || b === undefined || !Number.isInteger(size) || size < 0 || size > 32) return false;
		const mask = size === 0 ? 0 : (~0 << (32 - size)) >>> 0;
		return (a & mask) >>> 0 === (b & mask) >>> 0;
	});
}

/** Allowlist entries that are neither an IPv4 address, an IPv4 range (CIDR) nor an IPv6 address. */
export function invalidAllowlistEntries(allowlist: string): string[] {
	return allowlistEntries(allowlist).filter((entry) => {
		const [base, bits, extra] = entry.split('/');
		if (extra !== undefined) return true;
		if (bits !== undefined) return ipv4ToNumber(base) === undefined || !/^\d{1,2}$/.test(bits) || Number(bits) > 32;
		return ipv4ToNumber(base) === undefined && !(base.includes(':') && /^[0-9a-f:.]+$/i.test(base));
	});
}

function decoded(text: string): string | undefined {
	try {
		return decodeURIComponent(text);
	} catch {
		return undefined;
	}
}

/**
 * The values the `token` query parameter of a request URL can stand for. A pasted URL may carry a
 * Base64 token as it is (`+` meaning "+") or form-encoded (`+` meaning a space): both readings are
 * returned, each needing the whole secret. None when the parameter is absent, repeated or undecodable.
 */
export function tokenReadings(url: string): string[] {
	const query = url.split('#')[0].split('?').slice(1).join('?');
	const values = query
		.split('&')
		.map((pair) => {
			const at = pair.indexOf('=');
			return at < 0 ? { name: pair, value: '' } : { name: pair.slice(0, at), value: pair.slice(at + 1) };
		})
		.filter(({ name }) => decoded(name.replace(/\+/g, ' ')) === 'token')
		.map(({ value }) => value);
	if (values.length !== 1) return [];
	const readings = [decoded(values[0]), decoded(values[0].replace(/\+/g, ' '))].filter((v): v is string => v !== undefined);
	return [...new Set(readings)];
}

/** Why the request is refused (401 without the token, 403 from an address not allowed), or undefined. */
export function protectionRefusal(protection: WebhookProtection, request: { url: string; ip: string | undefined }): { status: number; reason: string } | undefined {
	const secret = String(protection.secretToken ?? '');
	if (secret !== '') {
		// Every reading is compared, in constant time, so timing tells nothing about which one matched.
		const matches = tokenReadings(request.url).map((reading) => sameSecret(reading, secret));
		if (!matches.includes(true)) return { status: 401, reason: 'Unauthorized' };
	}
	const allowlist = String(protection.ipAllowlist ?? '').trim();
	if (allowlist !== '' && !ipAllowed(request.ip, allowlist)) return { status: 403, reason: 'Forbidden' };
	return undefined;
}

/** What is wrong with the credential, for its Test button; never repeats the secret. */
export function protectionProblem(protection: IDataObject): string | undefined {
	const secret = String(protection.secretToken ?? '');
	const allowlist = String(protection.ipAllowlist ?? '').trim();
	if (secret === '' && allowlist === '') return 'Set a Secret Token, an IP Allowlist or both: an empty credential protects nothing';
	if (secret !== '' && secret.length < 16) return 'The Secret Token is too short: use at least 16 random characters (e.g. from `openssl rand -hex 32`)';
	if (secret !== secret.trim()) return 'The Secret Token starts or ends with a space: probably a copy-and-paste mistake';
	const invalid = invalidAllowlistEntries(allowlist);
	if (invalid.length) return `IP Allowlist: ${invalid.join(', ')} is not an address or an IPv4 range such as 192.0.2.0/24`;
	return undefined;
}

/**
 * Checks the request against the trigger's Africa's Talking Webhook credential, if one is set.
 * A credential that is set but cannot be read refuses everything: the webhook never opens by mistake.
 */
export async function webhookRefusal(this: IWebhookFunctions): Promise<{ status: number; reason: string } | undefined> {
	if (!this.getNode().credentials?.[WEBHOOK_CREDENTIAL]) return undefined;
	let protection: WebhookProtection;
	try {
		protection = (await this.getCredentials(WEBHOOK_CREDENTIAL)) as WebhookProtection;
	} catch {
		return { status: 500, reason: "The trigger's Africa's Talking Webhook credential could not be read" };
	}
	const req = this.getRequestObject();
	return protectionRefusal(protection, { url: req.originalUrl ?? req.url ?? '', ip: req.ip ?? req.socket?.remoteAddress });
}
