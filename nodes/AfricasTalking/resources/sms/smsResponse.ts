import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { itemsFor, throwApiError } from '../../shared/errors';

/** AT's per-recipient status codes, with what a user should check for each failure. */
export const SMS_STATUS: Record<number, { name: string; hint?: string }> = {
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

interface AtRecipient {
	number: string;
	status: string;
	statusCode: number;
	cost?: string;
	messageId?: string;
	messageParts?: number;
}

export function recipientItem(recipient: AtRecipient): IDataObject {
	const known = SMS_STATUS[recipient.statusCode];
	return {
		number: recipient.number,
		status: recipient.status,
		statusCode: recipient.statusCode,
		statusName: known?.name ?? recipient.status,
		success: recipient.statusCode < 400,
		cost: recipient.cost,
		messageId: recipient.messageId,
		messageParts: recipient.messageParts,
	};
}

export function recipientError(recipient: AtRecipient): string {
	const known = SMS_STATUS[recipient.statusCode];
	const name = known?.name ?? recipient.status;
	return `${recipient.number}: ${name} (${recipient.statusCode})${known?.hint ? `. ${known.hint}` : ''}`;
}

/**
 * One item per recipient. AT reports failures inside a 2xx body: a batch-level Message with
 * no recipients, or recipients with statusCode >= 400. Those become a node error; under
 * "Continue On Fail" each failed recipient becomes an item with an `error` field instead,
 * next to the recipients that were sent (so nothing sent is hidden and retried twice).
 */
export async function smsRecipientsToItems(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const data = ((response.body ?? {}) as IDataObject).SMSMessageData as IDataObject | undefined;
	const recipients = (data?.Recipients ?? []) as unknown as AtRecipient[];
	if (!data || recipients.length === 0) {
		const reason = String(data?.Message ?? 'no recipients in the answer');
		return await throwApiError.call(
			this,
			`Africa's Talking did not send the message: ${reason}`,
			MESSAGE_HINTS[reason] ?? 'Check the recipients, the message and the sender ID.',
			String(response.statusCode),
			{ Message: reason },
		);
	}
	const failed = recipients.filter((r) => r.statusCode >= 400);
	if (failed.length > 0 && !this.continueOnFail()) {
		const sent = recipients.length - failed.length;
		return await throwApiError.call(
			this,
			`Africa's Talking rejected ${failed.length} of ${recipients.length} recipients: ${failed.slice(0, 5).map(recipientError).join('; ')}${failed.length > 5 ? '; …' : ''}`,
			sent > 0
				? `${sent} other recipient(s) were accepted and will be charged: do not re-run this item as is. Turn on Settings → On Error → Continue to get one item per recipient, failures included.`
				: 'No recipient was accepted.',
			String(response.statusCode),
			{ failed: failed.map((r) => recipientItem(r)), sent },
		);
	}
	return itemsFor.call(
		this,
		recipients.map((r) => (r.statusCode >= 400 ? { ...recipientItem(r), error: recipientError(r) } : recipientItem(r))),
	);
}
