import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { amountField, currencyCodeField, productNameField } from '../../shared/fields';
import { moneyOptions } from './paymentFields';
import { paymentRouting } from './paymentRouting';

export const option: INodePropertyOptions = {
	name: 'Top Up Stash',
	value: 'topUpStash',
	action: 'Top up the application stash',
	description: 'Move money from a payment product to your application stash (moves money)',
	routing: paymentRouting('/topup/stash', ['Success'], 'top up the stash', { metadataRequired: true }),
};

export const description = updateDisplayOptions({ show: { resource: ['payment'], operation: ['topUpStash'] } }, [
	productNameField,
	currencyCodeField,
	amountField,
	moneyOptions(),
]);
