import type { IDataObject } from 'n8n-workflow';
import type { RecipientOutcome } from '../../../common/summary';
import { plainText, type Judgement, type StatusRule } from '../../../common/statusRule';
import { entriesToItems } from '../../shared/responses';

/** AT's per-recipient status codes, with what a user should check for each failure. */
const SMS_STATUS: Record<number, { name: string; hint?: string }> = {
	100: { name: 'Processed' },
	101: { name: 'Sent' },
	102: { name: 'Queued' },
	401: { name: 'RiskHold', hint: "Africa's Talking is holding the message for review: contact their support." },
	402: { name: 'InvalidSenderId', hint: 'Check "Sender ID or Short Code": it must be approved for this app (leave it empty to use the default).' },
	403: { name: 'InvalidPhoneNumber', hint: 'The number is not a valid mobile number.' },
	404: { name: 'UnsupportedNumberType', hint: "Africa's Talking cannot deliver to this kind of number." },
	405: { name: 'InsufficientBalance', hint: "Top up your Africa's Talking account." },
	406: { name: 'UserInBlacklist', hint: 'The recipient opted out of messages from this sender.' },
	407: { name: 'CouldNotRoute', hint: "The recipient's network is not reachable with this sender ID." },
	409: { name: 'DoNotDisturbRejection', hint: 'The recipient has Do Not Disturb on for promotional messages.' },
	500: { name: 'InternalServerError', hint: "A temporary failure at Africa's Talking: try again later." },
	501: { name: 'GatewayError', hint: 'A temporary failure at the operator: try again later.' },
	502: { name: 'RejectedByGateway', hint: 'The operator refused the message: check its content and the sender ID.' },
};

const MESSAGE_HINTS: Record<string, string> = {
	InvalidSenderId: SMS_STATUS[402].hint as string,
	InsufficientBalance: SMS_STATUS[405].hint as string,
	UserInBlacklist: SMS_STATUS[406].hint as string,
	InvalidPhoneNumber: SMS_STATUS[403].hint as string,
};

/**
 * One SMS or premium SMS recipient: AT's `statusCode` decides when present (below 400 sent);
 * otherwise its status word (AT names each code's status, and answers `Success` for a sent one).
 */
export const SMS_RECIPIENT_RULE: StatusRule = {
	answer: 'SMS and premium SMS, each recipient',
	codeField: 'statusCode',
	statusField: 'status',
	success: ['Success', 'Processed', 'Sent', 'Queued'],
	failure: ['Failed', ...Object.entries(SMS_STATUS).filter(([code]) => Number(code) >= 400).map(([, known]) => known.name)],
};

function knownStatus(judgement: Judgement) {
	return judgement.code === undefined ? undefined : SMS_STATUS[judgement.code];
}

function recipientItem(recipient: IDataObject, judgement: Judgement): IDataObject {
	const json: IDataObject = {
		number: recipient.number,
		status: recipient.status,
		statusCode: judgement.code,
		statusName: knownStatus(judgement)?.name ?? (judgement.status || undefined),
		success: judgement.verdict === 'unknown' ? undefined : judgement.verdict === 'success',
		cost: recipient.cost,
		messageId: recipient.messageId,
		messageParts: recipient.messageParts,
	};
	for (const key of Object.keys(json)) if (json[key] === undefined) delete json[key];
	return json;
}

/** What to check for a failed recipient, by its code or, without one, by its status word. */
function recipientHint(_recipient: IDataObject, judgement: Judgement): string | undefined {
	return knownStatus(judgement)?.hint ?? Object.values(SMS_STATUS).find((known) => known.name.toLowerCase() === judgement.status.toLowerCase())?.hint;
}

/** One item per recipient of AT's SMS answer; see entriesToItems for failures in 2xx answers. */
export const smsRecipientsToItems = entriesToItems({
	list: 'SMSMessageData.Recipients',
	action: 'send the message',
	rule: SMS_RECIPIENT_RULE,
	recipientField: 'number',
	statusName: (judgement) => knownStatus(judgement)?.name,
	describe: recipientHint,
	toJson: recipientItem,
	reason: (body) => plainText((body.SMSMessageData as IDataObject | undefined)?.Message),
	hint: (reason) => MESSAGE_HINTS[reason] ?? 'Check the recipients, the message and the sender ID.',
});

/** AT's cost of one recipient, e.g. "KES 0.8000" ("0" for a recipient that was not sent). */
function parseCost(cost: unknown): RecipientOutcome['cost'] {
	const match = /^([A-Z]{3})\s+(-?\d+(?:\.\d+)?)$/.exec(String(cost ?? '').trim());
	return match ? { currency: match[1], amount: Number(match[2]) } : undefined;
}

/** What one recipient item says, for the Summary output. */
export function smsOutcome(json: IDataObject): RecipientOutcome {
	const recipient = String(json.number ?? '');
	const error = json.error === undefined ? undefined : String(json.error);
	const verdict = error !== undefined ? 'failure' : json.success === true ? 'success' : json.success === false ? 'failure' : 'unknown';
	return {
		recipient,
		verdict,
		status: plainText(json.statusName) || plainText(json.status) || (verdict === 'success' ? 'Sent' : verdict === 'failure' ? 'NotSent' : 'NoStatus'),
		cost: parseCost(json.cost),
		messageId: verdict !== 'failure' && (typeof json.messageId === 'string' || typeof json.messageId === 'number') ? String(json.messageId) : undefined,
		// The reason without the number in front: the summary lists it next to the reason.
		reason: error !== undefined && error.startsWith(`${recipient}: `) ? error.slice(recipient.length + 2) : error,
	};
}
