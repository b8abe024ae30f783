import { updateDisplayOptions } from 'n8n-workflow';
import { amountField, currencyCodeField, productNameField, textField } from '../../shared/fields';
import { moneyOptions } from './fields';

export const walletTransferDescription = updateDisplayOptions({ show: { resource: ['payments'], operation: ['walletTransfer'] } }, [
	productNameField,
	textField('targetProductCode', 'Target Product Code', 'The code of the payment product to move the money to', { required: true, placeholder: '2373' }),
	currencyCodeField,
	amountField,
	moneyOptions(),
]);

export const topUpStashDescription = updateDisplayOptions({ show: { resource: ['payments'], operation: ['topUpStash'] } }, [
	productNameField,
	currencyCodeField,
	amountField,
	moneyOptions(),
]);
