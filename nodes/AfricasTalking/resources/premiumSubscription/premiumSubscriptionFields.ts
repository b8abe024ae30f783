import type { INodeProperties } from 'n8n-workflow';
import { check } from '../../shared/checks';

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

export const keywordField: INodeProperties = {
	displayName: 'Keyword',
	name: 'keyword',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'NEWS',
	description: 'The premium keyword on that short code',
	routing: { send: { type: 'body', property: 'keyword' } },
};

export const subscriberField: INodeProperties = {
	displayName: 'Phone Number',
	name: 'phoneNumber',
	type: 'string',
	required: true,
	default: '',
	placeholder: '+254711XXXYYY',
	description: 'The subscriber\'s phone number. International format, e.g. +254711XXXYYY.',
	routing: { send: { type: 'body', property: 'phoneNumber', preSend: [check('phone', 'phoneNumber', 'Phone Number')] } },
};
