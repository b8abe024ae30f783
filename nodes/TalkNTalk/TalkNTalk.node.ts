import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { TALKNTALK_API_URL } from '../../credentials/TalkNTalkApi.credentials';
import { accountDescription } from './resources/account';
import { addressBookDescription } from './resources/addressBook';
import { contactDescription } from './resources/contact';
import { messageDescription } from './resources/message';
import { senderIdDescription } from './resources/senderId';
import { smsDescription } from './resources/sms';
import { getAddressBooks, getSenderIdFilter, getSenderIds } from './shared/loadOptions';

export class TalkNTalk implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'TalkNTalk',
		name: 'talkNTalk',
		icon: { light: 'file:../../icons/talkntalk.svg', dark: 'file:../../icons/talkntalk.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send SMS to Kenyan numbers with TalkNTalk: single, bulk and address-book campaigns, message status, sender IDs, contacts and balance',
		defaults: { name: 'TalkNTalk' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'talkNTalkApi', required: true }],
		requestDefaults: {
			baseURL: TALKNTALK_API_URL,
			headers: { Accept: 'application/json' },
			// Errors are read by one shared postReceive step, which keeps TalkNTalk's `detail`.
			ignoreHttpStatusErrors: true,
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Address Book', value: 'addressBook' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'Message', value: 'message', description: 'Messages already sent, with their status' },
					{ name: 'Sender ID', value: 'senderId' },
					{ name: 'SMS', value: 'sms' },
				],
				default: 'sms',
			},
			...smsDescription,
			...messageDescription,
			...senderIdDescription,
			...addressBookDescription,
			...contactDescription,
			...accountDescription,
		],
	};

	methods = {
		loadOptions: { getSenderIds, getSenderIdFilter, getAddressBooks },
	};
}
