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
import { ussdMenuAnswer } from './ussdMenu/answer';
import { ussdMenuFields } from './ussdMenu/fields';

function answerFor(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const answer = this.getNodeParameter('answer', itemIndex) as 'voice' | 'ussd' | 'validation';
	if (answer === 'validation') {
		const status = this.getNodeParameter('validationStatus', itemIndex) as string;
		if (status !== 'Validated' && status !== 'Failed') {
			throw new NodeOperationError(this.getNode(), `Result must be "Validated" or "Failed", got "${status}"`, { itemIndex });
		}
		return { response: { status } };
	}
	if (answer === 'ussd') {
		if (this.getNodeParameter('ussdType', itemIndex) === 'menu') return ussdMenuAnswer.call(this, itemIndex);
		const result = ussdAnswer(
			this.getNodeParameter('ussdType', itemIndex) as 'continue' | 'end' | 'raw',
			this.getNodeParameter('ussdText', itemIndex, '') as string,
			this.getNodeParameter('ussdFallback', itemIndex, USSD_FALLBACK) as string,
		);
		// The session must not break, so the fallback is answered; the mistake is recorded in the execution.
		if (result.error) this.addExecutionHints({ message: result.error, type: 'danger', location: 'outputPane' });
		return { ...result };
	}
	const entries = (this.getNodeParameter('actions.action', itemIndex, []) ?? []) as IDataObject[];
	try {
		return { response: buildVoiceXml(entries.map(voiceActionFromEntry)) };
	} catch (error) {
		throw new NodeOperationError(this.getNode(), error instanceof VoiceXmlError ? error.message : (error as Error), { itemIndex });
	}
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
					{ name: 'Continue (CON)', value: 'continue', description: 'Show the text and wait for the next input' },
					{ name: 'End (END)', value: 'end', description: 'Show the text and close the session' },
					{ name: 'Menu Builder', value: 'menu', description: 'Screens with options and questions: the node follows the session and answers CON or END' },
					{ name: 'Text Already Starts With CON or END', value: 'raw', description: 'Send the text as is (checked: anything else is replaced by the fallback)' },
				],
				default: 'continue',
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
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				results.push({ json: answerFor.call(this, itemIndex), pairedItem: { item: itemIndex } });
			} catch (error) {
				const failure = error instanceof NodeOperationError ? error : new NodeOperationError(this.getNode(), error as Error, { itemIndex });
				if (!this.continueOnFail()) throw failure;
				results.push({ json: { error: failure.message }, pairedItem: { item: itemIndex } });
			}
		}
		return [results];
	}
}
