import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { voiceActionFields } from './voiceActionFields';
import { buildVoiceXml, voiceActionFromEntry, VoiceXmlError } from '../AfricasTalkingCommon/voiceXml';
import { ussdAnswer, USSD_FALLBACK } from '../AfricasTalkingCommon/ussd';
import { ussdMenuAnswer, type MenuAnswer } from './ussdMenu/answer';
import { ussdMenuFields } from './ussdMenu/fields';
import { ussdMenuHints } from './ussdMenu/editorHints';

function answerFor(this: IExecuteFunctions, itemIndex: number): MenuAnswer {
	const answer = this.getNodeParameter('answer', itemIndex) as 'voice' | 'ussd' | 'validation';
	if (answer === 'validation') {
		const status = this.getNodeParameter('validationStatus', itemIndex) as string;
		if (status !== 'Validated' && status !== 'Failed') {
			throw new NodeOperationError(this.getNode(), `Result must be "Validated" or "Failed", got "${status}"`, { itemIndex });
		}
		return { json: { response: { status } } };
	}
	if (answer === 'ussd') {
		if (this.getNodeParameter('ussdType', itemIndex) === 'menu') return ussdMenuAnswer.call(this, itemIndex);
		const result = ussdAnswer(
			this.getNodeParameter('ussdType', itemIndex) as 'continue' | 'end' | 'raw',
			this.getNodeParameter('ussdText', itemIndex, '') as string,
			this.getNodeParameter('ussdFallback', itemIndex, USSD_FALLBACK) as string,
		);
		// As with a broken menu: the caller gets the fallback END, then the execution fails (red,
		// Error Workflow) so that the mistake is seen instead of passing as a success.
		if (result.error) {
			return { json: { ...result }, broken: { message: result.error, description: 'The caller got the Fallback Message. Fix the USSD Text (or the expression that makes it) so that callers get your answer.' } };
		}
		return { json: { ...result } };
	}
	const entries = (this.getNodeParameter('actions.action', itemIndex, []) ?? []) as IDataObject[];
	try {
		return { json: { response: buildVoiceXml(entries.map(voiceActionFromEntry)) } };
	} catch (error) {
		throw new NodeOperationError(this.getNode(), error instanceof VoiceXmlError ? error.message : (error as Error), { itemIndex });
	}
}

const TRIGGER_TYPE = /\.africasTalkingTrigger$/;

/**
 * Whether the Africa's Talking Trigger before this node waits for this node to answer a USSD
 * session (its Respond Using is Last Node, the default): then this node sends the answer as soon
 * as it is built, so that it can still fail afterwards (a broken menu) while the caller gets the
 * polite END. With Respond Using: Respond to Webhook, that node answers instead.
 */
function triggerWaitsForUssdAnswer(this: IExecuteFunctions): boolean {
	const parents = this.getParentNodes(this.getNode().name, { includeNodeParameters: true });
	const trigger = parents.find((parent) => TRIGGER_TYPE.test(parent.type));
	return trigger !== undefined && trigger.parameters?.respondUsing !== 'respondToWebhook';
}

function sendUssdAnswer(this: IExecuteFunctions, response: unknown): void {
	this.sendResponse({ body: String(response ?? ''), headers: { 'content-type': 'text/plain; charset=utf-8' }, statusCode: 200 });
}

export class AfricasTalkingCallbackResponse implements INodeType {
	description: INodeTypeDescription = {
		displayName: "Africa's Talking Callback Response",
		name: 'africasTalkingCallbackResponse',
		icon: { light: 'file:../../icons/africastalking.svg', dark: 'file:../../icons/africastalking.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ ({ voice: "Voice Actions", ussd: "USSD Menu", validation: "Validation Result" })[$parameter["answer"]] }}',
		description:
			"Builds the answer Africa's Talking waits for (Voice XML, a USSD menu, or a validation result); put it last in a workflow started by the Africa's Talking Trigger",
		defaults: { name: 'Callback Response' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		hints: ussdMenuHints,
		properties: [
			{
				displayName:
					"Put this node last in a workflow started by the Africa's Talking Trigger (with its answer set to come from the workflow): the trigger sends this node's <code>response</code> back to Africa's Talking.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Answer',
				name: 'answer',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Voice Actions', value: 'voice', description: 'Voice XML for a voice call callback (Say, Play, Get Digits, Dial, …)' },
					{ name: 'USSD Menu', value: 'ussd', description: 'A CON (continue) or END answer for a USSD session' },
					{ name: 'Validation Result', value: 'validation', description: 'Validated or Failed, for airtime and payment validation callbacks' },
				],
				default: 'voice',
			},
			...voiceActionFields,
			{
				displayName: 'Session',
				name: 'ussdType',
				type: 'options',
				displayOptions: { show: { answer: ['ussd'] } },
				options: [
					{ name: 'Menu Builder', value: 'menu', description: 'Screens with options and questions: the node follows the session and answers CON or END' },
					{ name: 'Continue (CON)', value: 'continue', description: 'Show the text and wait for the next input' },
					{ name: 'End (END)', value: 'end', description: 'Show the text and close the session' },
					{ name: 'Text Already Starts With CON or END', value: 'raw', description: 'Send the text as is (checked: anything else is replaced by the fallback)' },
				],
				default: 'menu',
			},
			{
				displayName: 'Text',
				name: 'ussdText',
				type: 'string',
				typeOptions: { rows: 4 },
				displayOptions: { show: { answer: ['ussd'], ussdType: ['continue', 'end', 'raw'] } },
				default: '',
				placeholder: '1. Check balance\n2. Buy airtime',
				description: 'What the phone shows. Keep it under about 160 characters.',
			},
			...ussdMenuFields,
			{
				displayName: 'Fallback Message',
				name: 'ussdFallback',
				type: 'string',
				displayOptions: { show: { answer: ['ussd'] } },
				default: USSD_FALLBACK,
				description: 'Sent (as END) instead of an empty answer or one without CON/END, which Africa\'s Talking would drop',
			},
			{
				displayName: 'Result',
				name: 'validationStatus',
				type: 'options',
				displayOptions: { show: { answer: ['validation'] } },
				options: [
					{ name: 'Validated', value: 'Validated', description: 'Let the transaction go ahead' },
					{ name: 'Failed', value: 'Failed', description: 'Stop the transaction' },
				],
				default: 'Validated',
				description: 'Validated lets the transaction go ahead. Switch to an expression to decide per transaction, for example from the amount the trigger received.',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const results: INodeExecutionData[] = [];
		const answersUssd = this.getNodeParameter('answer', 0) === 'ussd';
		const sendsAnswer = answersUssd && triggerWaitsForUssdAnswer.call(this);
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			let answer: MenuAnswer;
			try {
				answer = answerFor.call(this, itemIndex);
			} catch (error) {
				const failure = error instanceof NodeOperationError ? error : new NodeOperationError(this.getNode(), error as Error, { itemIndex });
				if (!this.continueOnFail()) throw failure;
				results.push({ json: { error: failure.message }, pairedItem: { item: itemIndex } });
				continue;
			}
			// One session per execution: the first item's answer is the one the caller gets. A broken
			// menu's fallback is sent in any case (a no-op where nothing waits for it).
			if (itemIndex === 0 && (sendsAnswer || answer.broken)) sendUssdAnswer.call(this, answer.json.response);
			if (answer.broken && !this.continueOnFail()) {
				throw new NodeOperationError(this.getNode(), answer.broken.message, { itemIndex, description: answer.broken.description });
			}
			results.push({ json: answer.json, pairedItem: { item: itemIndex } });
		}
		return [results];
	}
}
