import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { itemsFor } from '../../shared/errors';
import { AT_BASE_URL } from '../../shared/hosts';
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

export const accountDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
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
			},
		],
		default: 'getBalance',
	},
];
