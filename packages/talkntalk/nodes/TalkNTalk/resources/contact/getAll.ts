import { updateDisplayOptions, type IDataObject, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { pageNumberPagination } from '../../shared/pagination';
import { talkNTalkRouting } from '../../shared/routing';
import { returnAllAndLimit } from '../../../common/fields';

/**
 * A contact with its book, and its phone also as the send endpoints take it: contacts come back
 * as +2547…, sends want 2547…, so `mobile` can go straight into Send.
 */
function contactItem(contact: IDataObject, page: IDataObject): IDataObject {
	const phone = typeof contact.phone === 'string' ? contact.phone : '';
	return { ...contact, mobile: phone.replace(/^\+/, ''), address_book: page.address_book };
}

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many contacts of an address book',
	description: 'Get the contacts of one address book, one item per contact',
	// POST /v1/address-books/contacts/?page&page_size with {"id": <book id>} → 200 paginated (+ address_book)
	routing: talkNTalkRouting({ method: 'POST', url: '/address-books/contacts/', pagination: pageNumberPagination(contactItem) }),
};

const properties: INodeProperties[] = [
	{
		displayName: 'Address Book Name or ID',
		name: 'addressBookId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getAddressBooks' },
		required: true,
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		routing: { send: { type: 'body', property: 'id', value: '={{ /^\\d+$/.test(String($value)) ? Number($value) : $value }}' } },
	},
	...returnAllAndLimit(),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['getAll'] } }, properties);
