import type { IDataObject } from 'n8n-workflow';
import type { RecipientOutcome } from '../../../common/summary';
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

function recipientItem(recipient: IDataObject): IDataObject {
	const statusCode = Number(recipient.statusCode);
	return {
		number: recipient.number,
		status: recipient.status,
		statusCode,
		statusName: SMS_STATUS[statusCode]?.name ?? recipient.status,
		success: statusCode < 400,
		cost: recipient.cost,
		messageId: recipient.messageId,
		messageParts: recipient.messageParts,
	};
}

function recipientError(recipient: IDataObject): string {
	const statusCode = Number(recipient.statusCode);
	const known = SMS_STATUS[statusCode];
	return `${String(recipient.number)}: ${known?.name ?? String(recipient.status)} (${statusCode})${known?.hint ? `. ${known.hint}` : ''}`;
}

/** One item per recipient of AT's SMS answer; see entriesToItems for failures in 2xx answers. */
export const smsRecipientsToItems = entriesToItems({
	list: 'SMSMessageData.Recipients',
	action: 'send the message',
	failed: (recipient) => Number(recipient.statusCode) >= 400,
	describe: recipientError,
	toJson: recipientItem,
	reason: (body) => String((body.SMSMessageData as IDataObject | undefined)?.Message ?? ''),
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
	const sent = json.success === true && error === undefined;
	return {
		recipient,
		sent,
		status: String(json.statusName ?? (sent ? 'Sent' : 'NotSent')),
		cost: parseCost(json.cost),
		messageId: sent && typeof json.messageId === 'string' ? json.messageId : undefined,
		// The reason without the number in front: the summary lists it next to the reason.
		reason: error !== undefined && error.startsWith(`${recipient}: `) ? error.slice(recipient.length + 2) : error,
	};
}
