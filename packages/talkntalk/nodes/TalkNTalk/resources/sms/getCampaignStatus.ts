import { updateDisplayOptions, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { answerToItem } from '../../shared/responses';
import { talkNTalkRouting } from '../../shared/routing';

export const option: INodePropertyOptions = {
	name: 'Get Campaign Status',
	value: 'getCampaignStatus',
	action: 'Get the status of a campaign',
	description: 'Get the progress of a campaign started with Send to Address Books',
	// POST /v1/sms/campaigns/status/ {campaign_id} → 200 {campaign_id, status, sent_count, failed_count, delivery_rate, …}
	routing: talkNTalkRouting({ method: 'POST', url: '/sms/campaigns/status/', postReceive: [answerToItem] }),
};

const properties: INodeProperties[] = [
	{
		displayName: 'Campaign ID',
		name: 'campaignId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '84',
		description: 'The campaign_id that Send to Address Books returned, passed on exactly as given',
		routing: { send: { type: 'body', property: 'campaign_id' } },
	},
];

export const description = updateDisplayOptions({ show: { resource: ['sms'], operation: ['getCampaignStatus'] } }, properties);
