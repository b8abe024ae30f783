import { updateDisplayOptions, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { resultsToItems } from '../../shared/responses';
import { talkNTalkRouting } from '../../shared/routing';

export const option: INodePropertyOptions = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many sender IDs',
	description: "Get your organisation's sender IDs, one item per sender ID and network",
	// GET /v1/bulk-sms/sender-ids/ → 200 {count, results} (not paginated)
	routing: talkNTalkRouting({ method: 'GET', url: '/bulk-sms/sender-ids/', postReceive: [resultsToItems] }),
};

const properties: INodeProperties[] = [
	{
		displayName: 'A sender ID approved on several networks appears once per network. Only sender IDs with status "active" can be used to send.',
		name: 'senderIdNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['senderId'], operation: ['getAll'] } }, properties);
