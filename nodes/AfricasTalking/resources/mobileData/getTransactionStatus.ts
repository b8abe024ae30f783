import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { AT_BASE_URL } from '../../../AfricasTalkingCommon/environment';
import { transactionIdField } from '../../shared/fields';
import { bodyToItem, requireStatus, statusWordRule } from '../../shared/responses';

export const DATA_STATUS_RULE = statusWordRule('Mobile Data → Get Transaction Status');
import { operationRouting } from '../../shared/routing';

export const option: INodePropertyOptions = {
	name: 'Get Transaction Status',
	value: 'getTransactionStatus',
	action: 'Get a mobile data transaction status',
	description: 'Get the status of a data bundle by its transaction ID',
	routing: operationRouting({
		method: 'GET',
		url: '/query/transaction/find',
		baseURL: AT_BASE_URL.data,
		encoding: 'query',
		postReceive: [requireStatus({ rule: DATA_STATUS_RULE, action: 'find the transaction', output: bodyToItem })],
	}),
};

export const description = updateDisplayOptions({ show: { resource: ['mobileData'], operation: ['getTransactionStatus'] } }, [transactionIdField]);
