'use strict';
// Every SMS endpoint of talkntalk-api.md §2 with TalkNTalk's answers. Validation answers the way
// a Django REST Framework server does ({"field": ["…"]} for 400, {"detail": "…"} otherwise).
// `bucket` is the rate-limit window the endpoint counts against (§6).
const { ORGANISATION, uuid } = require('./data');

const MAX_RECIPIENTS = 10000;
const MAX_PAGE_SIZE = 500;
const MOBILE = /^254[17]\d{8}$/;

class ApiError extends Error {
	constructor(status, body, headers = {}) {
		super(JSON.stringify(body));
		this.status = status;
		this.body = body;
		this.headers = headers;
	}
}

const fieldError = (field, message) => new ApiError(400, { [field]: [message] });
const notFound = (detail = 'Not found.') => new ApiError(404, { detail });

function requireText(body, field) {
	const value = body[field];
	if (value === undefined || value === null) throw fieldError(field, 'This field is required.');
	if (typeof value !== 'string') throw fieldError(field, 'Not a valid string.');
	if (value.trim() === '') throw fieldError(field, 'This field may not be blank.');
	return value;
}

function requireList(body, field, max) {
	const value = body[field];
	if (value === undefined || value === null) throw fieldError(field, 'This field is required.');
	if (!Array.isArray(value)) throw fieldError(field, `Expected a list of items but got type "${typeof value === 'string' ? 'str' : typeof value}".`);
	if (value.length === 0) throw fieldError(field, 'This list may not be empty.');
	if (max && value.length > max) throw fieldError(field, `Ensure this field has no more than ${max} elements.`);
	return value;
}

/** The sender ID a send uses: the one given (active, any case) or the default; 400 otherwise. */
function senderFor(fake, body) {
	if (body.sender_id === undefined || body.sender_id === null) return 'TALKNTALK';
	const wanted = String(body.sender_id);
	const found = fake.senderIds.find((s) => s.status === 'active' && s.sender_id.toLowerCase() === wanted.toLowerCase());
	if (!found) throw fieldError('sender_id', `Invalid sender ID "${wanted}".`);
	return found.sender_id;
}

/** Parts of up to 160 characters (153 once split), KES 1.00 each, in cents. */
function costCents(message) {
	const length = [...message].length;
	return 100 * (length <= 160 ? 1 : Math.ceil(length / 153));
}

const kes = (cents) => `KES ${(cents / 100).toFixed(2)}`;
const insufficient = (required, available) => `Insufficient balance. Required ${kes(required)}, available ${kes(available)}.`;

function network(mobile) {
	if (/^2547(?:[0-2]\d|4[0-6]|5[7-9]|6[89]|9\d)/.test(mobile) || /^25411[0-5]/.test(mobile)) return 'safaricom';
	if (/^2547(?:3\d|5[0-6]|8\d)/.test(mobile) || /^25410[0-2]/.test(mobile)) return 'airtel';
	return 'telkom';
}

function nairobiNow() {
	return new Date(Date.now() + 3 * 3600 * 1000).toISOString().replace(/\.\d+Z$/, '+03:00');
}

/** Queues one message: charges the wallet, stores it for Fetch Messages, counts it as sent. */
function queue(fake, mobile, message, senderId, source = 'api') {
	const cost = costCents(message);
	fake.balanceCents -= cost;
	const now = nairobiNow();
	fake.sequence += 1;
	const stored = {
		id: uuid(), seq: fake.sequence, mobile, sender_id: senderId, message, status: 'queued', network: network(mobile), source,
		scheduled_at: null, created_at: now, updated_at: now,
	};
	fake.messages.push(stored);
	fake.accepted.set(mobile, (fake.accepted.get(mobile) || 0) + 1);
	return stored;
}

