import type { INodeProperties } from 'n8n-workflow';
import { resourceProperties } from '../../../common/resource';
import * as create from './create';
import * as createCheckoutToken from './createCheckoutToken';
import * as createSafaricom from './createSafaricom';
import * as deleteSubscription from './delete';
import * as getAll from './getAll';

export const premiumSubscriptionDescription: INodeProperties[] = [
	{
		displayName:
			"Premium SMS runs on content.africastalking.com live; Africa's Talking's sandbox has no such host and serves it on api.sandbox.africastalking.com. The node picks the right one from the credential.",
		name: 'premiumHostNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['premiumSubscription'] } },
	},
	...resourceProperties('premiumSubscription', 'create', [create, createCheckoutToken, createSafaricom, deleteSubscription, getAll]),
];
