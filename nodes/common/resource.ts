import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** What each `resources/<resource>/<operation>.ts` exports. */
export interface OperationModule {
	option: INodePropertyOptions;
	/** Its fields; an operation without fields has none. */
	description?: INodeProperties[];
}

/** A resource's Operation selector (its operations in the given order) and their fields. */
export function resourceProperties(resource: string, defaultOperation: string, operations: OperationModule[]): INodeProperties[] {
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options: operations.map((operation) => operation.option),
			default: defaultOperation,
		},
		...operations.flatMap((operation) => operation.description ?? []),
	];
}
