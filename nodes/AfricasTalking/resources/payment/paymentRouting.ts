import type { INodePropertyRouting } from 'n8n-workflow';
import { AT_BASE_URL } from '../../../AfricasTalkingCommon/environment';
import { idempotencyKey, metadataInBody } from '../../shared/checks';
import type { StatusRule } from '../../../common/statusRule';
import { bodyToItem, requireStatus, statusWordRule } from '../../shared/responses';

/** AT's refusals of a payment request, inside a 2xx answer. */
export const PAYMENT_FAILURES = ['InvalidRequest', 'NotSupported', 'InsufficientCredentials', 'DuplicateRequest'];

/** The payment queries (transactions, wallet): `Success`, or `Failed` with an errorMessage. */
export const PAYMENT_QUERY_RULE = statusWordRule('Payment → the Get operations', { failure: ['InvalidRequest'] });
import { operationRouting, type PostReceive } from '../../shared/routing';

/**
 * A request that moves money: JSON to the payments host, with an Idempotency-Key, and its outcome
 * checked (AT reports a refused payment inside a 2xx answer). Metadata goes only when given,
 * except where AT requires it (`metadataRequired`: then an empty object when none was given).
 */
export function paymentRouting(url: string, rule: StatusRule, action: string, { metadataRequired = false } = {}): INodePropertyRouting {
	return operationRouting({
		method: 'POST',
		url,
		baseURL: AT_BASE_URL.payments,
		encoding: 'json',
		preSend: [metadataInBody('metadata', { always: metadataRequired }), idempotencyKey],
		postReceive: [requireStatus({ rule, action, reasonFields: ['description', 'errorMessage'], output: bodyToItem })],
	});
}

/** A read from the payments host, its status checked, then shaped by `output`. */
export function paymentQueryRouting(url: string, action: string, output: PostReceive): INodePropertyRouting {
	return operationRouting({
		method: 'GET',
		url,
		baseURL: AT_BASE_URL.payments,
		encoding: 'query',
		postReceive: [requireStatus({ rule: PAYMENT_QUERY_RULE, action, output })],
	});
}
