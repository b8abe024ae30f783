import type { IDataObject, INodeProperties, IWebhookFunctions } from 'n8n-workflow';
import { answerAtWebhook, CALLBACK_RESPONSE_TYPE, isMenuBuilder, webhookMenu, type WebhookAnswer, type WebhookMenu } from '../AfricasTalkingCommon/ussdMenu/atWebhook';

/**
 * A USSD session is one callback per screen. The fixed screens of a Menu Builder menu (menus,
 * questions, "invalid choice", back and home) are answered here, in the webhook, so that n8n
 * starts no execution for them; the workflow runs where the menu needs it (see atWebhook.ts).
 */
export const ussdScreensField: INodeProperties = {
	displayName: 'Menu Screens',
	name: 'ussdScreens',
	type: 'options',
	default: 'trigger',
	displayOptions: { show: { event: ['ussd'] } },
	options: [
		{
			name: 'Fixed Screens Answered by This Trigger',
			value: 'trigger',
			description:
				'The Menu Builder screens of the Callback Response node are answered here without an execution; the workflow runs at end screens reached with collected values, at screens marked Ask the Workflow, and where a text or option list is an expression',
		},
		{ name: 'Every Screen Runs the Workflow', value: 'workflow', description: 'One execution per screen: every callback is in the executions list' },
	],
};

export const ussdScreensNotice: INodeProperties = {
	displayName:
		"Fixed screens of the Menu Builder (in the Africa's Talking Callback Response node after this trigger) are answered by this trigger and start no execution, so they do not appear in the executions list; the caller sees exactly what the Callback Response would send. The workflow runs, with <code>screen</code>, <code>values</code> and <code>ended</code>, at end screens reached with collected values, at screens marked <b>Ask the Workflow</b>, and at screens whose text or option list is an expression. To see every callback, choose Every Screen Runs the Workflow.",
	name: 'ussdScreensNotice',
	type: 'notice',
	default: '',
	displayOptions: { show: { event: ['ussd'], ussdScreens: ['trigger'] } },
};

/** The menu of the one enabled Callback Response (Menu Builder) after this trigger, when the trigger can walk it. */
function menuAfterTrigger(this: IWebhookFunctions): WebhookMenu | undefined {
	// n8n versions whose webhook context cannot list the nodes after the trigger: the workflow answers.
	if (typeof this.getChildNodes !== 'function') return undefined;
	const menus = this.getChildNodes(this.getNode().name, { includeNodeParameters: true }).filter(
		(node) => !node.disabled && CALLBACK_RESPONSE_TYPE.test(node.type) && isMenuBuilder(node.parameters as IDataObject | undefined),
	);
	// Two menus (branches of a Switch) could answer differently: only the workflow knows which one runs.
	return menus.length === 1 ? webhookMenu(menus[0].parameters as IDataObject) : undefined;
}

/**
 * This request of the session: the answer the trigger sends itself (`response`), or none, with
 * the walk's `screen`, `values` and `ended` for the workflow when the trigger could walk the menu.
 */
export function ussdAtWebhook(this: IWebhookFunctions, text: string): WebhookAnswer {
	const menu = menuAfterTrigger.call(this);
	if (!menu) return {};
	const answer = answerAtWebhook(menu, text);
	if ('response' in answer && this.getNodeParameter('ussdScreens', 'trigger') === 'workflow') return { walk: answer.walk };
	return answer;
}
