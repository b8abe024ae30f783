import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData, INodePropertyOptions } from 'n8n-workflow';
import { AT_BASE_URL } from '../../../AfricasTalkingCommon/environment';
import { itemsFor } from '../../../common/items';
import { operationRouting } from '../../shared/routing';

/** AT answers {"UserData":{"balance":"KES 1.00"}}; users also want the parts as values. */
export async function balanceToItem(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const balance = String(((response.body as IDataObject)?.UserData as IDataObject)?.balance ?? '');
	const [currencyCode, amount] = balance.split(' ');
	return itemsFor.call(this, [{ balance, currencyCode, amount: amount === undefined ? null : Number(amount) }]);
}

export const option: INodePropertyOptions = {
	name: 'Get Balance',
	value: 'getBalance',
	action: 'Get the account balance',
	description: "Get the app's prepaid balance (airtime, SMS and voice are paid from it)",
	routing: operationRouting({
		method: 'GET',
		url: '/version1/user',
		baseURL: AT_BASE_URL.api,
		encoding: 'query',
		postReceive: [balanceToItem],
	}),
};
