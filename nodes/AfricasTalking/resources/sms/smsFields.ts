import type { INodeProperties } from 'n8n-workflow';
import { campaignOptionFields, campaignOutputFields, messageField as smsMessageField } from '../../../common/campaignFields';
import { PROVIDER } from '../../../AfricasTalkingCommon/environment';
import { check, phoneListFromItem } from '../../shared/checks';
import { listSourceFields } from '../../../common/itemField';
import { AT_SMS_CAMPAIGN } from './smsCampaign';

/** The fields Send and Send Premium share exactly: recipients, message, output and campaign options. */

/**
 * Recipients: by default the name of the input item's field that holds the list (the list usually
 * comes from Aggregate, a database or a file, and a large one must not pass through an
 * expression); typed numbers or an expression for a few.
 */
export const recipientsFields: INodeProperties[] = listSourceFields(
	phoneListFromItem({ name: 'recipients', displayName: 'Recipients', property: 'to', defaultField: 'phones', defaultSource: 'field' }),
	{
		displayName: 'Recipients',
		name: 'recipients',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+254711XXXYYY, +254733YYYZZZ',
		description:
			'Phone numbers in international format with a leading "+", separated by commas, semicolons or new lines (spaces, dashes and dots inside a number are ignored). An expression may also return an array of numbers.',
		routing: { send: { type: 'body', property: 'to', preSend: [check('phoneList', 'to', 'Recipients')] } },
	},
);

export const messageField = smsMessageField(
	PROVIDER,
	'160 GSM characters make one part (153 per part when longer); any other character (emoji, accents beyond GSM) makes it 70 (67).',
);

/** One item per recipient, or (for large campaigns) one summary item per input item. */
export const outputFields = campaignOutputFields({
	perRecipient: 'Number, status, cost and message ID of every recipient, in the order of the list',
	summary: 'counts by status, total cost, and every failed recipient with its reason',
});

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
export const campaignOptions = campaignOptionFields(AT_SMS_CAMPAIGN);
