import type { INodeProperties } from 'n8n-workflow';
import { phoneNumberField, textField } from '../../shared/fields';

export const shortCodeField = (send: 'body' | 'query' = 'body'): INodeProperties => ({
	...textField('shortCode', 'Short Code', 'The premium short code mapped to your account', { required: true, placeholder: '20880' }),
	routing: { send: { type: send, property: 'shortCode' } },
});

export const keywordField = (send: 'body' | 'query' = 'body'): INodeProperties => ({
	...textField('keyword', 'Keyword', 'The premium keyword on that short code', { required: true, placeholder: 'NEWS' }),
	routing: { send: { type: send, property: 'keyword' } },
});

export const subscriberField = phoneNumberField('phoneNumber', 'Phone Number', 'The subscriber\'s phone number.');