function send({ fake, body }) {
	const mobile = requireText(body, 'mobile');
	const message = requireText(body, 'message');
	if (!MOBILE.test(mobile)) throw fieldError('mobile', 'Enter a valid mobile number in the format 254XXXXXXXXX.');
	const senderId = senderFor(fake, body);
	const cost = costCents(message);
	if (fake.balanceCents < cost) throw new ApiError(402, { detail: insufficient(cost, fake.balanceCents) });
	const stored = queue(fake, mobile, message, senderId);
	return { status: 201, body: { id: stored.id, mobile, sender_id: senderId, message, status: 'queued', created_at: stored.created_at } };
}

/**
 * Recipients are de-duplicated; when the wallet runs out mid-list, processing stops and every
 * remaining recipient is reported with `insufficient_balance` (207). Nothing affordable at all: 402.
 */
function sendBulk({ fake, body }) {
	const recipients = requireList(body, 'recipients', MAX_RECIPIENTS);
	const message = requireText(body, 'message');
	const senderId = senderFor(fake, body);
	const unique = [...new Set(recipients.map((r) => String(r)))];
	const cost = costCents(message);
	if (fake.balanceCents < cost) throw new ApiError(402, { detail: insufficient(cost * unique.length, fake.balanceCents) });
	const results = [];
	const errors = [];
	for (const mobile of unique) {
		if (!MOBILE.test(mobile)) {
			errors.push({ mobile, error: 'invalid_mobile', detail: 'Enter a valid mobile number in the format 254XXXXXXXXX.' });
		} else if (fake.failMobiles.has(mobile)) {
			errors.push({ mobile, error: 'blacklisted', detail: 'The recipient opted out of messages from this sender.' });
		} else if (fake.balanceCents < cost) {
			errors.push({ mobile, error: 'insufficient_balance', detail: insufficient(cost, fake.balanceCents) });
		} else {
			const stored = queue(fake, mobile, message, senderId);
			results.push({ id: stored.id, mobile, status: 'queued' });
		}
	}
	return {
		status: errors.length > 0 ? 207 : 201,
		body: { queued: results.length, failed: errors.length, total: unique.length, sender_id: senderId, results, errors },
	};
}

function sendGroup({ fake, body }) {
	const groupIds = requireList(body, 'group_ids');
	const message = requireText(body, 'message');
	const senderId = senderFor(fake, body);
	// The list gives integer ids, the docs call them UUIDs: either form of a known id is accepted.
	const books = groupIds.map((id) => {
		const book = fake.addressBooks.find((b) => String(b.id) === String(id));
		if (!book || (typeof id !== 'string' && typeof id !== 'number')) throw fieldError('group_ids', `Address book "${String(id)}" does not exist.`);
		return book;
	});
	const mobiles = [...new Set(books.flatMap((book) => book.contacts.map((c) => c.phone.replace(/^\+/, ''))))];
	const cost = costCents(message) * mobiles.length;
	if (fake.balanceCents < cost) throw new ApiError(402, { detail: insufficient(cost, fake.balanceCents) });
	for (const mobile of mobiles) queue(fake, mobile, message, senderId);
	fake.campaignCounter += 1;
	const campaign = {
		campaign_id: fake.campaignCounter, status: 'queued', recipients_count: mobiles.length, group_names: books.map((b) => b.name),
		sender_id: senderId, estimated_cost: kes(cost),
	};
	fake.campaigns.set(String(campaign.campaign_id), { ...campaign, message, created_at: nairobiNow() });
	return { status: 202, body: campaign };
}

function campaignStatus({ fake, body }) {
	if (body.campaign_id === undefined || body.campaign_id === null || body.campaign_id === '') throw fieldError('campaign_id', 'This field is required.');
	const campaign = fake.campaigns.get(String(body.campaign_id));
	if (!campaign) throw notFound();
	return {
		status: 200,
		body: {
			campaign_id: campaign.campaign_id, status: 'completed', message: campaign.message, sender_id: campaign.sender_id,
			recipients_count: campaign.recipients_count, sent_count: campaign.recipients_count, failed_count: 0, delivery_rate: 100.0,
			created_at: campaign.created_at, started_at: campaign.created_at, finished_at: campaign.created_at,
		},
	};
}

