/** Readable descriptions next to the codes AT puts in callbacks (africastalking-api.md §4). */

export const NETWORKS: Record<string, string> = {
	'63902': 'Safaricom', '63903': 'Airtel Kenya', '63907': 'Orange Kenya', '63999': 'Equitel', '62120': 'Airtel Nigeria', '62130': 'MTN Nigeria',
	'62150': 'Glo', '62160': 'Etisalat Nigeria', '63510': 'MTN Rwanda', '63514': 'Airtel Rwanda', '64002': 'Tigo Tanzania', '64004': 'Vodacom Tanzania',
	'64005': 'Airtel Tanzania', '64101': 'Airtel Uganda', '64110': 'MTN Uganda', '65001': 'TNM', '65010': 'Airtel Malawi', '99999': 'Athena (sandbox)',
};

export const DELIVERY_STATUS: Record<string, string> = {
	Sent: 'Sent to the operator', Submitted: 'Submitted to the operator', Buffered: 'Queued at the operator, phone not reachable yet',
	Rejected: 'Rejected by the operator', Success: 'Delivered to the phone', Failed: 'Could not be delivered', AbsentSubscriber: 'Phone off or out of coverage',
	Expired: 'Not delivered before it expired',
};

export const FAILURE_REASONS: Record<string, string> = {
	InsufficientCredit: 'The subscriber has too little airtime for this premium message', InvalidLinkId: 'The linkId is wrong or has expired',
	UserIsInactive: 'The subscriber\'s line is inactive', UserInBlackList: 'The subscriber opted out of messages from this sender',
	UserAccountSuspended: 'The subscriber\'s account is suspended', NotNetworkSubscriber: 'The number is not on this network',
	UserNotSubscribedToProduct: 'The subscriber is not subscribed to this premium product', UserDoesNotExist: 'The number does not exist',
	DeliveryFailure: 'Unknown delivery failure at the operator', DoNotDisturbRejection: 'The subscriber has Do Not Disturb on',
};

// Statuses after which AT sends no further report for the message (Sent, Submitted and
// Buffered are steps on the way).
const FINAL_DELIVERY_STATUSES = new Set(['Success', 'Failed', 'Rejected', 'AbsentSubscriber', 'Expired']);
// Failures that may pass if the same message is sent again later (the phone was off, out of
// coverage, or the operator failed for no stated reason); never an opt-out, Do Not Disturb or an
// unknown number. AT publishes no such list: this one is inferred from what each code means.
const RETRYABLE_DELIVERY = new Set(['AbsentSubscriber', 'DeliveryFailure', 'Expired']);

/** Whether a delivery report's status is final, and whether its failure is worth one resend. */
export function deliveryOutcome(status: unknown, failureReason: unknown): { final: boolean; retryable: boolean } {
	const final = FINAL_DELIVERY_STATUSES.has(String(status));
	// The failure reason says more than the status (Failed with UserInBlackList); without one, the status.
	const cause = failureReason === undefined || failureReason === null || failureReason === '' ? String(status) : String(failureReason);
	return { final, retryable: final && status !== 'Success' && RETRYABLE_DELIVERY.has(cause) };
}

export const HANGUP_CAUSES: Record<string, string> = {
	NORMAL_CLEARING: 'The call ended normally', CALL_REJECTED: 'The call was rejected', NORMAL_TEMPORARY_FAILURE: 'Temporary network failure',
	RECOVERY_ON_TIMER_EXPIRE: 'The network timed out', ORIGINATOR_CANCEL: 'The caller hung up before an answer', LOSE_RACE: 'Another leg answered first',
	USER_BUSY: 'The number was busy', NO_ANSWER: 'No answer', NO_USER_RESPONSE: 'The phone did not respond', SUBSCRIBER_ABSENT: 'The phone is off or out of coverage',
	SERVICE_UNAVAILABLE: 'The service is unavailable', USER_NOT_REGISTERED: 'The SIP user is not registered', UNALLOCATED_NUMBER: 'The number does not exist',
	UNSPECIFIED: 'Unspecified',
};

export function describe(table: Record<string, string>, code: unknown): string | undefined {
	if (code === undefined || code === null || code === '') return undefined;
	// Own entries only: a code such as "constructor" must not return what every object inherits.
	return Object.prototype.hasOwnProperty.call(table, String(code)) ? table[String(code)] : undefined;
}
