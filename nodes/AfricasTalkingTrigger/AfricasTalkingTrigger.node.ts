import {
	NodeConnectionTypes,
	type ICredentialDataDecryptedObject,
	type ICredentialsDecrypted,
	type ICredentialTestFunctions,
	type IDataObject,
	type INodeCredentialTestResult,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { VoiceXmlError } from '../AfricasTalkingCommon/voiceXml';
import { ANSWERS, answerSetting, fixedVoiceAnswer, missingAnswerFallback, ruleValidation } from './answers';
import { EVENT_LABELS, EVENTS, readCallback, type EventName, type EventSpec } from './events';
import { protectionProblem, webhookRefusal } from './protection';
import { triggerProperties } from './properties';
import { triggerWebhooks } from './webhookDescription';
import { ussdAtWebhook } from './ussdScreens';
import { pastedUrlWebhookMethods } from '../common/webhookMethods';

const ANSWER_PARAMETERS = ['voiceAnswer', 'voiceText', 'voiceName', 'menuDigits', 'menuTimeout', 'menuFinishOnKey', 'menuNoInputText', 'dialNumbers', 'validationAnswer', 'maxAmount', 'currencies'];

/** The answer settings with expressions resolved (only those shown for the chosen event exist). */
function answerSettings(this: IWebhookFunctions): IDataObject {
	const settings: IDataObject = {};
	for (const name of ANSWER_PARAMETERS) settings[name] = this.getNodeParameter(name, '') as IDataObject[string];
	return settings;
}

function contentKind(header: unknown): 'form' | 'json' | undefined {
	const type = String(header ?? '').split(';')[0].trim().toLowerCase();
	if (type === 'application/x-www-form-urlencoded') return 'form';
	if (type === 'application/json') return 'json';
	return undefined;
}

export class AfricasTalkingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: "Africa's Talking Trigger",
		name: 'africasTalkingTrigger',
		icon: { light: 'file:../../icons/africastalking.svg', dark: 'file:../../icons/africastalking.dark.svg' },
		group: ['trigger'],
		// Version 2 behaves exactly as 1. It exists because n8n evaluates an expression on every
		// request to a version-1 trigger (the binaryData option of its own Webhook node v1): under
		// n8n 2.41's default expression engine that is a V8 isolate's first evaluation, one of the
		// largest costs of a callback. New triggers are version 2; saved ones keep working.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: `={{ (${JSON.stringify(EVENT_LABELS)})[$parameter["event"]] }}`,
		// n8n shows this text for the whole "Africa's Talking" entry of the node panel, actions included.
		description: "Send SMS, WhatsApp, airtime, data and payments, make calls, check SIM swaps, and start workflows on Africa's Talking callbacks (incoming SMS, USSD, voice calls, payments, SIM swap results, WhatsApp and Chat callbacks)",
		defaults: { name: "Africa's Talking Trigger" },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// Optional: the secret token and IP allowlist live in a credential, which n8n encrypts and
		// never copies into executions (a node setting would be stored with every execution).
		credentials: [{ name: 'africasTalkingWebhookApi', required: false, testedBy: 'africasTalkingWebhookCheck' }],
		webhooks: triggerWebhooks,
		properties: triggerProperties as INodeProperties[],
	};

	methods = {
		credentialTest: {
			// Nothing to call: AT has no API for callbacks. The check is of the credential's own values.
			async africasTalkingWebhookCheck(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted<ICredentialDataDecryptedObject>,
			): Promise<INodeCredentialTestResult> {
				const problem = protectionProblem(credential.data ?? {});
				return problem ? { status: 'Error', message: problem } : { status: 'OK', message: 'The protection settings are valid' };
			},
		},
	};

	// Africa's Talking has no API to register callback URLs: the user pastes the URL in AT's
	// dashboard, so there is nothing to create, check or delete here.
	webhookMethods = pastedUrlWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const res = this.getResponseObject();
		const reply = (status: number, body: string, type = 'text/plain') => {
			res.status(status).type(type).send(body);
		};
		// Requests that are not AT's callback are answered here and start no execution.
		const refuse = (status: number, reason: string): IWebhookResponseData => {
			reply(status, reason);
			return { noWebhookResponse: true };
		};
		if (this.getWebhookName() !== 'default') return refuse(400, "Africa's Talking sends callbacks with POST");

		const event = this.getNodeParameter('event') as EventName;
		const refusal = await webhookRefusal.call(this);
		if (refusal) return refuse(refusal.status, refusal.reason);

		const read = readCallback(event, contentKind(req.headers['content-type']), this.getBodyData());
		if ('reason' in read) return refuse(400, read.reason);
		const { output } = read;
		const started = (json: IDataObject): IWebhookResponseData => ({ noWebhookResponse: true, workflowData: [[{ json }]] });
		// An answer the trigger gives itself is handed to n8n rather than sent: n8n 2.x sends it
		// only once it has stored the execution, so a callback n8n cannot store (SQLite busy in a
		// burst) gets an error and AT sends it again, instead of an OK for an event that is lost.
		const answeredByN8n = (json: IDataObject, body: string, type: string): IWebhookResponseData => {
			res.type(type);
			return { webhookResponse: body, workflowData: [[{ json }]] };
		};

		const spec: EventSpec = EVENTS[event];
		const setting = answerSetting(spec.answer);
		const triggerAnswers = setting !== undefined && this.getNodeParameter(setting) !== 'workflow';

		if (spec.answer === 'voiceXml') {
			// AT ignores the answer to a call's final request: answer it empty, still run the workflow.
			if (!output.isActive) {
				if (triggerAnswers) return answeredByN8n(output, '', 'text/plain');
				reply(200, '');
				return started(output);
			}
			if (triggerAnswers) {
				let answer: string;
				try {
					answer = fixedVoiceAnswer(answerSettings.call(this));
				} catch (error) {
					// A misconfigured answer must not reach AT as broken XML; nothing runs until it is fixed.
					return refuse(500, `The trigger's voice answer is not valid: ${error instanceof VoiceXmlError ? error.message : 'unexpected error'}`);
				}
				return answeredByN8n(output, answer, 'application/xml');
			}
		}
		if (spec.answer === 'validation' && triggerAnswers) {
			const status = ruleValidation(answerSettings.call(this), output);
			return answeredByN8n({ ...output, answer: status }, JSON.stringify({ status }), 'application/json');
		}
		if (spec.answer !== 'ok') {
			// Without a node to answer, n8n would send AT an empty 200: the caller would hear
			// silence, the USSD session would drop. Answer the fallback and record the mistake.
			const fallback = missingAnswerFallback.call(this, spec.answer);
			if (fallback) {
				reply(200, fallback.answer, ANSWERS[spec.answer].contentType);
				return started({ ...output, answerProblem: fallback.problem });
			}
			if (spec.answer === 'ussd') {
				const atWebhook = ussdAtWebhook.call(this, String(output.text ?? ''));
				// A fixed screen: n8n sends this answer and starts no execution (no workflowData).
				if ('response' in atWebhook) {
					res.type(ANSWERS.ussd.contentType);
					return { webhookResponse: atWebhook.response };
				}
				if (atWebhook.walk) {
					const { screen, values, ended } = atWebhook.walk;
					return { workflowData: [[{ json: { ...output, screen, values, ended } }]] };
				}
			}
			return { workflowData: [[{ json: output }]] };
		}

		return answeredByN8n(output, 'OK', 'text/plain');
	}
}
