import type { IDataObject, IHttpRequestOptions, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { CREDENTIAL_NAME, TALKNTALK_API_URL } from '../../TalkNTalkCommon/environment';
import { redactedApiError } from '../../common/items';
import { hintFor, reasonOf } from './errors';
import { MAX_PAGE_SIZE } from './pagination';

/** Address books listed in a dropdown at most (pages of 500). */
const MAX_DROPDOWN_PAGES = 20;

async function getJson(this: ILoadOptionsFunctions, what: string, url: string, qs: IDataObject = {}): Promise<IDataObject> {
	const options: IHttpRequestOptions = {
		method: 'GET',
		url: `${TALKNTALK_API_URL}${url}`,
		qs,
		json: true,
		headers: { Accept: 'application/json' },
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
	};
	const response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_NAME, options)) as { statusCode: number; body: unknown };
	if (response.statusCode < 400) return (response.body ?? {}) as IDataObject;
	const credentials = await this.getCredentials(CREDENTIAL_NAME);
	throw redactedApiError(this.getNode(), [credentials.apiKey], {
		message: `TalkNTalk did not list the ${what}: ${reasonOf(response.body) || `HTTP ${response.statusCode}`}`,
		description: hintFor(response.statusCode),
		httpCode: String(response.statusCode),
		itemIndex: 0,
	});
}

/**
 * The organisation's active sender IDs, each name once (TalkNTalk lists a name once per network),
 * after an empty choice that leaves the choice to TalkNTalk (the default sender of each network).
 */
async function senderIdOptions(this: ILoadOptionsFunctions, emptyChoice: INodePropertyOptions): Promise<INodePropertyOptions[]> {
	const body = await getJson.call(this, 'sender IDs', '/bulk-sms/sender-ids/');
	const byName = new Map<string, IDataObject[]>();
	for (const entry of (Array.isArray(body.results) ? body.results : []) as IDataObject[]) {
		if (entry.status !== undefined && entry.status !== 'active') continue;
		const name = String(entry.sender_id ?? '');
		if (name) byName.set(name, [...(byName.get(name) ?? []), entry]);
	}
	const options = [...byName.entries()].map(([name, entries]) => ({
		name,
		value: name,
		description: `${String(entries[0].type ?? '')} on ${entries.map((entry) => String(entry.network ?? '')).join(', ')}${entries.some((entry) => entry.is_default === true) ? ' (default)' : ''}`,
	}));
	return [emptyChoice, ...options.sort((a, b) => a.name.localeCompare(b.name))];
}

export async function getSenderIds(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await senderIdOptions.call(this, { name: 'Default', value: '', description: "Your organisation's default sender ID for each network" });
}

export async function getSenderIdFilter(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await senderIdOptions.call(this, { name: 'Any', value: '', description: 'Messages of every sender ID' });
}

/** Every address book, with its contact count; the value is the ID exactly as TalkNTalk lists it. */
export async function getAddressBooks(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const options: INodePropertyOptions[] = [];
	for (let page = 1; page <= MAX_DROPDOWN_PAGES; page++) {
		const body = await getJson.call(this, 'address books', '/address-books/', { page, page_size: MAX_PAGE_SIZE });
		for (const book of (Array.isArray(body.results) ? body.results : []) as IDataObject[]) {
			options.push({ name: String(book.name ?? book.id), value: book.id as string | number, description: `${String(book.contact_count ?? 0)} contacts` });
		}
		if (!body.next) break;
	}
	return options;
}
