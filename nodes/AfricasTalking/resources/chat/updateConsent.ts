import { updateDisplayOptions, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';
import { chatApiRouting, text } from '../../shared/chatApi';
import { channelAddress, channelFields, channelOf } from './sendMessage';

export const CONSENT_ACTIONS = { optIn: 'OptIn', optOut: 'OptOut' } as const;

export const option: INodePropertyOptions = {
	name: 'Update Consent',
	value: 'updateConsent',
	action: 'Update a customer consent',
	description: 'Opt a customer in to or out of your chat messages (live apps only)',
	routing: chatApiRouting(
		'Chat',
		'/chat/consent',
		(parameter, refuse) => {
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
		},
		{
			action: 'update the consent',
			hint: 'Check the channel number and the customer number.',
		},
	),
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
