import type { IDataObject } from 'n8n-workflow';
import { buildVoiceXml, type VoiceAction } from '../AfricasTalkingCallbackResponse/voiceXml';

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
