import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { TALKNTALK_API_URL } from '../TalkNTalkCommon/environment';
import { accountDescription } from './resources/account';
import { addressBookDescription } from './resources/addressBook';
import { contactDescription } from './resources/contact';
import { messageDescription } from './resources/message';
import { senderIdDescription } from './resources/senderId';
import { smsDescription } from './resources/sms';
import { getAddressBooks, getSenderIdFilter, getSenderIds } from './shared/loadOptions';

const RESOURCES = [
	{ name: 'Account', value: 'account' },
	{ name: 'Address Book', value: 'addressBook' },
	{ name: 'Contact', value: 'contact' },
	{ name: 'Message', value: 'message', description: 'Messages already sent, with their status' },
	{ name: 'Sender ID', value: 'senderId' },
	{ name: 'SMS', value: 'sms' },
];

const OPERATIONS = [...smsDescription, ...messageDescription, ...senderIdDescription, ...addressBookDescription, ...contactDescription, ...accountDescription];

export class TalkNTalk implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'TalkNTalk',
		name: 'talkNTalk',
		icon: { light: 'file:../../icons/talkntalk.svg', dark: 'file:../../icons/talkntalk.dark.svg' },
		group: ['output'],
		version: 1,
		// The labels the user picked, by resource and operation (n8n's $parameter holds only the stored
		// values); a unit test checks it against every operation's label.
		subtitle:
			'={{ ({"sms:getCampaignStatus":"SMS: Get Campaign Status","sms:send":"SMS: Send","sms:sendBulk":"SMS: Send Bulk","sms:sendToAddressBooks":"SMS: Send to Address Books","message:getAll":"Message: Get Many","senderId:getAll":"Sender ID: Get Many","addressBook:getAll":"Address Book: Get Many","contact:getAll":"Contact: Get Many","account:getBalance":"Account: Get Balance","account:getOrganisation":"Account: Get Organisation"})[$parameter["resource"] + ":" + $parameter["operation"]] }}',
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
				options: RESOURCES,
				default: 'sms',
			},
			...OPERATIONS,
		],
	};

	methods = {
		loadOptions: { getSenderIds, getSenderIdFilter, getAddressBooks },
	};
}
