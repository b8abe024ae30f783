import { AT_BASE_URL } from '../../../AfricasTalkingCommon/environment';
import type { StatusRule } from '../../../common/statusRule';
import { bodyToItem, requireStatus } from '../../shared/responses';
import { operationRouting } from '../../shared/routing';

/** A form POST to the premium host whose answer says Success when it worked. */
export function subscriptionRouting(url: string, action: string, rule: StatusRule, reasonFields = ['description', 'errorMessage']) {
	return operationRouting({
		method: 'POST',
		url,
		baseURL: AT_BASE_URL.premium,
		encoding: 'form',
		postReceive: [requireStatus({ rule, action, reasonFields, output: bodyToItem })],
	});
}
