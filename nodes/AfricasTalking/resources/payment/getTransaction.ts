import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { transactionIdField } from '../../shared/fields';
import { bodyToItem } from '../../shared/responses';
import { paymentQueryRouting } from './paymentRouting';

export const option: INodePropertyOptions = {
	name: 'Get Transaction',
	value: 'getTransaction',
	action: 'Get a payment transaction',
	description: 'Get a payment transaction by its ID',
	routing: paymentQueryRouting('/query/transaction/find', 'find the transaction', bodyToItem),
};

export const description = updateDisplayOptions({ show: { resource: ['payment'], operation: ['getTransaction'] } }, [transactionIdField]);
