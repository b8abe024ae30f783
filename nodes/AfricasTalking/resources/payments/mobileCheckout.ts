import { updateDisplayOptions } from 'n8n-workflow';
import { amountField, currencyCodeField, phoneNumberField, productNameField } from '../../shared/fields';
import { moneyOptions, providerChannelOption } from './fields';

export const mobileCheckoutDescription = updateDisplayOptions({ show: { resource: ['payments'], operation: ['mobileCheckout'] } }, [
	productNameField,
	phoneNumberField('phoneNumber', 'Phone Number', 'The customer who pays: they get a prompt on their phone to confirm.'),
	currencyCodeField,
	amountField,
	moneyOptions(providerChannelOption),
]);
