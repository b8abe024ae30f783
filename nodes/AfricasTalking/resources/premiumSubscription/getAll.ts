import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { returnAllAndLimit } from '../../shared/fields';
import { keywordField, shortCodeField } from './fields';

const properties: INodeProperties[] = [shortCodeField('query'), keywordField('query'), ...returnAllAndLimit()];

export const subscriptionGetAllDescription = updateDisplayOptions({ show: { resource: ['premiumSubscription'], operation: ['getAll'] } }, properties);