function positiveInt(value, fallback) {
	if (value === undefined) return fallback;
	return /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : NaN;
}

/** DRF's PageNumberPagination: page (1…), page_size (capped at 500), absolute next/previous. */
function paginate(list, query, url, extra = {}) {
	const page = positiveInt(query.page, 1);
	const requested = positiveInt(query.page_size, 100);
	if (Number.isNaN(page)) throw notFound('Invalid page.');
	const pageSize = Number.isNaN(requested) ? 100 : Math.min(requested, MAX_PAGE_SIZE);
	const totalPages = Math.max(1, Math.ceil(list.length / pageSize));
	if (page > totalPages) throw notFound('Invalid page.');
	const link = (n) => {
		const next = new URL(url.pathname, 'https://api.talkntalk.africa');
		for (const [key, value] of Object.entries(query)) next.searchParams.set(key, value);
		next.searchParams.set('page', String(n));
		return next.toString();
	};
	return {
		status: 200,
		body: {
			total: list.length, page, page_size: pageSize, total_pages: totalPages,
			next: page < totalPages ? link(page + 1) : null, previous: page > 1 ? link(page - 1) : null,
			...extra, results: list.slice((page - 1) * pageSize, page * pageSize),
		},
	};
}

function messages({ fake, query, url }) {
	const newestFirst = [...fake.messages].reverse();
	const list = newestFirst
		.filter((m) => !query.status || m.status === query.status)
		.filter((m) => !query.mobile || m.mobile.includes(query.mobile))
		.filter((m) => !query.sender_id || m.sender_id.toLowerCase() === query.sender_id.toLowerCase())
		.filter((m) => !query.source || m.source === query.source)
		.map(({ seq, ...message }) => message);
	return paginate(list, query, url);
}

function contacts({ fake, body, query, url }) {
	if (body.id === undefined || body.id === null || body.id === '') throw fieldError('id', 'This field is required.');
	const book = fake.addressBooks.find((b) => String(b.id) === String(body.id));
	if (!book) throw notFound();
	return paginate(book.contacts, query, url, { address_book: { id: book.id, name: book.name } });
}

const ROUTES = [
	{ method: 'GET', path: '/v1/', handle: () => ({ status: 200, body: { api: 'TalkNTalk', version: 'v1', organisation: ORGANISATION } }) },
	{ method: 'POST', path: '/v1/sms/send/', bucket: 'send', handle: send },
	{ method: 'POST', path: '/v1/sms/send-bulk/', bucket: 'bulk', handle: sendBulk },
	{ method: 'POST', path: '/v1/sms/send-group/', handle: sendGroup },
	{ method: 'POST', path: '/v1/sms/campaigns/status/', handle: campaignStatus },
	{ method: 'GET', path: '/v1/bulk-sms/messages/', handle: messages },
	{ method: 'GET', path: '/v1/bulk-sms/sender-ids/', handle: ({ fake }) => ({ status: 200, body: { count: fake.senderIds.length, results: fake.senderIds } }) },
	{
		method: 'GET', path: '/v1/address-books/',
		handle: ({ fake, query, url }) => paginate(fake.addressBooks.map(({ contacts: list, ...book }) => ({ ...book, contact_count: list.length })), query, url),
	},
	{ method: 'POST', path: '/v1/address-books/contacts/', handle: contacts },
	{
		method: 'GET', path: '/v1/balance/',
		handle: ({ fake }) => ({
			status: 200,
			body: { organisation: ORGANISATION.id, balance: (fake.balanceCents / 100).toFixed(2), currency: 'KES', retrieved_at: new Date().toISOString().replace('Z', '+00:00') },
		}),
	},
];

module.exports = { ROUTES, ApiError };
