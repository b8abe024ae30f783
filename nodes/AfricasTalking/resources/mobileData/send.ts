import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { idempotencyKeyOption, metadataField, optionsCollection, productNameField, recipientList, recipientPhoneField } from '../../shared/fields';

export const DATA_UNITS = [
	{ name: 'MB', value: 'MB' },
	{ name: 'GB', value: 'GB' },
];

export const DATA_VALIDITY = [
	{ name: 'Day', value: 'Day' },
	{ name: 'Week', value: 'Week' },
	{ name: 'Two Weeks', value: 'BiWeek' },
	{ name: 'Month', value: 'Month' },
	{ name: 'Quarter', value: 'Quarterly' },
];

const properties: INodeProperties[] = [
	{ ...productNameField, description: 'The mobile data product created in the Africa\'s Talking dashboard' },
	recipientList(
		[
			recipientPhoneField,
			{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 50, typeOptions: { minValue: 1 } },
			{ displayName: 'Unit', name: 'unit', type: 'options', default: 'MB', options: DATA_UNITS },
			{ displayName: 'Validity', name: 'validity', type: 'options', default: 'Day', options: DATA_VALIDITY, description: 'How long the bundle stays usable' },
			{ ...metadataField('Key/value pairs sent back in the data status notification'), routing: undefined },
		],
		{ quantity: 50, unit: 'MB', validity: 'Day' },
	),
	optionsCollection(idempotencyKeyOption),
];

export const mobileDataSendDescription = updateDisplayOptions({ show: { resource: ['mobileData'], operation: ['send'] } }, properties);
