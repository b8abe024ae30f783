import { NodeOperationError, type INode } from 'n8n-workflow';

const CURRENCY = /^[A-Z]{3}$/;

/** A positive amount, as a number; the error names the field, the value and the item. */
export function positiveAmount(node: INode, value: unknown, field: string, itemIndex: number): number {
	const amount = typeof value === 'number' ? value : Number(String(value ?? '').trim());
	if (String(value ?? '').trim() === '' || !Number.isFinite(amount) || amount <= 0) {
		throw new NodeOperationError(node, `Invalid amount "${String(value ?? '')}" in "${field}" (item ${itemIndex + 1})`, {
			itemIndex,
			description: 'Enter a number greater than 0, without the currency (e.g. 100 or 10.50).',
		});
	}
	return amount;
}

/** An ISO 4217 code such as KES, UGX, NGN, TZS; lower case is accepted and upper-cased. */
export function currencyCode(node: INode, value: unknown, field: string, itemIndex: number): string {
	const code = String(value ?? '').trim().toUpperCase();
	if (!CURRENCY.test(code)) {
		throw new NodeOperationError(node, `Invalid currency code "${String(value ?? '')}" in "${field}" (item ${itemIndex + 1})`, {
			itemIndex,
			description: 'Use the three-letter ISO code of the currency, e.g. KES, UGX, TZS, NGN, RWF, MWK, ZMW, USD.',
		});
	}
	return code;
}

export function httpsUrl(node: INode, value: unknown, field: string, itemIndex: number): string {
	const url = String(value ?? '').trim();
	if (!/^https:\/\/[^\s/]+\.[^\s]+$/.test(url)) {
		throw new NodeOperationError(node, `Invalid URL "${url}" in "${field}" (item ${itemIndex + 1})`, {
			itemIndex,
			description: "Africa's Talking fetches media over HTTPS only: give a public https:// URL.",
		});
	}
	return url;
}

export function requireCount(node: INode, count: number, max: number, field: string, itemIndex: number): void {
	if (count < 1 || count > max) {
		throw new NodeOperationError(node, `"${field}" holds ${count} entries (item ${itemIndex + 1}); Africa's Talking takes 1 to ${max}`, {
			itemIndex,
			description: count > max ? `Split the recipients over several items of at most ${max} each (e.g. with the Loop Over Items node).` : 'Add at least one entry.',
		});
	}
}
