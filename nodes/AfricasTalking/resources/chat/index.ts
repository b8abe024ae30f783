import type { INodeProperties } from 'n8n-workflow';
import { resourceProperties } from '../../../common/resource';
import * as sendMessage from './sendMessage';
import * as updateConsent from './updateConsent';

/** Shown under the Operation selector of every Chat operation. */
const unreleasedApiNotice: INodeProperties = {
	displayName:
		"Chat is built on an API that Africa's Talking has not released in its SDKs (only an unmerged branch of its Python SDK has it), so it may not be enabled on your account. It has no sandbox: use a credential with Environment: Live.",
	name: 'chatNotice',
	type: 'notice',
	default: '',
	displayOptions: { show: { resource: ['chat'] } },
};

const [operationSelector, ...operationFields] = resourceProperties('chat', 'sendMessage', [sendMessage, updateConsent]);

export const chatDescription: INodeProperties[] = [operationSelector, unreleasedApiNotice, ...operationFields];
