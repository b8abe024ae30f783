import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

/** `={{ $json.a.b }}`, `={{ $json["a b"] }}`, `={{ $json.list[0] }}`: a plain read of the item's JSON. */
const PLAIN_JSON_PATH = /^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*|\[\s*(?:"[^"\\]*"|'[^'\\]*'|\d+)\s*\])+)\s*\}\}$/;
const PATH_STEP = /\.([A-Za-z_$][\w$]*)|\[\s*(?:"([^"\\]*)"|'([^'\\]*)'|(\d+))\s*\]/g;

/** The keys of a path such as `.a["b"][0]`. */
function pathKeys(path: string): string[] {
	return [...path.matchAll(PATH_STEP)].map((step) => step[1] ?? step[2] ?? step[3] ?? step[4]);
}

/**
 * A parameter that usually holds a large list an earlier node built. Written as a plain
 * `{{ $json.path }}`, as users write it, it is read from the item itself: n8n 2.41 evaluates
 * expressions in a V8 isolate with a 128 MB limit, and copying a list of 100,000 entries into it
 * and back fails with "Expression exceeded memory limit" (and costs time below that). Any other
 * value or expression is left to n8n. The value read is the item's own: read it, never change it.
 */
export function listParameter(this: IExecuteSingleFunctions, name: string, fallback: unknown): unknown {
	const raw = this.getNodeParameter(name, fallback, { rawExpressions: true });
	const plain = typeof raw === 'string' ? PLAIN_JSON_PATH.exec(raw) : null;
	if (!plain) return this.getNodeParameter(name, fallback);
	let value: unknown = this.getInputData().json;
	for (const key of pathKeys(plain[1])) {
		if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
		value = (value as IDataObject)[key];
	}
	return value;
}
