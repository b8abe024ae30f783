import { createHmac, timingSafeEqual } from 'crypto';

const HEX_SHA256 = /^[0-9a-f]{64}$/i;
const BASE64_SHA256 = /^[A-Za-z0-9+/]{43}=?$/;
const BASE64URL_SHA256 = /^[A-Za-z0-9_-]{43}=?$/;

/**
 * The 32 bytes an X-TalkNTalk-Signature header claims. TalkNTalk documents only "HMAC-SHA256", so
 * hex (any case) and base64 (or base64url) are accepted, with or without a `sha256=` prefix.
 */
function claimedDigest(header: string): Buffer | undefined {
	const value = header.trim().replace(/^sha256=/i, '').trim();
	if (HEX_SHA256.test(value)) return Buffer.from(value, 'hex');
	if (BASE64_SHA256.test(value)) return Buffer.from(value, 'base64');
	if (BASE64URL_SHA256.test(value)) return Buffer.from(value, 'base64url');
	return undefined;
}

/**
 * Whether the header is the HMAC-SHA256 of the raw request bytes with the secret. The digests are
 * compared in constant time; what decides early (a header of the wrong shape) depends only on
 * the header, never on the secret.
 */
export function validSignature(rawBody: Buffer | undefined, header: unknown, secret: string): boolean {
	if (typeof header !== 'string' || secret === '' || rawBody === undefined) return false;
	const claimed = claimedDigest(header);
	const expected = createHmac('sha256', secret).update(rawBody).digest();
	if (!claimed || claimed.length !== expected.length) return false;
	return timingSafeEqual(claimed, expected);
}
