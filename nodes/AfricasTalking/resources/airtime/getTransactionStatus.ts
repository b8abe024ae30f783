import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { AT_BASE_URL } from '../../../AfricasTalkingCommon/environment';
import { transactionIdField } from '../../shared/fields';
import { bodyToItem, requireStatus } from '../../shared/responses';
import { operationRouting } from '../../shared/routing';

export const option: INodePropertyOptions = {
	name: 'Get Transaction Status',
	value: 'getTransactionStatus',
	action: 'Get an airtime transaction status',
	description: 'Get the status of an airtime top-up by its transaction (request) ID',
	routing: operationRouting({
		method: 'GET',
		url: '/query/transaction/find',
		baseURL: AT_BASE_URL.api,
		encoding: 'query',
		postReceive: [requireStatus({ field: 'status', ok: ['Success'], action: 'find the transaction' }), bodyToItem],
	}),
};

export const description = updateDisplayOptions({ show: { resource: ['airtime'], operation: ['getTransactionStatus'] } }, [transactionIdField]);
