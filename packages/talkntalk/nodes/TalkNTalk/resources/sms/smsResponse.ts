import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';
import { itemsFor } from '../../../common/items';
import type { RecipientOutcome } from '../../../common/summary';
import { judgeStatus, plainText, unknownStatusWarning, type StatusRule } from '../../../common/statusRule';

/**
 * One message of Send (201) or Send Bulk (201/207, each entry of `results`): its `status` word.
 * The HTTP status already decided that TalkNTalk took the request, so a message it lists
 * without a status counts as queued; one listed under `errors` has failed whatever it says.
 */
export const TALKNTALK_MESSAGE_RULE: StatusRule = {
	answer: 'TalkNTalk Send and Send Bulk, each message',
	statusField: 'status',
	success: ['queued', 'sent', 'delivered'],
	failure: ['failed', 'undelivered', 'cancelled', 'rejected'],
	whenSilent: 'success',
};

/** A message of the answer judged: a failed one gets `error` (and `detail`), an undocumented status a `statusWarning`. */
export function judgedMessage(json: IDataObject): IDataObject {
	const judgement = judgeStatus(TALKNTALK_MESSAGE_RULE, json);
	if (judgement.verdict === 'failure') return { ...json, error: plainText(json.error) || judgement.status, detail: plainText(json.detail) };
	if (judgement.verdict === 'unknown') return { ...json, statusWarning: unknownStatusWarning('TalkNTalk', judgement) };
	return json;
}

/** The answer of Send as one item, judged by its status. */
export async function messageToItem(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return itemsFor.call(
		this,
		items.map((item) => judgedMessage(item.json)),
	);
}

/** What one recipient item says, for the Summary output. */
export function talkNTalkOutcome(json: IDataObject): RecipientOutcome {
	const verdict = json.error !== undefined ? 'failure' : json.statusWarning !== undefined ? 'unknown' : 'success';
	const id = plainText(json.id);
	const error = plainText(json.error) || 'failed';
	const detail = plainText(json.detail);
	return {
		recipient: plainText(json.mobile),
		verdict,
		status: plainText(json.status) || (verdict === 'failure' ? 'failed' : verdict === 'success' ? 'queued' : 'NoStatus'),
		messageId: verdict !== 'failure' && id !== '' ? id : undefined,
		reason: verdict === 'failure' ? `${error}${detail && detail !== error ? `: ${detail}` : ''}` : undefined,
	};
}
