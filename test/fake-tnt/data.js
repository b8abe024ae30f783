'use strict';
// The organisation the fake TalkNTalk starts with: its key, sender IDs, address books, wallet.
const crypto = require('node:crypto');

const API_KEY = 'tk_live_fake0123456789abcdef0123456789ab';
const ORGANISATION = { id: '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f', name: 'Acme Corp', slug: 'acme-corp' };

function senderIds() {
	return [
		{ id: 12, sender_id: 'TALKNTALK', type: 'promotional', network: 'safaricom', status: 'active', is_default: true, provider: 'textsms' },
		{ id: 13, sender_id: 'TALKNTALK', type: 'promotional', network: 'airtel', status: 'active', is_default: true, provider: 'textsms' },
		{ id: 14, sender_id: 'ACME_LTD', type: 'transactional', network: 'safaricom', status: 'active', is_default: false, provider: 'textsms' },
		{ id: 15, sender_id: 'PENDING_ID', type: 'promotional', network: 'safaricom', status: 'pending', is_default: false, provider: 'textsms' },
	];
}

const contact = (id, first, phone) => ({ id, first_name: first, last_name: 'Doe', phone, email: '', notes: '', created_at: '2026-05-01T09:00:00+03:00' });

/** Two books; "Premium Customers" has 3 contacts, "Staff" 2 (one of them also in the first book). */
function addressBooks() {
	return [
		{
			id: 1, name: 'Premium Customers', description: '', created_at: '2026-05-01T09:00:00+00:00', updated_at: '2026-05-01T09:00:00+00:00',
			contacts: [contact(101, 'Jane', '+254700000001'), contact(102, 'John', '+254700000002'), contact(103, 'Mary', '+254700000003')],
		},
		{
			id: 2, name: 'Staff', description: 'Internal', created_at: '2026-05-02T09:00:00+00:00', updated_at: '2026-05-02T09:00:00+00:00',
			contacts: [contact(201, 'Ann', '+254700000003'), contact(202, 'Bob', '+254711000004')],
		},
	];
}

const uuid = () => crypto.randomUUID();

module.exports = { API_KEY, ORGANISATION, senderIds, addressBooks, uuid };
