import type { INodeProperties } from 'n8n-workflow';
import { idempotencyKeyOption, metadataField, optionsCollection, textField } from '../../shared/fields';

export const providerChannelOption = textField('providerChannel', 'Provider Channel', 'The paybill or till number to use, when your product has several', {
	placeholder: '525900',
});

/** Options of every operation that moves money: metadata and the idempotency key. */
export function moneyOptions(...extra: INodeProperties[]): INodeProperties {
	return optionsCollection(...extra, idempotencyKeyOption, metadataField());
}
