import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { amountField, currencyCodeField, productNameField } from '../../shared/fields';
import { moneyOptions } from './paymentFields';
import { PAYMENT_FAILURES, paymentRouting } from './paymentRouting';
import { statusWordRule } from '../../shared/responses';

export const TOP_UP_RULE = statusWordRule('Payment → Top Up Stash', { success: ['Success'], failure: PAYMENT_FAILURES });

export const option: INodePropertyOptions = {
	name: 'Top Up Stash',
	value: 'topUpStash',
	action: 'Top up the application stash',
	description: 'Move money from a payment product to your application stash (moves money)',
	routing: paymentRouting('/topup/stash', TOP_UP_RULE, 'top up the stash', { metadataRequired: true }),
};

export const description = updateDisplayOptions({ show: { resource: ['payment'], operation: ['topUpStash'] } }, [
	productNameField,
	currencyCodeField,
	amountField,
	moneyOptions(),
]);
