import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { optionsCollection, phoneNumberField, textField } from '../../shared/fields';
import { keywordField, shortCodeField } from './fields';

const properties: INodeProperties[] = [
	shortCodeField(),
	keywordField(),
	optionsCollection(
		phoneNumberField('phoneNumber', 'Phone Number', 'The subscriber, when known (otherwise Safaricom asks on its consent page).', false),
		textField('redirectUrl', 'Redirect URL', 'Where Safaricom sends the subscriber after the consent page', { placeholder: 'https://example.com/subscribed' }),
		textField('requestId', 'Request ID', 'Your own ID for this request, echoed in the subscription notification'),
		textField('sourceIp', 'Source IP', "The subscriber's IP address, when the request comes from your website"),
		textField('userAgent', 'User Agent', "The subscriber's browser user agent, when the request comes from your website"),
	),
];

export const safaricomSubscriptionDescription = updateDisplayOptions(
	{ show: { resource: ['premiumSubscription'], operation: ['createSafaricom'] } },
	properties,
);
