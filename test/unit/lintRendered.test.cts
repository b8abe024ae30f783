// `npm run lint:rendered` writes each built node description back out as TypeScript for n8n's
// lint: what it writes must parse to the same values, and its one exemption must stay narrow.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { render, sentenceCaseButProperNouns } = require('../../scripts/lint-rendered.js');

describe('rendering a built description as source', () => {
	it('writes strings, numbers, lists and nested objects back as literals with the same values', () => {
		const value = { displayName: "Africa's Talking", 'data-key': 'a\\b\nc', n: 3, yes: true, none: null, list: [1, 'two', { x: [] }], empty: {} };
		// eslint-disable-next-line no-new-func
		expect(new Function(`return ${render(value)};`)()).toEqual(value);
	});

	it('leaves undefined out and writes functions (preSend steps, resolvers) as a placeholder', () => {
		const source = render({ routing: { send: { preSend: [async () => ({})] } }, hidden: undefined });
		expect(source).not.toMatch(/hidden/);
		expect(source).toMatch(/preSend: \[\n\s*\(\) => builtByCode,/);
	});
});

describe("the action text exemption from n8n's sentence-case rule", () => {
	it.each(['Send a WhatsApp message', 'Start a Safaricom subscription', 'Get many sender IDs', 'Send SMS to many numbers', 'Get the wallet balance'])(
		'accepts "%s": sentence case but for proper nouns and all-capital words',
		(action) => expect(sentenceCaseButProperNouns(action)).toBe(true),
	);

	it.each(['Send A Message', 'send a message', 'Get Many Sender IDs', 'Start a Vodacom subscription'])('still refuses "%s"', (action) =>
		expect(sentenceCaseButProperNouns(action)).toBe(false),
	);
});
