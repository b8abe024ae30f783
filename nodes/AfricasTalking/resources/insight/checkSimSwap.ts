import { updateDisplayOptions, type IDataObject, type IExecuteSingleFunctions, type IHttpRequestOptions, type IN8nHttpFullResponse, type INodeExecutionData, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { AT_BASE_URL } from '../../../AfricasTalkingCommon/environment';
import { itemsFor } from '../../../common/items';
import { throwApiError } from '../../shared/errors';
import { parsePhoneNumbers } from '../../shared/phoneNumbers';
import { statusWordRule, throwIfEntriesFailed, unknownStatusFields } from '../../shared/responses';
import { judgeStatus, plainText } from '../../../common/statusRule';
import { itemFieldValue, listSourceField, listSourceFields, type ListFromItem } from '../../../common/itemField';
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

async function phoneNumbersInBody(this: IExecuteSingleFunctions, options: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const node = this.getNode();
	const item = this.getItemIndex();
	const sourceField = listSourceField.call(this, PHONE_NUMBERS);
	const value = sourceField === undefined ? this.getNodeParameter('phoneNumbers', '') : itemFieldValue.call(this, sourceField, PHONE_NUMBERS.displayName);
	const numbers = parsePhoneNumbers(node, value, 'Phone Numbers', item, sourceField);
	requireCount(node, numbers.length, SIM_SWAP_MAX_NUMBERS, 'Phone Numbers', item);
	options.body = { ...((options.body ?? {}) as IDataObject), phoneNumbers: numbers };
	return options;
}

const money = (value: unknown): { amount?: number; currencyCode?: unknown } => {
	const cost = (value && typeof value === 'object' ? value : {}) as IDataObject;
	const amount = Number(plainText(cost.amount) || undefined);
	return { amount: Number.isFinite(amount) ? amount : undefined, currencyCode: cost.currencyCode };
};

/** One number's entry of AT's answer as a flat item: the number and its carrier, the request ID to match the result callback, the cost. */
export function simSwapEntry(entry: IDataObject, transactionId: unknown): IDataObject {
	const number = entry.phoneNumber && typeof entry.phoneNumber === 'object' ? (entry.phoneNumber as IDataObject) : { number: entry.phoneNumber };
	const cost = money(entry.cost);
	// Plain values only, as text: numbers as strings accepted, an object where text belongs left out.
	const json: IDataObject = {
		phoneNumber: plainText(number.number),
		requestId: plainText(entry.requestId),
		status: plainText(entry.status),
		cost: cost.amount,
		currencyCode: plainText(cost.currencyCode),
		carrierName: plainText(number.carrierName),
		countryCode: plainText(number.countryCode),
		networkCode: plainText(number.networkCode),
		numberType: plainText(number.numberType),
		transactionId: plainText(transactionId),
	};
	for (const key of Object.keys(json)) if (json[key] === undefined || json[key] === '') delete json[key];
	return json;
}

/** The whole check: AT's Node SDK takes `Processed` as done and anything else as a failure. */
export const SIM_SWAP_RULE = statusWordRule('Insight → Check SIM Swap', { success: ['Processed'], failure: ['Error', 'InvalidRequest'] });

/** Each number: AT queues its check (`Queued`); a failure means no result will come for it. */
export const SIM_SWAP_NUMBER_RULE = statusWordRule('Insight → Check SIM Swap, each number', { success: ['Queued'], failure: ['Error', 'InvalidPhoneNumber', 'UnsupportedPhoneNumber'] });

async function simSwapItems(this: IExecuteSingleFunctions, _items: INodeExecutionData[], response: IN8nHttpFullResponse): Promise<INodeExecutionData[]> {
	const body = (response.body && typeof response.body === 'object' ? response.body : {}) as IDataObject;
	const entries = body.responses;
	const whole = judgeStatus(SIM_SWAP_RULE, body);
	if (whole.verdict === 'failure' || !Array.isArray(entries) || entries.length === 0) {
		const reason = plainText(body.errorMessage) || plainText(body.description) || whole.status || 'the answer lists no numbers';
		return await throwApiError.call(this, `Africa's Talking did not check the SIM swap: ${reason}`, 'Check the numbers and that Insights is enabled for this app.', String(response.statusCode), { reason });
	}
	return itemsFor.call(
		this,
		(entries as unknown[]).map((given) => {
			const entry = (given && typeof given === 'object' ? given : {}) as IDataObject;
			const json = simSwapEntry(entry, body.transactionId);
			const judgement = judgeStatus(SIM_SWAP_NUMBER_RULE, entry);
			// The whole answer's undocumented status leaves every number's outcome unconfirmed.
			const unconfirmed = judgement.verdict === 'unknown' ? judgement : whole.verdict === 'unknown' && whole.status !== '' ? whole : undefined;
			if (judgement.verdict === 'failure') {
				return { ...json, error: `${plainText(json.phoneNumber) || 'a number'}: ${judgement.status || judgement.error || 'failed'}` };
			}
			return unconfirmed ? { ...json, ...unknownStatusFields(unconfirmed) } : json;
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
