import { updateDisplayOptions, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { AT_BASE_URL } from '../../../AfricasTalkingCommon/environment';
import { check, phoneListFromItem } from '../../shared/checks';
import { listSourceFields } from '../../../common/itemField';
import { perRecipientOutput } from '../../shared/responses';
import type { StatusRule } from '../../../common/statusRule';
import { operationRouting } from '../../shared/routing';
import { optionsCollection } from '../../../common/fields';

/** Each number called: AT queues the call (`Queued`) or names why not. */
export const CALL_RULE: StatusRule = {
	answer: 'Voice → Make Call, each number',
	statusField: 'status',
	success: ['Queued'],
	failure: ['InvalidPhoneNumber', 'DestinationNotSupported', 'InsufficientCredit', 'Failed'],
	errorField: 'errorMessage',
};

export const option: INodePropertyOptions = {
	name: 'Make Call',
	value: 'makeCall',
	action: 'Make a call',
	description: 'Call one or many numbers from your voice number; the call then follows the voice callback of that number. One item per number called.',
	routing: operationRouting({
		method: 'POST',
		url: '/call',
		baseURL: AT_BASE_URL.voice,
		encoding: 'form',
		postReceive: perRecipientOutput({
			list: 'entries',
			action: 'place the call',
			rule: CALL_RULE,
			recipientField: 'phoneNumber',
			hint: () => 'Check that "From" is a voice number of this app and the numbers called are valid.',
		}),
	}),
};

const properties: INodeProperties[] = [
	{
		displayName: 'From',
		name: 'from',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+254711XXXYYY',
		description: 'Your Africa\'s Talking voice number that places the call. International format, e.g. +254711XXXYYY.',
		routing: { send: { type: 'body', property: 'from', preSend: [check('phone', 'from', 'From')] } },
	},
	...listSourceFields(phoneListFromItem({ name: 'to', displayName: 'Numbers to Call', property: 'to', defaultField: 'phones', defaultSource: 'parameter' }), {
		displayName: 'To',
		name: 'to',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+254711XXXYYY, +254733YYYZZZ',
		description: 'One or more numbers to call, separated by commas or new lines (an expression may return an array)',
		routing: { send: { type: 'body', property: 'to', preSend: [check('phoneList', 'to', 'To')] } },
	}),
	optionsCollection([
		{
			displayName: 'Client Request ID',
			name: 'clientRequestId',
			type: 'string',
			default: '',
			description: 'Your own ID for the call, sent back in the voice events of this call',
			routing: { send: { type: 'body', property: 'clientRequestId' } },
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['voice'], operation: ['makeCall'] } }, properties);
