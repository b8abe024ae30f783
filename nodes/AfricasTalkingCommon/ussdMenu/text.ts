/** What a USSD screen shows: `$ussd` placeholders, and the limits of what phones can display. */

export type UssdValues = Record<string, string>;

/**
 * A USSD page is 160 bytes: 182 characters of the GSM 7-bit alphabet (its extension characters
 * such as € and [ take two), or 80 UTF-16 units once any other character is in the text.
 */
const USSD_PAGE_SIZE = 182;
const USSD_PAGE_SIZE_UCS2 = 80;

const PLACEHOLDER = /\{\{\s*\$ussd(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[\s*(["'])([^"'\]]*)\2\s*\])\s*\}\}/g;

/**
 * `{ussd.name}`: the placeholder of plain texts. n8n's editor leaves single braces alone, so a text
 * holding it stays a plain text (no expression painted red with an empty preview).
 */
const PLAIN_PLACEHOLDER = /(?<!\{)\{\s*ussd\.([A-Za-z_][A-Za-z0-9_]*)\s*\}(?!\})/g;

/**
 * Fills `{ussd.name}`, `{{ $ussd.name }}` and `{{ $ussd["name"] }}` with the collected value; a
 * value not collected (yet) is empty.
 */
export function fillPlaceholders(template: string, values: UssdValues): string {
	// One pass: a filled-in value is never read as a placeholder again.
	return template.replace(
		new RegExp(`${PLACEHOLDER.source}|${PLAIN_PLACEHOLDER.source}`, 'g'),
		(_match, dotted: string | undefined, _quote, bracketed: string | undefined, plain: string | undefined) => values[dotted ?? bracketed ?? plain ?? ''] ?? '',
	);
}

/** A JavaScript string literal that can sit inside `{{ … }}` without closing it. */
const literal = (value: string) => JSON.stringify(value).replace(/[{}]/g, (brace) => (brace === '{' ? '\\u007b' : '\\u007d'));

/**
 * Rewrites `$ussd` inside the `{{ … }}` blocks of an n8n expression (without its leading `=`) into a
 * literal object of the collected values, so n8n evaluates `{{ $ussd.amount * 2 }}` like any other
 * expression. Values typed on the phone become string literals: they are data, never code.
 */
export function expressionWithValues(expression: string, values: UssdValues): string {
	const object = `({${Object.entries(values)
		.map(([name, value]) => `${literal(name)}:${literal(value)}`)
		.join(',')}})`;
	// `{ussd.name}` outside the {{ … }} blocks becomes a block reading the same literal object.
	const withBlocks = expression
		.split(/(\{\{[\s\S]*?\}\})/)
		.map((part, index) => (index % 2 === 1 ? part : part.replace(PLAIN_PLACEHOLDER, (_match, name: string) => `{{ $ussd[${literal(name)}] }}`)))
		.join('');
	return withBlocks.replace(/\{\{([\s\S]*?)\}\}/g, (_block, body: string) => `{{${body.replace(/\$ussd\b/g, object)}}}`);
}

// GSM 03.38: the basic set, and the extension table (sent as two characters).
const GSM_BASIC =
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '^{}\\[~]|€\f';
const GSM = new Set([...GSM_BASIC, ...GSM_EXTENSION]);

/** Characters of the text outside the GSM 7-bit alphabet, each once, in order. */
export function nonGsmCharacters(text: string): string[] {
	return [...new Set([...text].filter((c) => !GSM.has(c)))];
}

/** Warnings about a screen's text (without its CON/END prefix) that phones may not show as meant. */
export function displayWarnings(screenId: string, text: string): string[] {
	const warnings: string[] = [];
	const odd = nonGsmCharacters(text);
	const size = odd.length ? text.length : [...text].reduce((total, c) => total + (GSM_EXTENSION.includes(c) ? 2 : 1), 0);
	const limit = odd.length ? USSD_PAGE_SIZE_UCS2 : USSD_PAGE_SIZE;
	if (size > limit) {
		const why = odd.length ? ' because it has characters outside the GSM 7-bit alphabet' : '';
		warnings.push(
			`USSD screen "${screenId}" is ${size} characters long: a USSD page holds ${limit}${why}, and networks may cut or refuse the rest. Shorten its text or options.`,
		);
	}
	if (odd.length) {
		const shown = odd
			.slice(0, 8)
			.map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`)
			.join(', ');
		warnings.push(`USSD screen "${screenId}" has characters outside the GSM 7-bit alphabet: ${shown}. Some networks show them as "?" or fail the session; use plain letters instead.`);
	}
	return warnings;
}
