import { isScalar, nestedDeeperThan, sameSecret, scalarFieldsView, unexpectedValueReason } from '../../nodes/common/untrustedInput';

// Shared by the triggers of both packages: reading what strangers post to a webhook.
describe('untrusted input', () => {
	it('bounds depth without recursion, even 100,000 levels deep', () => {
		expect(nestedDeeperThan({ a: { b: { c: 1 } } }, 3)).toBe(false);
		expect(nestedDeeperThan({ a: { b: { c: {} } } }, 3)).toBe(true);
		expect(nestedDeeperThan({ a: [1, 2, [3]] }, 3)).toBe(false);
		expect(nestedDeeperThan({ a: [1, 2, [3]] }, 2)).toBe(true);
		expect(nestedDeeperThan(JSON.parse(`${'['.repeat(100000)}${']'.repeat(100000)}`), 32)).toBe(true);
		expect(nestedDeeperThan('text', 0)).toBe(false);
	});

	it('reads objects where text belongs as absent, lists them once, and never converts them', () => {
		const hostile = JSON.parse('{"id":{"toString":1,"valueOf":2},"list":["a"],"meta":{"k":"v"},"text":"hi","n":0,"flag":false,"none":null}');
		const unexpected: string[] = [];
		const view = scalarFieldsView(hostile, ['meta'], unexpected);
		expect([view.id, view.id, view.list, view.meta, view.text, view.n, view.flag, view.none]).toEqual([undefined, undefined, undefined, { k: 'v' }, 'hi', 0, false, null]);
		expect(unexpected).toEqual(['id', 'list']);
		expect(typeof view.toString).toBe('function');
		expect(() => String(hostile.id)).toThrow(/Cannot convert object to primitive value/);
		expect(unexpectedValueReason(unexpected)).toBe('Unexpected value for id, list: expected text or a number');
	});

	it('knows scalars', () => {
		expect(['a', 1, true].every(isScalar)).toBe(true);
		expect([null, undefined, {}, [], () => 1].some(isScalar)).toBe(false);
	});

	it('compares secrets of any length, and only strings', () => {
		expect(sameSecret('s3cret+/=&%', 's3cret+/=&%')).toBe(true);
		expect(sameSecret('s3cret+/=&', 's3cret+/=&%')).toBe(false);
		expect(sameSecret(undefined, 's3cret')).toBe(false);
		expect(sameSecret(['s3cret'], 's3cret')).toBe(false);
	});
});
