import { updateDisplayOptions, type IDataObject, type IExecuteSingleFunctions, type INodeExecutionData, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { itemsFor } from '../../../common/items';
import { talkNTalkRouting } from '../../shared/routing';

/** The organisation the API key belongs to (what n8n's credential test cannot show). */
async function organisationToItem(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const body = (items[0]?.json ?? {}) as IDataObject;
	return itemsFor.call(this, [{ ...((body.organisation ?? {}) as IDataObject), api: body.api, version: body.version }]);
}

export const option: INodePropertyOptions = {
	name: 'Get Organisation',
	value: 'getOrganisation',
	action: 'Get the organisation of the API key',
	description: 'Get the organisation the API key belongs to (ID, name, slug)',
	// GET /v1/ → 200 {api, version, organisation: {id, name, slug}}
	routing: talkNTalkRouting({ method: 'GET', url: '/', postReceive: [organisationToItem] }),
};

const properties: INodeProperties[] = [
	{
		displayName: 'Each API key belongs to exactly one organisation',
		name: 'organisationNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['getOrganisation'] } }, properties);
