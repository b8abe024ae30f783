import type { INodeProperties } from 'n8n-workflow';
import { AT_BASE_URL } from '../../../AfricasTalkingCommon/environment';
import { check } from '../../shared/checks';
import { bodyToItem, requireStatus } from '../../shared/responses';
import { operationRouting } from '../../shared/routing';

/** Fields and routing that the subscription operations share exactly. */

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

/** A form POST to the premium host whose answer says Success when it worked. */
export function subscriptionRouting(url: string, action: string, status = { field: 'status', reasonFields: ['description', 'errorMessage'] }) {
	return operationRouting({
		method: 'POST',
		url,
		baseURL: AT_BASE_URL.premium,
		encoding: 'form',
		postReceive: [requireStatus({ field: status.field, ok: ['Success'], action, reasonFields: status.reasonFields }), bodyToItem],
	});
}
