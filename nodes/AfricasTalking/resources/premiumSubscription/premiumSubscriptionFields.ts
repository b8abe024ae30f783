import type { INodeProperties } from 'n8n-workflow';
import { phoneNumberField, premiumKeywordField } from '../../shared/fields';

/** Fields that the subscription operations share exactly. */

export const shortCodeField: INodeProperties = {
	displayName: 'Short Code',
	name: 'shortCode',
	type: 'string',
	required: true,
	default: '',
	placeholder: '20880',
	description: 'The premium short code mapped to your account',
	routing: { send: { type: 'body', property: 'shortCode' } },
};

export const keywordField = premiumKeywordField('The premium keyword on that short code');

export const subscriberField = phoneNumberField("The subscriber's phone number. International format, e.g. +254711XXXYYY.");
