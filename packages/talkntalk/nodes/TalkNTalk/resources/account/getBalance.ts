import { updateDisplayOptions, type IDataObject, type IExecuteSingleFunctions, type INodeExecutionData, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { itemsFor } from '../../../common/items';
import { talkNTalkRouting } from '../../shared/routing';

/** TalkNTalk's balance is a decimal string: `balance` as a number, `balanceText` as TalkNTalk wrote it. */
export async function balanceToItem(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const body = (items[0]?.json ?? {}) as IDataObject;
	const balance = Number(body.balance);
	return itemsFor.call(this, [
		{
			balance: Number.isFinite(balance) ? balance : null,
			balanceText: body.balance === undefined ? null : String(body.balance),
			currency: body.currency,
			organisation: body.organisation,
			retrieved_at: body.retrieved_at,
		},
	]);
}

export const option: INodePropertyOptions = {
	name: 'Get Balance',
	value: 'getBalance',
	action: 'Get the wallet balance',
	description: "Get your organisation's wallet balance",
	// GET /v1/balance/ → 200 {organisation, balance: "1250.00", currency, retrieved_at}
	routing: talkNTalkRouting({ method: 'GET', url: '/balance/', postReceive: [balanceToItem] }),
};

const properties: INodeProperties[] = [
	{
		displayName: 'Sends still pending may not be deducted yet: TalkNTalk deducts them when they are confirmed.',
		name: 'balanceNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['getBalance'] } }, properties);
