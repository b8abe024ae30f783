import type { INodePropertyRouting } from 'n8n-workflow';
import type { Pagination } from '../../../common/routing';
import { operationRouting } from '../../shared/routing';
import { sendSmsInChunks } from './smsCampaign';
import { smsRecipientsToItems } from './smsResponse';

/**
 * Both post AT's messaging form, each on its own host; long recipient lists go out in chunks
 * (smsCampaign.ts), by `pagination`: Send's also sends personalised lists.
 */
export function messagingRouting(
	baseURL: string,
	bulkSMSMode: 0 | 1,
	pagination: Pagination = sendSmsInChunks,
): INodePropertyRouting {
	return operationRouting({
		method: 'POST',
		url: '/version1/messaging',
		baseURL,
		encoding: 'form',
		body: { bulkSMSMode },
		postReceive: [smsRecipientsToItems],
		pagination,
	});
}
