import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { optionsCollection, phoneNumberField, textField } from '../../shared/fields';

const properties: INodeProperties[] = [
	textField('sessionId', 'Session ID', 'The sessionId of the active call (from the Africa\'s Talking Trigger)', { required: true, placeholder: 'ATVId_…' }),
	phoneNumberField('phoneNumber', 'Transfer To', 'The number to transfer the call to.'),
	optionsCollection(
		{
			displayName: 'Call Leg',
			name: 'callLeg',
			type: 'options',
			default: 'callee',
			options: [
				{ name: 'Callee', value: 'callee', description: 'Transfer the person who was called' },
				{ name: 'Caller', value: 'caller', description: 'Transfer the person who called' },
			],
			routing: { send: { type: 'body', property: 'callLeg' } },
		},
		textField('holdMusicUrl', 'Hold Music URL', 'HTTPS URL of audio played while the transfer connects', { placeholder: 'https://example.com/hold.mp3' }),
	),
];

export const transferCallDescription = updateDisplayOptions({ show: { resource: ['voice'], operation: ['transferCall'] } }, properties);
