import { updateDisplayOptions, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { AT_BASE_URL } from '../../../AfricasTalkingCommon/environment';
import { bodyToItem } from '../../shared/responses';
import { operationRouting } from '../../shared/routing';
import { bodyFrom, liveOnly, rejectStatusCode, text } from '../../shared/chatApi';
import { channelAddress, channelFields, channelOf } from './sendMessage';

export const CONSENT_ACTIONS = { optIn: 'OptIn', optOut: 'OptOut' } as const;

export const option: INodePropertyOptions = {
	name: 'Update Consent',
	value: 'updateConsent',
	action: 'Update a customer consent',
	description: 'Opt a customer in to or out of your chat messages (live apps only)',
	routing: operationRouting({
		method: 'POST',
		url: '/chat/consent',
		baseURL: AT_BASE_URL.chat,
		encoding: 'json',
		preSend: [
			liveOnly('Chat'),
			bodyFrom((parameter, refuse) => {
				const channel = channelOf(parameter('channel'), refuse);
				const consent = text(parameter('consentAction'));
				const action = CONSENT_ACTIONS[consent as keyof typeof CONSENT_ACTIONS];
				if (!action) refuse(`Unknown action "${consent}" in "Action"`, 'Use optIn or optOut.');
				return {
					channelNumber: channelAddress(channel, parameter('channelNumber'), 'Channel Number', refuse),
					channel,
					customerNumber: channelAddress(channel, parameter('customerNumber'), 'Customer Number', refuse),
					action,
				};
			}),
		],
		postReceive: [rejectStatusCode('update the consent', 'Check the channel number and the customer number.'), bodyToItem],
	}),
};

const properties: INodeProperties[] = [
	...channelFields,
	{
		displayName: 'Action',
		name: 'consentAction',
		type: 'options',
		default: 'optIn',
		options: [
			{ name: 'Opt In', value: 'optIn', description: 'The customer agrees to receive your messages' },
			{ name: 'Opt Out', value: 'optOut', description: 'The customer no longer wants your messages' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['chat'], operation: ['updateConsent'] } }, properties);
