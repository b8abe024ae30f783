import type { IDataObject } from 'n8n-workflow';

/** AT must never receive a parameter the user left empty (not even as the string "undefined"). */
export function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

export function withoutEmpty(values: IDataObject | undefined): IDataObject {
	const kept: IDataObject = {};
	for (const [key, value] of Object.entries(values ?? {})) {
		if (!isEmpty(value)) kept[key] = value;
	}
	return kept;
}

/** Splits a list given as text (commas, semicolons, spaces or new lines) or as an array. */
export function splitList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.flatMap((v) => splitList(v)) : String(value ?? '').split(/[,;\s]+/);
	return parts.map((part) => String(part).trim()).filter((part) => part !== '');
}
