import { updateDisplayOptions, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { pageNumberPagination } from '../../shared/pagination';
import { talkNTalkRouting } from '../../shared/routing';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many address books',
	description: 'Get your address books with their contact counts, one item per book',
	// GET /v1/address-books/?page&page_size → 200 paginated
	routing: talkNTalkRouting({ method: 'GET', url: '/address-books/', pagination: pageNumberPagination() }),
};

const properties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		displayOptions: { show: { returnAll: [false] } },
		description: 'Max number of results to return',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['addressBook'], operation: ['getAll'] } }, properties);
