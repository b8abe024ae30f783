import { createHash, timingSafeEqual } from 'crypto';

/**
 * Reading what a stranger posted to a webhook: JSON parsed by n8n can be nested thousands of
 * levels deep, or hold objects where text is expected (with their own `toString`/`valueOf`
 * keys, which make `String(value)` throw). Nothing here recurses or converts such values.
 */

/** How deep a callback body may be: provider callbacks are 2–3 levels (body, metadata, values). */
export const MAX_BODY_DEPTH = 32;

/** True when the value nests objects or arrays more than `maxDepth` levels (walked without recursion). */
export function nestedDeeperThan(value: unknown, maxDepth: number): boolean {
	const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
	while (pending.length) {
		const { value: current, depth } = pending.pop()!;
		if (current === null || typeof current !== 'object') continue;
		if (depth + 1 > maxDepth) return true;
		for (const child of Object.values(current)) {
			if (child !== null && typeof child === 'object') pending.push({ value: child, depth: depth + 1 });
		}
	}
	return false;
}

/** Text, a number or a boolean: a value a callback field can hold and that converts to text safely. */
export function isScalar(value: unknown): value is string | number | boolean {
	return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** The reason to give when fields that must be text or a number are not. */
export function unexpectedValueReason(fields: string[]): string {
	return `Unexpected value for ${fields.join(', ')}: expected text or a number`;
}

/**
 * The body, seen through a view on which a field holding an object or array (other than
 * `objectFields`) reads as absent and is added to `unexpected`. Code that turns fields into text
 * then never meets an object, however it reads them; the caller refuses the body afterwards.
 */
export function scalarFieldsView<T extends object>(body: T, objectFields: readonly string[], unexpected: string[]): T {
	return new Proxy(body, {
		get(target, key, receiver) {
			const value: unknown = Reflect.get(target, key, receiver);
			if (typeof key !== 'string' || !Object.prototype.hasOwnProperty.call(target, key) || objectFields.includes(key)) return value;
			if (value === null || typeof value !== 'object') return value;
			if (!unexpected.includes(key)) unexpected.push(key);
			return undefined;
		},
	});
}

/** Compares in constant time, whatever the lengths, so a secret cannot be guessed by timing. */
export function sameSecret(given: unknown, expected: string): boolean {
	if (typeof given !== 'string') return false;
	const a = createHash('sha256').update(given).digest();
	const b = createHash('sha256').update(expected).digest();
	return timingSafeEqual(a, b);
}
