import type { DeclarativeRestApiSettings, IExecutePaginationFunctions, INodeExecutionData, INodeProperties, INodePropertyRouting } from 'n8n-workflow';
import { sendSmsInChunks } from '../../shared/campaign';
import { maxPartsOption, messageCheck, refusingLocally } from '../../../common/messageChecks';
import { check, PROVIDER } from '../../shared/checks';
import { operationRouting } from '../../shared/routing';
import { smsRecipientsToItems } from './smsResponse';

/** What Send and Send Premium share exactly: the request, and the recipients, message and campaign fields. */

/**
 * Both post AT's messaging form, each on its own host; long recipient lists go out in chunks
 * (campaign.ts), by `pagination`: Send's also sends personalised lists.
 */
export function messagingRouting(
	baseURL: string,
	bulkSMSMode: 0 | 1,
	pagination: (this: IExecutePaginationFunctions, requestData: DeclarativeRestApiSettings.ResultOptions) => Promise<INodeExecutionData[]> = sendSmsInChunks,
): INodePropertyRouting {
	return operationRouting({
		method: 'POST',
		url: '/version1/messaging',
		baseURL,
		encoding: 'form',
		body: { bulkSMSMode },
		postReceive: [smsRecipientsToItems],
		pagination: refusingLocally(PROVIDER, pagination),
	});
}

export const recipientsField: INodeProperties = {
	displayName: 'Recipients',
	name: 'recipients',
	type: 'string',
	required: true,
	default: '',
	placeholder: '+254711XXXYYY, +254733YYYZZZ',
	description:
		'Phone numbers in international format with a leading "+", separated by commas, semicolons or new lines (spaces, dashes and dots inside a number are ignored). An expression may also return an array of numbers.',
	routing: { send: { type: 'body', property: 'to', preSend: [check('phoneList', 'to', 'Recipients')] } },
};

export const messageField: INodeProperties = {
	displayName: 'Message',
	name: 'message',
	type: 'string',
	required: true,
	default: '',
	typeOptions: { rows: 4 },
	description:
		'Text of the SMS. 160 GSM characters make one part (153 per part when longer); any other character (emoji, accents beyond GSM) makes it 70 (67).',
	routing: { send: { type: 'body', property: 'message', preSend: [messageCheck(PROVIDER)] } },
};

/** One item per recipient, or (for large campaigns) one summary item per input item. */
export const outputField: INodeProperties = {
	displayName: 'Output',
	name: 'output',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'One Item per Recipient',
			value: 'perRecipient',
			description: 'Number, status, cost and message ID of every recipient, in the order of the list',
		},
		{
			name: 'Summary',
			value: 'summary',
			description:
				'One item per input item: counts by status, total cost, and every failed recipient with its reason. Uses little memory: for campaigns of 100,000 recipients and more.',
		},
	],
	default: 'perRecipient',
};

export const includeMessageIdsField: INodeProperties = {
	displayName: 'Include Message IDs',
	name: 'includeMessageIds',
	type: 'boolean',
	default: false,
	displayOptions: { show: { output: ['summary'] } },
	description:
		'Whether the summary also lists every recipient sent with its message ID (to match delivery reports). The list grows with the campaign: leave it off for very large sends.',
};

export const enqueueOption: INodeProperties = {
	displayName: 'Enqueue',
	name: 'enqueue',
	type: 'boolean',
	default: false,
	description:
		"Whether Africa's Talking should queue the messages and answer at once instead of waiting for the operators (recommended for large sends)",
	routing: { send: { type: 'body', property: 'enqueue', value: '={{ $value ? 1 : 0 }}' } },
};

/** Bulk sending: how one item's recipients are split, how many requests run at once, retries. */
export const campaignOptionFields: INodeProperties[] = [
	{
		displayName: 'Recipients per Request',
		name: 'batchSize',
		type: 'number',
		default: 1000,
		typeOptions: { minValue: 1, maxValue: 10000 },
		description: 'A long recipient list goes out in requests of this many numbers (same message to all)',
	},
	{
		displayName: 'Max Concurrent Requests',
		name: 'maxConcurrency',
		type: 'number',
		default: 10,
		typeOptions: { minValue: 0 },
		description:
			"Requests in flight at once to this Africa's Talking account (credential and host), over all items and all executions in this n8n process (each queue-mode worker counts its own); 0 means no limit",
	},
	{
		displayName: 'Max Requests per Second',
		name: 'maxPerSecond',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0 },
		description: 'Spread requests to this account out over time, over all executions in this n8n process; 0 means no limit',
	},
	{
		displayName: 'Retry When Rate Limited or Failed',
		name: 'retry',
		type: 'boolean',
		default: true,
		description:
			"Whether to retry requests Africa's Talking answered with 429 or 5xx (it sent nothing then), waiting as its Retry-After says or with growing pauses",
	},
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		default: 4,
		typeOptions: { minValue: 0 },
		description: 'How many times a rate-limited or failed request is retried (when retrying is on)',
	},
	maxPartsOption,
];
