import type { INodeProperties } from 'n8n-workflow';
import type { CampaignProvider } from './campaign';
import { maxPartsOption, messageCheck } from './messageChecks';

/**
 * The fields of a bulk SMS send, built once for both providers from their limits (campaign.ts
 * reads them back with campaignOptions): the message, the Output choice and the campaign options.
 */

/**
 * The message of an SMS send, checked before anything is sent (blank, or longer than Options →
 * Max Parts per Message); `parts` says how the provider counts and bills parts.
 */
export function messageField(provider: string, parts: string): INodeProperties {
	const description = `Text of the SMS. ${parts}`;
	return {
		displayName: 'Message',
		name: 'message',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		description,
		routing: { send: { type: 'body', property: 'message', preSend: [messageCheck(provider)] } },
	};
}

/** Output (one item per recipient, or a summary per input item) and Include Message IDs. */
export function campaignOutputFields(says: { perRecipient: string; summary: string }): INodeProperties[] {
	return [
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'One Item per Recipient', value: 'perRecipient', description: says.perRecipient },
				{
					name: 'Summary',
					value: 'summary',
					description: `One item per input item: ${says.summary}. Uses little memory: for campaigns of 100,000 recipients and more.`,
				},
			],
			default: 'perRecipient',
		},
		{
			displayName: 'Include Message IDs',
			name: 'includeMessageIds',
			type: 'boolean',
			default: false,
			displayOptions: { show: { output: ['summary'] } },
			description:
				'Whether the summary also lists every recipient sent with its message ID (to match delivery reports). The list grows with the campaign: leave it off for very large sends.',
		},
	];
}

/** The options of a send's Options collection that campaignOptions reads, in n8n's (alphabetical) order. */
export function campaignOptionFields(provider: CampaignProvider): INodeProperties[] {
	const { name, rateDescription } = provider;
	const { batchSize, maxConcurrency, maxPerSecond, maxRetries } = provider.defaults;
	const maxPerMinute = maxPerSecond * 60;
	const rate: INodeProperties = provider.ratePerMinute
		? { displayName: 'Max Requests per Minute', name: 'maxPerMinute', type: 'number', default: maxPerMinute, typeOptions: { minValue: 0 }, description: rateDescription }
		: { displayName: 'Max Requests per Second', name: 'maxPerSecond', type: 'number', default: maxPerSecond, typeOptions: { minValue: 0 }, description: rateDescription };
	const batchSizeField: INodeProperties[] =
		provider.maxBatchSize > 1
			? [
					{
						displayName: 'Recipients per Request',
						name: 'batchSize',
						type: 'number',
						default: batchSize,
						typeOptions: { minValue: 1, maxValue: provider.maxBatchSize },
						description: `A long recipient list goes out in requests of this many numbers (same message to all); ${name} takes at most ${provider.maxBatchSize.toLocaleString('en-US')}`,
					},
				]
			: [];
	return [
		{
			displayName: 'Max Concurrent Requests',
			name: 'maxConcurrency',
			type: 'number',
			default: maxConcurrency,
			typeOptions: { minValue: 0 },
			description: `Requests in flight at once to this ${name} account (credential and host), over all items and all executions in this n8n process (each queue-mode worker counts its own); 0 means no limit`,
		},
		maxPartsOption,
		rate,
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			default: maxRetries,
			typeOptions: { minValue: 0 },
			description: 'How many times a rate-limited or failed request is retried (when retrying is on)',
		},
		...batchSizeField,
		{
			displayName: 'Retry When Rate Limited or Failed',
			name: 'retry',
			type: 'boolean',
			// Every provider retries by default (n8n wants a literal boolean default).
			default: true,
			description: `Whether to retry requests ${name} answered with 429 or 5xx (it sent nothing then), waiting as its Retry-After says or with growing pauses`,
		},
	];
}
