import type { INodeProperties } from 'n8n-workflow';

/** The Return All and Limit fields of list operations. */
/** `max`: the most results a caller may ask for, when the API has such a limit. */
export function returnAllAndLimit(max?: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1, ...(max === undefined ? {} : { maxValue: max }) },
			displayOptions: { show: { returnAll: [false] } },
			description: 'Max number of results to return',
		},
	];
}

/** n8n's lint order for the options of an options field: by name. */
export const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name);

/** n8n's lint order for the fields of a collection: by display name. */
export const byDisplayName = (a: INodeProperties, b: INodeProperties): number => a.displayName.localeCompare(b.displayName);

/**
 * An operation's "Options" collection, its fields in the alphabetical order n8n's lint asks for, so
 * that fields from shared builders (campaign options, idempotency key) fall into place too.
 */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [...options].sort(byDisplayName) };
}

/** A list operation's "Filters" collection, in n8n's lint order. */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options: [...options].sort(byDisplayName) };
}
