import type { INodeProperties } from 'n8n-workflow';
import * as getQueueStatus from './getQueueStatus';
import * as makeCall from './makeCall';
import * as transferCall from './transferCall';
import * as uploadMedia from './uploadMedia';

export const voiceDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['voice'] } },
		options: [getQueueStatus.option, makeCall.option, transferCall.option, uploadMedia.option],
		default: 'makeCall',
	},
	...makeCall.description,
	...getQueueStatus.description,
	...transferCall.description,
	...uploadMedia.description,
];
