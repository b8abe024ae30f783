import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { USSD_FALLBACK } from '../AfricasTalkingCommon/ussd';
import { buildVoiceXml, type VoiceAction } from '../AfricasTalkingCommon/voiceXml';

/**
 * What Africa's Talking waits for in answer to a callback. `setting` is the trigger parameter
 * that chooses between the trigger's own answer and the workflow's (value "workflow"); an answer
 * kind without one is always the workflow's (USSD) or always the trigger's (OK).
 */
export const ANSWERS = {
	ok: { contentType: 'text/plain', byWorkflow: false },
	voiceXml: { contentType: 'application/xml', byWorkflow: true, setting: 'voiceAnswer' },
	// The Callback Response node sends a USSD answer itself as soon as it is built (n8n's
	// "responseNode" mode), so that a broken menu can fail the execution while the caller still
	// gets the polite END. The fixed screens of a Menu Builder menu are answered by the trigger
	// itself, without an execution (ussdScreens.ts): n8n sends a webhookResponse given without
	// workflowData at once, whatever the response mode.
	ussd: { contentType: 'text/plain', byWorkflow: true, sentByNode: true },
	validation: { contentType: 'application/json', byWorkflow: true, setting: 'validationAnswer' },
} as const satisfies Record<string, { contentType: string; byWorkflow: boolean; setting?: string; sentByNode?: boolean }>;

export type AnswerKind = keyof typeof ANSWERS;

/** The trigger setting that lets the workflow answer this kind, if the trigger can answer it too. */
export function answerSetting(kind: AnswerKind): string | undefined {
	const answer = ANSWERS[kind];
	return 'setting' in answer ? answer.setting : undefined;
}

export const VOICE_FALLBACK = 'Sorry, this service is not available right now. Please try again later.';

const CALLBACK_RESPONSE_TYPE = /\.africasTalkingCallbackResponse$/;
const RESPOND_TO_WEBHOOK_TYPE = 'n8n-nodes-base.respondToWebhook';

/**
 * When the workflow is to answer but no enabled node after the trigger can (a Callback Response
 * node, or a Respond to Webhook node when Respond Using says so), the answer AT gets instead and
 * the problem to record in the execution; undefined when a node can answer.
 */
export function missingAnswerFallback(this: IWebhookFunctions, kind: AnswerKind): { answer: string; problem: string } | undefined {
	if (kind !== 'voiceXml' && kind !== 'ussd') return undefined;
	const respondUsing = this.getNodeParameter('respondUsing', 'lastNode');
	const children = typeof this.getChildNodes === 'function' ? this.getChildNodes(this.getNode().name) : undefined;
	// n8n versions that cannot list the nodes after the trigger: trust the workflow.
	if (!children) return undefined;
	const canAnswer = children.some(
		(node) => !node.disabled && (CALLBACK_RESPONSE_TYPE.test(node.type) || (respondUsing === 'respondToWebhook' && node.type === RESPOND_TO_WEBHOOK_TYPE)),
	);
	if (canAnswer) return undefined;
	const answeringNode = respondUsing === 'respondToWebhook' ? 'Respond to Webhook' : "Africa's Talking Callback Response";
	if (kind === 'voiceXml') {
		const message = String(this.getNodeParameter('voiceFallback', VOICE_FALLBACK) || VOICE_FALLBACK);
		return {
			answer: buildVoiceXml([{ action: 'say', text: message }]),
			problem: `No ${answeringNode} node follows this trigger, so the caller heard the Fallback Message. Add that node at the end of the workflow to answer with Voice XML.`,
		};
	}
	return {
		answer: USSD_FALLBACK,
		problem: `No ${answeringNode} node follows this trigger, so the phone showed the fallback END message. Add that node at the end of the workflow to answer the session.`,
	};
}

/** The trigger's own voice answer (a fixed greeting, menu or forward), for calls that need no workflow logic. */
export function fixedVoiceAnswer(parameters: IDataObject): string {
	const say = String(parameters.voiceText ?? '');
	const voice = (parameters.voiceName as string) || undefined;
	const kind = parameters.voiceAnswer;
	let actions: VoiceAction[];
	if (kind === 'menu') {
		actions = [
			{
				action: 'getDigits',
				prompt: { say, voice },
				numDigits: Number(parameters.menuDigits) || undefined,
				timeout: Number(parameters.menuTimeout) || undefined,
				finishOnKey: (parameters.menuFinishOnKey as string) || undefined,
			},
		];
		if (parameters.menuNoInputText) actions.push({ action: 'say', text: String(parameters.menuNoInputText), voice });
	} else if (kind === 'dial') {
		actions = [...(say ? [{ action: 'say', text: say, voice } as VoiceAction] : []), { action: 'dial', phoneNumbers: String(parameters.dialNumbers ?? '') }];
	} else {
		actions = [{ action: 'say', text: say, voice }];
	}
	return buildVoiceXml(actions);
}

/** The trigger's own validation rule: accept everything, or accept up to an amount in given currencies. */
export function ruleValidation(parameters: IDataObject, event: IDataObject): 'Validated' | 'Failed' {
	if (parameters.validationAnswer === 'acceptAll') return 'Validated';
	const max = Number(parameters.maxAmount ?? 0);
	const currencies = String(parameters.currencies ?? '')
		.split(/[,\s]+/)
		.filter(Boolean)
		.map((c) => c.toUpperCase());
	const amount = Number(event.amount);
	if (!Number.isFinite(amount) || amount <= 0) return 'Failed';
	if (max > 0 && amount > max) return 'Failed';
	if (currencies.length && !currencies.includes(String(event.currencyCode ?? '').toUpperCase())) return 'Failed';
	return 'Validated';
}
