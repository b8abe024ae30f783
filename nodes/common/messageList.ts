import {
	NodeOperationError,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { sendInChunks, type CampaignOptions, type ChunkedSend } from './campaign';
import { messageProblem } from './messageChecks';
import { nothingSentTo } from './refusals';

/**
 * Personalised messages from one item: a list of `{ to, message }` (built by n8n's Aggregate
 * node, a Code node or a sheet), sent through the campaign core with the same limiter and
 * retries as one message to many, without n8n's per-item cost. Neighbouring entries with the same
 * text share a request.
 */
export interface MessageListSend {
	/** The list field's name as the user sees it, for errors. */
	field: string;
	/** The field's value: an array of `{ to, message }`, or the same as JSON text. */
	list: unknown;
	/** Checks one recipient and returns it as the provider takes it; throws an error naming `label`. */
	checkRecipient: (value: unknown, label: string) => string;
	/** The request for recipients that get the same message. */
	requestFor: (recipients: string[], message: string) => DeclarativeRestApiSettings.ResultOptions;
	/** Error items for recipients whose request failed after its retries, or whose entry was refused. */
	failedItems: (recipients: string[], error: Error) => INodeExecutionData[];
	outcome?: ChunkedSend<number>['outcome'];
	limitKey?: string;
	/** Max Parts per Message (0: no limit); a longer entry is refused like an empty one. */
	maxParts?: number;
	/** The provider's name, for "Nothing was sent to …". */
	provider?: string;
}

const ENTRY_EXAMPLE = '{ "to": "+254711XXXYYY", "message": "Hi Amina" }';
const EXAMPLE = `[${ENTRY_EXAMPLE}, { "to": "+254733YYYZZZ", "message": "Hi Baraka" }]`;

function describe(value: unknown): string {
	if (value === null || value === undefined) return String(value);
	const text = typeof value === 'string' ? `"${value}"` : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : String(value);
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function asList(this: IExecutePaginationFunctions, field: string, value: unknown): unknown[] {
	let list = value;
	if (typeof value === 'string' && value.trim() !== '') {
		try {
			list = JSON.parse(value);
		} catch (error) {
			throw new NodeOperationError(this.getNode(), `"${field}" is not valid JSON (item ${this.getItemIndex() + 1}): ${(error as Error).message}`, {
				itemIndex: this.getItemIndex(),
				description: `Give a list of { to, message }, e.g. ${EXAMPLE}, or an expression that returns one.`,
			});
		}
	}
	if (!Array.isArray(list) || list.length === 0) {
		throw new NodeOperationError(this.getNode(), `"${field}" must be a list of { to, message }, got ${Array.isArray(list) ? 'an empty list' : describe(list)} (item ${this.getItemIndex() + 1})`, {
			itemIndex: this.getItemIndex(),
			description: `For example ${EXAMPLE}, or an expression such as {{ $json.messages }} after n8n's Aggregate node.`,
		});
	}
	return list;
}

interface CheckedList {
	to: string[];
	message: string[];
	/** Entries refused under Continue On Fail, by index. */
	refused: Map<number, Error>;
}

/**
 * Checks every entry before anything is sent: each needs a valid `to` and a non-empty `message`.
 * The first bad entry stops the node with an error naming its index and field; with Continue On
 * Fail, bad entries are refused (reported, never sent) and the others go out.
 */
export function checkMessageList(this: IExecutePaginationFunctions, send: MessageListSend): CheckedList {
	const list = asList.call(this, send.field, send.list);
	const itemIndex = this.getItemIndex();
	const refuse = (index: number, field: string, problem: string, description: string) =>
		new NodeOperationError(this.getNode(), `"${send.field}[${index}]${field}" ${problem} (entry ${index + 1} of ${list.length}, item ${itemIndex + 1})${send.provider ? `. ${nothingSentTo(send.provider)}` : ''}`, {
			itemIndex,
			description,
		});
	const checked: CheckedList = { to: new Array<string>(list.length), message: new Array<string>(list.length), refused: new Map() };
	const problem = (index: number, entry: IDataObject | null): NodeOperationError | undefined => {
		if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
			return refuse(index, '', `is ${describe(entry)}, not { to, message }`, `Each entry looks like ${ENTRY_EXAMPLE}.`);
		}
		if (entry.to === undefined || entry.to === null || String(entry.to).trim() === '') {
			return refuse(index, '.to', 'is missing', 'Each entry needs the phone number to send to in "to", in international format, e.g. +254711XXXYYY.');
		}
		try {
			checked.to[index] = send.checkRecipient(entry.to, `${send.field}[${index}].to`);
		} catch (error) {
			return error instanceof NodeOperationError ? error : new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		}
		const message = entry.message;
		if (message !== null && typeof message === 'object') {
			return refuse(index, '.message', `must be text, got ${describe(message)}`, 'Each entry needs the text to send in "message".');
		}
		if (message === undefined || message === null || String(message).trim() === '') {
			return refuse(index, '.message', 'is empty', 'Each entry needs the text to send in "message"; an empty message is never sent.');
		}
		const tooLong = messageProblem(message, { field: '', maxParts: send.maxParts ?? 0 });
		if (tooLong) return refuse(index, '.message', tooLong.message.replace(/^"" /, ''), tooLong.description);
		checked.message[index] = String(message);
		return undefined;
	};
	const continueOnFail = this.continueOnFail();
	for (let index = 0; index < list.length; index++) {
		const entry = list[index] as IDataObject | null;
		const refused = problem(index, entry);
		if (!refused) continue;
		if (!continueOnFail) throw refused;
		checked.refused.set(index, refused);
		checked.to[index] = entry && typeof entry === 'object' && entry.to !== undefined && entry.to !== null ? String(entry.to) : '';
		checked.message[index] = '';
	}
	return checked;
}

/** Sends a checked list; outputs one item per entry in list order, or the Summary. */
export async function sendMessageList(this: IExecutePaginationFunctions, send: MessageListSend, options: CampaignOptions): Promise<INodeExecutionData[]> {
	const { to, message, refused } = checkMessageList.call(this, send);
	const recipients = (indexes: number[]) => indexes.map((index) => to[index]);
	return await sendInChunks.call<IExecutePaginationFunctions, [ChunkedSend<number>, CampaignOptions], Promise<INodeExecutionData[]>>(
		this,
		{
			entries: Array.from({ length: to.length }, (_, index) => index),
			canShareRequest: (previous, next) => message[previous] === message[next],
			refusal: (index) => refused.get(index),
			requestFor: (indexes) => send.requestFor(recipients(indexes), message[indexes[0]]),
			failedItems: (indexes, error) => send.failedItems(recipients(indexes), error),
			outcome: send.outcome,
			limitKey: send.limitKey,
		},
		options,
	);
}
