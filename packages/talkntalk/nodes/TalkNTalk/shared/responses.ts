import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';
import { itemsFor } from '../../common/items';

/** The answer as one item, linked to the input item. */
export async function answerToItem(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return itemsFor.call(this, items.map((item) => item.json));
}

/** One item per entry of `results` in the answer (not paginated lists), linked to the input item. */
export async function resultsToItems(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const results = (items[0]?.json as IDataObject | undefined)?.results;
	return itemsFor.call(this, Array.isArray(results) ? (results as IDataObject[]) : []);
}
