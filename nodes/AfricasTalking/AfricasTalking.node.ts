import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { accountDescription } from './resources/account';
import { airtimeDescription } from './resources/airtime';
import { chatDescription } from './resources/chat';
import { insightDescription } from './resources/insight';
import { mobileDataDescription } from './resources/mobileData';
import { paymentDescription } from './resources/payment';
import { premiumSubscriptionDescription } from './resources/premiumSubscription';
import { smsDescription } from './resources/sms';
import { voiceDescription } from './resources/voice';
import { whatsappDescription } from './resources/whatsapp';
import { AT_BASE_URL } from '../AfricasTalkingCommon/environment';
import { prepareRequestStep } from './shared/routing';

const RESOURCES = [
	{ name: 'Account', value: 'account' },
	{ name: 'Airtime', value: 'airtime' },
	{ name: 'Chat', value: 'chat', description: 'WhatsApp and Telegram messages and consent (live apps only)' },
	{ name: 'Insight', value: 'insight', description: 'SIM swap checks' },
	{ name: 'Mobile Data', value: 'mobileData' },
	{ name: 'Payment', value: 'payment', description: 'Only for accounts approved for Payments' },
	{ name: 'Premium Subscription', value: 'premiumSubscription' },
	{ name: 'SMS', value: 'sms' },
	{ name: 'Voice', value: 'voice' },
	{ name: 'WhatsApp', value: 'whatsapp', description: 'Session messages and templates (live apps only)' },
];

const OPERATIONS = [
	...smsDescription,
	...premiumSubscriptionDescription,
	...voiceDescription,
	...airtimeDescription,
	...mobileDataDescription,
	...paymentDescription,
	...accountDescription,
	...insightDescription,
	...whatsappDescription,
	...chatDescription,
];

export class AfricasTalking implements INodeType {
	description: INodeTypeDescription = {
		displayName: "Africa's Talking",
		name: 'africasTalking',
		icon: { light: 'file:../../icons/africastalking.svg', dark: 'file:../../icons/africastalking.dark.svg' },
		group: ['output'],
		version: 1,
		// The labels the user picked, by resource and operation (n8n's $parameter holds only the stored
		// values); a unit test checks it against every operation's label.
		subtitle:
			'={{ ({"sms:fetchInbox":"SMS: Fetch Inbox","sms:send":"SMS: Send","sms:sendPremium":"SMS: Send Premium","premiumSubscription:create":"Premium Subscription: Create","premiumSubscription:createCheckoutToken":"Premium Subscription: Create Checkout Token","premiumSubscription:createSafaricom":"Premium Subscription: Create Safaricom Subscription","premiumSubscription:delete":"Premium Subscription: Delete","premiumSubscription:getAll":"Premium Subscription: Get Many","voice:getQueueStatus":"Voice: Get Queue Status","voice:makeCall":"Voice: Make Call","voice:transferCall":"Voice: Transfer Call","voice:uploadMedia":"Voice: Upload Media","airtime:getTransactionStatus":"Airtime: Get Transaction Status","airtime:send":"Airtime: Send","mobileData:getTransactionStatus":"Mobile Data: Get Transaction Status","mobileData:getWalletBalance":"Mobile Data: Get Wallet Balance","mobileData:send":"Mobile Data: Send","payment:getProductTransactions":"Payment: Get Product Transactions","payment:getTransaction":"Payment: Get Transaction","payment:getWalletBalance":"Payment: Get Wallet Balance","payment:getWalletTransactions":"Payment: Get Wallet Transactions","payment:mobileB2B":"Payment: Mobile B2B","payment:mobileB2C":"Payment: Mobile B2C","payment:mobileCheckout":"Payment: Mobile Checkout","payment:topUpStash":"Payment: Top Up Stash","payment:walletTransfer":"Payment: Wallet Transfer","account:getBalance":"Account: Get Balance","insight:checkSimSwap":"Insight: Check SIM Swap","whatsapp:sendMessage":"WhatsApp: Send Message","whatsapp:createTemplate":"WhatsApp: Create Template","chat:sendMessage":"Chat: Send Message","chat:updateConsent":"Chat: Update Consent"})[$parameter["resource"] + ":" + $parameter["operation"]] }}',
		description: "Send SMS and WhatsApp messages, make calls, send airtime and data, check SIM swaps and take payments with Africa's Talking",
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
