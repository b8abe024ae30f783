import { updateDisplayOptions, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { pageNumberPagination } from '../../shared/pagination';
import { talkNTalkRouting } from '../../shared/routing';
import { returnAllAndLimit } from '../../../common/fields';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many address books',
	description: 'Get your address books with their contact counts, one item per book',
	// GET /v1/address-books/?page&page_size → 200 paginated
	routing: talkNTalkRouting({ method: 'GET', url: '/address-books/', pagination: pageNumberPagination() }),
};

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
];

export const description = updateDisplayOptions({ show: { resource: ['addressBook'], operation: ['getAll'] } }, properties);
