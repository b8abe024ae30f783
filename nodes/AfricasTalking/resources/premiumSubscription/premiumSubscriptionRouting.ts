import { AT_BASE_URL } from '../../../AfricasTalkingCommon/environment';
import { bodyToItem, requireStatus } from '../../shared/responses';
import { operationRouting } from '../../shared/routing';

/** A form POST to the premium host whose answer says Success when it worked. */
export function subscriptionRouting(url: string, action: string, status = { field: 'status', reasonFields: ['description', 'errorMessage'] }) {
	return operationRouting({
		method: 'POST',
		url,
		baseURL: AT_BASE_URL.premium,
		encoding: 'form',
		postReceive: [requireStatus({ field: status.field, ok: ['Success'], action, reasonFields: status.reasonFields }), bodyToItem],
	});
}
