import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { optionsCollection, textField } from '../../shared/fields';
import { keywordField, shortCodeField, subscriberField } from './fields';

const properties: INodeProperties[] = [
	shortCodeField(),
	keywordField(),
	subscriberField,
	optionsCollection(
		textField('checkoutToken', 'Checkout Token', 'Token from "Create Checkout Token", for older integrations that still require it'),
	),
];

export const subscriptionCreateDescription = updateDisplayOptions({ show: { resource: ['premiumSubscription'], operation: ['create'] } }, properties);
