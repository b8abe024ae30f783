import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * The node's subtitle as an n8n expression that shows the labels the user picked ("SMS: Send",
 * "Payment: Mobile B2C"): n8n's own `$parameter` holds only the stored values.
 */
export function subtitleFromLabels(resources: INodePropertyOptions[], properties: INodeProperties[]): string {
	const labels: Record<string, string> = {};
	for (const property of properties) {
		const resource = property.displayOptions?.show?.resource?.[0];
		if (property.name !== 'operation' || typeof resource !== 'string') continue;
		const resourceLabel = resources.find((option) => option.value === resource)?.name ?? resource;
		for (const option of (property.options ?? []) as INodePropertyOptions[]) labels[`${resource}:${String(option.value)}`] = `${resourceLabel}: ${option.name}`;
	}
	return `={{ (${JSON.stringify(labels)})[$parameter["resource"] + ":" + $parameter["operation"]] }}`;
}
