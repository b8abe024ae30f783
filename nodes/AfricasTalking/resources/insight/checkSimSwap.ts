import { updateDisplayOptions, type IDataObject, type IExecuteSingleFunctions, type IHttpRequestOptions, type IN8nHttpFullResponse, type INodeExecutionData, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { AT_BASE_URL, PROVIDER } from '../../../AfricasTalkingCommon/environment';
import { itemsFor } from '../../../common/items';
import { throwApiError } from '../../shared/errors';
import { parsePhoneNumbers } from '../../shared/phoneNumbers';
import { refusingLocally } from '../../../common/refusals';
import { itemFieldValue, listSourceField, listSourceFields, type ListFromItem } from '../../../common/itemField';
import { throwIfEntriesFailed } from '../../shared/responses';
import { operationRouting } from '../../shared/routing';
import { requireCount } from '../../shared/validation';

/**
 * Numbers per request. Africa's Talking publishes no limit for the SIM swap check; the node keeps
 * each request to this many so that one item's numbers are one bounded request.
 */
export const SIM_SWAP_MAX_NUMBERS = 100;

/** The numbers to check: typed or from an expression, or (up to 100 a request) from a field of the input item. */
const PHONE_NUMBERS: ListFromItem = {
	name: 'phoneNumbers',
	displayName: 'Phone Numbers',
	holds: 'the phone numbers: a list, or a text with the numbers separated by commas or new lines',
	defaultField: 'phones',
	defaultSource: 'parameter',
};

const phoneNumbersInBody = refusingLocally(PROVIDER, async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const node = this.getNode();
	const item = this.getItemIndex();
	const sourceField = listSourceField.call(this, PHONE_NUMBERS);
	const value = sourceField === undefined ? this.getNodeParameter('phoneNumbers', '') : itemFieldValue.call(this, sourceField, PHONE_NUMBERS.displayName);
	const numbers = parsePhoneNumbers(node, value, 'Phone Numbers', item, sourceField);
	requireCount(node, numbers.length, SIM_SWAP_MAX_NUMBERS, 'Phone Numbers', item);
	options.body = { ...((options.body ?? {}) as IDataObject), phoneNumbers: numbers };
	return options;
});

const money = (value: unknown): { amount?: number; currencyCode?: string } => {
	const cost = (value ?? {}) as IDataObject;
	const amount = Number(cost.amount);
	return { amount: cost.amount === undefined || !Number.isFinite(amount) ? undefined : amount, currencyCode: cost.currencyCode as string | undefined };
};

/** One number's entry of AT's answer as a flat item: the number and its carrier, the request ID to match the result callback, the cost. */
export function simSwapEntry(entry: IDataObject, transactionId: unknown): IDataObject {
	const number = entry.phoneNumber && typeof entry.phoneNumber === 'object' ? (entry.phoneNumber as IDataObject) : { number: entry.phoneNumber };
	const cost = money(entry.cost);
	const json: IDataObject = {
		phoneNumber: number.number as string,
		requestId: entry.requestId as string,
		status: entry.status as string,
		cost: cost.amount,
		currencyCode: cost.currencyCode,
		carrierName: number.carrierName as string,
		countryCode: number.countryCode as string,
		networkCode: number.networkCode as string,
		numberType: number.numberType as string,
		transactionId: transactionId as string,
	};
	for (const key of Object.keys(json)) if (json[key] === undefined) delete json[key];
	return json;
}

/** AT queues each number (`Queued`); any other status means no result will come for it. */
async function simSwapItems(this: IExecuteSingleFunctions, _items: INodeExecutionData[], response: IN8nHttpFullResponse): Promise<INodeExecutionData[]> {
	const body = (response.body ?? {}) as IDataObject;
	const entries = body.responses;
	if (!Array.isArray(entries) || entries.length === 0) {
		const reason = String(body.errorMessage ?? body.description ?? body.status ?? 'the answer lists no numbers');
		return await throwApiError.call(this, `Africa's Talking did not check the SIM swap: ${reason}`, 'Check the numbers and that Insights is enabled for this app.', String(response.statusCode), { reason });
	}
	return itemsFor.call(
		this,
		(entries as IDataObject[]).map((entry) => {
			const json = simSwapEntry(entry, body.transactionId);
			return json.status === 'Queued' ? json : { ...json, error: `${String(json.phoneNumber)}: ${String(json.status ?? 'no status')}` };
		}),
	);
}

/** A number AT did not queue fails the item (saying how many were), unless On Error is Continue. */
async function rejectUnqueued(this: IExecuteSingleFunctions, items: INodeExecutionData[], response: IN8nHttpFullResponse): Promise<INodeExecutionData[]> {
	return await throwIfEntriesFailed.call(this, items, String(response.statusCode));
}

export const option: INodePropertyOptions = {
	name: 'Check SIM Swap',
	value: 'checkSimSwap',
	action: 'Check whether a SIM was swapped',
	description: 'Queue a SIM swap check for one or more numbers; the result arrives at the SIM Swap Result trigger event',
	routing: operationRouting({
		method: 'POST',
		url: '/v1/sim-swap',
		baseURL: AT_BASE_URL.insights,
		encoding: 'json',
		preSend: [phoneNumbersInBody],
		postReceive: [simSwapItems, rejectUnqueued],
	}),
};

const properties: INodeProperties[] = [
	{
		displayName:
			"The check is asynchronous: this node outputs one item per number with its <code>requestId</code>; the result (Swapped or NotSwapped) arrives at the Africa's Talking Trigger's <b>SIM Swap Result</b> event with the same <code>requestId</code>.",
		name: 'simSwapNotice',
		type: 'notice',
		default: '',
	},
	...listSourceFields(PHONE_NUMBERS, {
		displayName: 'Phone Numbers',
		name: 'phoneNumbers',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+254711XXXYYY, +254733YYYZZZ',
		description: `Up to ${SIM_SWAP_MAX_NUMBERS} numbers in international format, separated by commas or new lines, or an array from an expression`,
	}),
];

export const description = updateDisplayOptions({ show: { resource: ['insight'], operation: ['checkSimSwap'] } }, properties);
