import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { optionsCollection, phoneNumberField, textField } from '../../shared/fields';

const properties: INodeProperties[] = [
	phoneNumberField('from', 'From', 'Your Africa\'s Talking voice number that places the call.'),
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+254711XXXYYY, +254733YYYZZZ',
		description: 'One or more numbers to call, separated by commas or new lines (an expression may return an array)',
		routing: { send: { type: 'body', property: 'to' } },
	},
	optionsCollection(
		textField('clientRequestId', 'Client Request ID', 'Your own ID for the call, sent back in the voice events of this call'),
	),
];

export const makeCallDescription = updateDisplayOptions({ show: { resource: ['voice'], operation: ['makeCall'] } }, properties);
