import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { accountDescription } from './resources/account';
import { airtimeDescription } from './resources/airtime';
import { mobileDataDescription } from './resources/mobileData';
import { paymentsDescription } from './resources/payments';
import { premiumSubscriptionDescription } from './resources/premiumSubscription';
import { smsDescription } from './resources/sms';
import { voiceDescription } from './resources/voice';
import { AT_BASE_URL } from '../AfricasTalkingCommon/environment';
import { prepareRequestStep } from './shared/routing';
import { subtitleFromLabels } from '../common/subtitle';

const RESOURCES = [
	{ name: 'Account', value: 'account' },
	{ name: 'Airtime', value: 'airtime' },
	{ name: 'Mobile Data', value: 'mobileData' },
	{ name: 'Payment', value: 'payments', description: 'Only for accounts approved for Payments' },
	{ name: 'Premium Subscription', value: 'premiumSubscription' },
	{ name: 'SMS', value: 'sms' },
	{ name: 'Voice', value: 'voice' },
];

const OPERATIONS = [
	...smsDescription,
	...premiumSubscriptionDescription,
	...voiceDescription,
	...airtimeDescription,
	...mobileDataDescription,
	...paymentsDescription,
	...accountDescription,
];

export class AfricasTalking implements INodeType {
	// The subtitle is derived (see below), which the lint rule that wants a literal cannot see.
	// eslint-disable-next-line n8n-nodes-base/node-class-description-missing-subtitle
	description: INodeTypeDescription = {
		displayName: "Africa's Talking",
		name: 'africasTalking',
		icon: { light: 'file:../../icons/africastalking.svg', dark: 'file:../../icons/africastalking.dark.svg' },
		group: ['output'],
		version: 1,
		// The labels the user picked ("SMS: Send"), not the stored values; derived from the options.
		subtitle: subtitleFromLabels(RESOURCES, OPERATIONS),
		description: "Send SMS, make calls, send airtime and data, and take payments with Africa's Talking",
		defaults: { name: "Africa's Talking" },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'africasTalkingApi', required: true }],
		requestDefaults: {
			baseURL: AT_BASE_URL.api,
			headers: { Accept: 'application/json' },
			// Errors are read by one shared postReceive step, which keeps AT's reason.
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
			prepareRequestStep,
		],
	};
}
