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
