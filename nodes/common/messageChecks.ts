import { NodeOperationError, type IDataObject, type IExecuteSingleFunctions, type IHttpRequestOptions, type INode, type INodeProperties } from 'n8n-workflow';
import { refusingLocally } from './refusals';
import type { PreSend } from './routing';

/** What both packages check in a message before anything is sent. */

export const DEFAULT_MAX_PARTS = 10;

// GSM 03.38: the basic set, and the extension table (each of those takes two characters).
const GSM_BASIC =
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '^{}\\[~]|€\f';
const GSM_BASIC_SET = new Set(GSM_BASIC);
const GSM_EXTENSION_SET = new Set(GSM_EXTENSION);

export interface SmsParts {
	parts: number;
	encoding: 'GSM-7' | 'UCS-2';
	/** Characters as the phone network counts them (GSM-7 septets or UCS-2 units). */
	length: number;
}

/**
 * How many SMS parts a text takes: GSM-7 160 characters in one part, 153 per part when longer
 * (extension characters such as € count twice); any other character makes it UCS-2, 70 in one
 * part and 67 per part.
 */
export function smsParts(text: string): SmsParts {
	let septets = 0;
	for (const char of text) {
		if (GSM_BASIC_SET.has(char)) septets += 1;
		else if (GSM_EXTENSION_SET.has(char)) septets += 2;
		else {
			const length = text.length;
			return { parts: length <= 70 ? 1 : Math.ceil(length / 67), encoding: 'UCS-2', length };
		}
	}
	return { parts: septets <= 160 ? 1 : Math.ceil(septets / 153), encoding: 'GSM-7', length: septets };
}

export interface MessageCheck {
	/** The field as the user sees it, e.g. "Message" or "Message List[3].message". */
	field: string;
	itemIndex: number;
	/** Max Parts per Message; 0 means no limit. */
	maxParts: number;
	/** Where the text sits, e.g. "entry 4 of 10, item 1"; defaults to the item. */
	where?: string;
}

/** The reason a message may not be sent, or undefined when it may. */
export function messageProblem(value: unknown, check: Omit<MessageCheck, 'itemIndex'>): { message: string; description: string } | undefined {
	const text = value === undefined || value === null ? '' : String(value);
	if (text.trim() === '') {
		// One wording for '' and for spaces: TalkNTalk's request step drops a blank value before
		// this check sees it, so "only spaces" could not be said the same way in both packages.
		return {
			message: `"${check.field}" is empty`,
			description: 'An empty message (or one of only spaces) is never sent: give the text of the SMS.',
		};
	}
	if (check.maxParts > 0) {
		const { parts, encoding, length } = smsParts(text);
		if (parts > check.maxParts) {
			return {
				message: `"${check.field}" would go out as ${parts} SMS parts per recipient (${length.toLocaleString('en-US')} ${encoding} characters), more than Max Parts per Message (${check.maxParts})`,
				description: `Each part is billed per recipient. Shorten the message, or raise Options → Max Parts per Message (0 means no limit) if a message this long is meant. ${
					encoding === 'UCS-2' ? 'The text holds characters outside the GSM-7 alphabet (emoji, some accents), so a part holds 67 characters instead of 153.' : ''
				}`.trim(),
			};
		}
	}
	return undefined;
}

/** Refuses an empty, blank or too long message before anything is sent; returns the text. */
function checkMessageText(node: INode, value: unknown, check: MessageCheck): string {
	const problem = messageProblem(value, check);
	if (problem) {
		throw new NodeOperationError(node, `${problem.message} (${check.where ?? `item ${check.itemIndex + 1}`})`, {
			itemIndex: check.itemIndex,
			description: problem.description,
		});
	}
	return String(value);
}

/** Max Parts per Message, as read from the node's options (default 10; 0 or less means no limit). */
export function maxPartsOf(value: unknown): number {
	const parts = Number(value ?? DEFAULT_MAX_PARTS);
	return Number.isFinite(parts) && parts > 0 ? Math.floor(parts) : 0;
}

/** The option both packages' SMS sends carry (in their Options collection, as `maxParts`). */
export const maxPartsOption: INodeProperties = {
	displayName: 'Max Parts per Message',
	name: 'maxParts',
	type: 'number',
	default: DEFAULT_MAX_PARTS,
	typeOptions: { minValue: 0 },
	description:
		'A longer message is refused before anything is sent: each part is billed per recipient (GSM-7: 160 characters in one part, 153 per part when longer; with emoji or other non-GSM characters 70, then 67). 0 means no limit.',
};

/**
 * The Message field's own check (its `routing.send.preSend`): refuses an empty, blank or too long
 * message (Options → Max Parts per Message) before anything is sent.
 */
export function messageCheck(provider: string, property = 'message', label = 'Message'): PreSend {
	return refusingLocally(provider, async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const body = (options.body ?? {}) as IDataObject;
		checkMessageText(this.getNode(), body[property], {
			field: label,
			itemIndex: this.getItemIndex(),
			maxParts: maxPartsOf(this.getNodeParameter('options.maxParts', DEFAULT_MAX_PARTS)),
		});
		return options;
	});
}
