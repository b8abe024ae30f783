import {
	NodeConnectionTypes,
	type ICredentialsDecrypted,
	type ICredentialTestFunctions,
	type IDataObject,
	type INodeCredentialTestResult,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { EVENT_LABELS, EVENT_NAMES, EVENTS, parseCallback, type EventName } from './events';
import { validSignature } from './signature';
import { pastedUrlWebhookMethods } from '../common/webhookMethods';
import { WEBHOOK_CREDENTIAL_NAME } from '../TalkNTalkCommon/environment';


/** The signing secret, when the optional credential is set ('' when it is set but empty: then nothing is accepted). */
async function signingSecret(this: IWebhookFunctions): Promise<string | undefined> {
	if (!this.getNode().credentials?.[WEBHOOK_CREDENTIAL_NAME]) return undefined;
	const credentials = await this.getCredentials(WEBHOOK_CREDENTIAL_NAME);
	return typeof credentials.signingSecret === 'string' ? credentials.signingSecret : '';
}

function isJson(header: unknown): boolean {
	return String(header ?? '').split(';')[0].trim().toLowerCase() === 'application/json';
}

export class TalkNTalkTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'TalkNTalk Trigger',
		name: 'talkNTalkTrigger',
		icon: { light: 'file:../../icons/talkntalk.svg', dark: 'file:../../icons/talkntalk.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: `={{ $parameter["events"].map((event) => (${JSON.stringify(EVENT_LABELS)})[event] || event).join(", ") }}`,
		// n8n shows this text for the whole "TalkNTalk" entry of the node panel, actions included.
		description: 'Send single, bulk and address-book SMS with TalkNTalk, and start workflows when a message is sent, delivered, failed, undelivered or cancelled',
		defaults: { name: 'TalkNTalk Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'talkNTalkWebhookApi', required: false, testedBy: 'signingSecretTest' }],
		webhooks: [
			// responseData empty: n8n then sends the trigger's webhookResponse for an accepted event.
			{ name: 'default', httpMethod: 'POST', path: 'webhook', responseMode: 'onReceived', responseData: '' },
			// Only to tell a mistaken request (a browser, a wrong setting) what is wrong.
			{ name: 'setup', httpMethod: 'GET', path: 'webhook', responseMode: 'onReceived' },
			{ name: 'setup', httpMethod: 'PUT', path: 'webhook', responseMode: 'onReceived' },
		],
		properties: [
			{
				displayName:
					'TalkNTalk has no API to register webhooks: copy this trigger\'s Production URL (above) into the TalkNTalk dashboard under <b>Webhooks → Endpoints</b>, tick the same events, then publish the workflow. If you give the endpoint a signing secret there, add a <b>TalkNTalk Webhook API</b> credential with the same secret here: requests without a valid signature are then refused.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [...EVENT_NAMES],
				options: EVENT_NAMES.map((value) => ({ name: EVENTS[value].name, value, description: EVENTS[value].description, action: `On ${EVENTS[value].name}` })).sort((a, b) =>
					a.name.localeCompare(b.name),
				),
				description: 'The events that start the workflow; other events are acknowledged and ignored',
			},
			{
				displayName:
					'TalkNTalk retries a delivery it gets no 2xx for (after 1, 5 and 30 minutes), so an event can arrive more than once: each output carries a stable <code>dedupeKey</code> to drop repeats (e.g. with the Remove Duplicates node).',
				name: 'retryNotice',
				type: 'notice',
				default: '',
			},
		],
	};

	methods = {
		credentialTest: {
			// TalkNTalk cannot be asked to sign a test request: this checks what can be checked here.
			async signingSecretTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
				const secret = credential.data?.signingSecret;
				if (typeof secret !== 'string' || secret === '') return { status: 'Error', message: 'Enter the signing secret of the endpoint' };
				if (secret.trim() !== secret) return { status: 'Error', message: 'The signing secret starts or ends with a space: paste it again' };
				return { status: 'OK', message: 'Signing secret set. Post a test event from the TalkNTalk dashboard to check it.' };
			},
		},
	};

	// TalkNTalk has no API to register webhooks: the user pastes the URL in its dashboard, so
	// there is nothing to create, check or delete here.
	webhookMethods = pastedUrlWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const res = this.getResponseObject();
		// Refusals and ignored events are answered here and start nothing.
		const answer = (status: number, body: IDataObject): IWebhookResponseData => {
			res.status(status).json(body);
			return { noWebhookResponse: true };
		};
		if (this.getWebhookName() !== 'default') return answer(400, { error: 'TalkNTalk posts webhooks with POST' });

		// Authenticity first, over the raw bytes, before the body is looked at.
		const secret = await signingSecret.call(this);
		if (secret !== undefined && !validSignature(req.rawBody, req.headers['x-talkntalk-signature'], secret)) {
			return answer(401, { error: 'Invalid or missing X-TalkNTalk-Signature' });
		}
		if (!isJson(req.headers['content-type'])) return answer(400, { error: 'TalkNTalk posts JSON: the Content-Type must be application/json' });

		const parsed = parseCallback(this.getBodyData(), req.headers['x-talkntalk-event']);
		if ('reason' in parsed) return answer(400, { error: parsed.reason });

		const events = this.getNodeParameter('events', []) as EventName[];
		// Acknowledged, so that TalkNTalk does not retry an event this workflow does not want.
		if (!events.includes(parsed.event)) return answer(200, { received: true, ignored: `${parsed.event} is not selected in this trigger` });
		// n8n 2.x sends this only once it has stored the execution: an event it cannot store (SQLite
		// busy in a burst) gets an error, and TalkNTalk sends it again instead of it being lost.
		return { webhookResponse: { received: true }, workflowData: [[{ json: parsed.output }]] };
	}
}

