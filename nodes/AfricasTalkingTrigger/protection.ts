import { createHash, timingSafeEqual } from 'crypto';

/** Compares in constant time, whatever the lengths, so the secret cannot be guessed by timing. */
export function sameSecret(given: unknown, expected: string): boolean {
	if (typeof given !== 'string') return false;
	const a = createHash('sha256').update(given).digest();
	const b = createHash('sha256').update(expected).digest();
	return timingSafeEqual(a, b);
}

function ipv4ToNumber(ip: string): number | undefined {
	const parts = ip.split('.');
	if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
	return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

export function normalizeIp(ip: string | undefined): string {
	return String(ip ?? '').replace(/^::ffff:/, '').trim();
}

/** True when the IP is in the list of addresses and IPv4 ranges (CIDR), e.g. "196.201.214.0/24, 127.0.0.1". */
export function ipAllowed(ip: string | undefined, allowlist: string): boolean {
	const address = normalizeIp(ip);
	return allowlist
		.split(/[,\s]+/)
		.filter(Boolean)
		.some((entry) => {
			const [base, bits] = entry.split('/');
			if (bits === undefined) return normalizeIp(base) === address;
			const a = ipv4ToNumber(address);
			const b = ipv4ToNumber(base);
			const size = Number(bits);
			if (a === undefined || b === undefined || !Number.isInteger(size) || size < 0 || size > 32) return false;
			const mask = size === 0 ? 0 : (~0 << (32 - size)) >>> 0;
			return (a & mask) >>> 0 === (b & mask) >>> 0;
		});
}
