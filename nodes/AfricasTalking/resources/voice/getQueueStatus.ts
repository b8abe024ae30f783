import { updateDisplayOptions } from 'n8n-workflow';

export const queueStatusDescription = updateDisplayOptions({ show: { resource: ['voice'], operation: ['getQueueStatus'] } }, [
	{
		displayName: 'Phone Numbers',
		name: 'phoneNumbers',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+254711XXXYYY',
		description: 'Your Africa\'s Talking voice numbers whose queues to read, separated by commas',
		routing: { send: { type: 'body', property: 'phoneNumbers' } },
	},
]);
