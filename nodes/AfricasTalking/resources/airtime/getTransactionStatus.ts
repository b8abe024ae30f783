import { updateDisplayOptions, type INodePropertyOptions } from 'n8n-workflow';
import { AT_BASE_URL } from '../../../AfricasTalkingCommon/environment';
import { transactionIdField } from '../../shared/fields';
import { bodyToItem, requireStatus, statusWordRule } from '../../shared/responses';

export const AIRTIME_STATUS_RULE = statusWordRule('Airtime → Get Transaction Status');
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
		postReceive: [requireStatus({ rule: AIRTIME_STATUS_RULE, action: 'find the transaction', output: bodyToItem })],
	}),
};

export const description = updateDisplayOptions({ show: { resource: ['airtime'], operation: ['getTransactionStatus'] } }, [transactionIdField]);
