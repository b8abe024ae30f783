import { NodeOperationError, updateDisplayOptions, type IDataObject, type IExecuteSingleFunctions, type IHttpRequestOptions, type INode, type INodeExecutionData, type INodeProperties, type INodePropertyRouting } from 'n8n-workflow';
import { refusingLocally } from './refusals';

/**
 * A campaign's list given as the name of a field of the input item, read by the node from the
 * item itself. On n8n 2.41 every expression is evaluated in an isolate with a memory limit
 * (128 MB by default, not settable on n8n Cloud) and its value is copied in and out: a list of
 * 100,000 personalised messages fails there, a million numbers double n8n's memory. A field name
 * is a short plain text: n8n evaluates nothing, and the node reads the list where n8n already
 * holds it, as n8n's own nodes read a binary property or a field by name.
 */

/** Where a list comes from: a field of the input item, or the node's own parameter (typed or an expression). */
type ListSource = 'field' | 'parameter';

export interface ListFromItem {
	/** The parameter that holds the list when typed or given by an expression ('recipients'). */
	name: string;
	/** What the editor calls the list ('Recipients'). */
	displayName: string;
	/** What a field of the item may hold, for the field's description. */
	holds: string;
	/** The field name suggested for new nodes ('phones'). */
	defaultField: string;
	/** The mode of new nodes. */
	defaultSource: ListSource;
	/** Where the field-mode parameter (holding the field name) puts its value, with its checks. */
	routing?: INodeProperties['routing'];
}

const sourceParameter = (list: Pick<ListFromItem, 'name'>) => `${list.name}Source`;
const fieldParameter = (list: Pick<ListFromItem, 'name'>) => `${list.name}Field`;

/**
 * The fields of a list that can come from the item: "<List> From" (the mode), "<List> Field"
 * (the field name, no expression), then the list's own parameter, shown in its mode.
 */
export function listSourceFields(list: ListFromItem, parameter: INodeProperties): INodeProperties[] {
	const { defaultSource, defaultField } = list;
	return [
		{
			displayName: `${list.displayName} From`,
			name: sourceParameter(list),
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'A Field of the Input Item',
					value: 'field',
					description: 'The node reads the list from the item by field name: any size, no expression memory limit (also on n8n Cloud). Best for lists from Aggregate, a database or a file.',
				},
				{
					name: 'Typed Here or an Expression',
					value: 'parameter',
					description: 'Typed in the node, or an expression for a small or computed list (up to ~10,000 entries)',
				},
			],
			default: defaultSource,
		},
		{
			displayName: `${list.displayName} Field`,
			name: fieldParameter(list),
			type: 'string',
			required: true,
			noDataExpression: true,
			default: defaultField,
			placeholder: `e.g. ${list.defaultField} or data.${list.defaultField}`,
			description: `Name of the input item's field that holds ${list.holds} (a dot path such as data.${list.defaultField} reaches a nested field). Write the name, not an expression.`,
			displayOptions: { show: { [sourceParameter(list)]: ['field'] } },
			...(list.routing ? { routing: list.routing } : {}),
		},
		...updateDisplayOptions({ show: { [sourceParameter(list)]: ['parameter'] } }, [parameter]),
	];
}

/** The slice of n8n's per-item contexts (preSend, pagination) that reads the item. */
interface ItemContext {
	getNode(): INode;
	getItemIndex(): number;
	getInputData(): INodeExecutionData;
}

/** The input item's field the list is read from, or undefined when the node's own parameter gives it. */
export function listSourceField(this: ItemContext & { getNodeParameter(name: string, fallback: unknown): unknown }, list: ListFromItem): string | undefined {
	if (this.getNodeParameter(sourceParameter(list), list.defaultSource) !== 'field') return undefined;
	return String(this.getNodeParameter(fieldParameter(list), '') ?? '').trim();
}

const has = (value: unknown, key: string): value is IDataObject => value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, key);

/**
 * The value of the input item's field `path` (a name, or a dot path into nested objects; a name
 * that itself holds dots is found first), as n8n holds it: never copied. A field the item does
 * not have is refused naming the field, the item and the fields it has.
 */
export function itemFieldValue(this: ItemContext, path: unknown, label: string): unknown {
	const name = String(path ?? '').trim();
	const itemIndex = this.getItemIndex();
	const json = this.getInputData().json ?? {};
	if (name !== '' && has(json, name)) return json[name];
	let value: unknown = json;
	for (const key of name.split('.')) {
		if (!has(value, key)) {
			const fields = Object.keys(json);
			const shown = fields.slice(0, 10).join(', ') + (fields.length > 10 ? ', …' : '');
			const expression = /[{}$]/.test(name);
			throw new NodeOperationError(this.getNode(), `The input item has no field "${name}" (item ${itemIndex + 1})`, {
				itemIndex,
				description: `"${label} Field" names the field of the input item that holds the list${expression ? ': write its name (e.g. phones), not an expression' : ''}. This item's fields: ${shown || 'none'}.`,
			});
		}
		value = value[key];
	}
	return value;
}

/** Where a value of a list is: the item, and with a list read from a field, that field and the entry. */
export function listLocation(itemIndex: number, sourceField?: string, entry?: number): string {
	return sourceField === undefined ? `(item ${itemIndex + 1})` : `(field "${sourceField}"${entry === undefined ? '' : `, entry ${entry + 1}`}, item ${itemIndex + 1})`;
}

/** A list read from the input item's field must be a list or text (a number is one entry); anything else is refused naming the field. */
export function requireListOrText(node: INode, value: unknown, sourceField: string | undefined, holds: string, itemIndex: number): void {
	if (sourceField === undefined || typeof value === 'string' || typeof value === 'number' || Array.isArray(value)) return;
	throw notAList(node, value, sourceField, holds, itemIndex);
}

/** A field that holds something other than a list or text, refused naming it. */
export function notAList(node: INode, value: unknown, sourceField: string, holds: string, itemIndex: number): NodeOperationError {
	const got = value === null || value === undefined ? 'nothing' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
	return new NodeOperationError(node, `The input item's field "${sourceField}" holds ${got}, not ${holds} (item ${itemIndex + 1})`, {
		itemIndex,
		description: `The field may hold a list (an array) or a text with one entry per line or separated by commas. Name the field that holds ${holds}.`,
	});
}

/** A provider's check of a list: the value as the provider takes it, or an error naming the field, the entry and the item. */
type ListCheck = (node: INode, value: unknown, label: string, itemIndex: number, sourceField?: string) => unknown;

/**
 * The routing of a "<List> Field" parameter: n8n puts the field's name in `body[property]`; the
 * list is read from the input item in its place and checked as a typed list is.
 */
export function listFromItemRouting(provider: string, property: string, label: string, check: ListCheck): INodePropertyRouting {
	const readList = async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const body = (options.body ?? {}) as IDataObject;
		const sourceField = String(body[property] ?? '').trim();
		body[property] = check(this.getNode(), itemFieldValue.call(this, sourceField, label), label, this.getItemIndex(), sourceField) as IDataObject[string];
		options.body = body;
		return options;
	};
	return { send: { type: 'body', property, preSend: [refusingLocally(provider, readList)] } };
}
