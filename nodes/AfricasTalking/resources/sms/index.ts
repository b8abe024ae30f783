import { resourceProperties } from '../../../common/resource';
import * as fetchInbox from './fetchInbox';
import * as send from './send';
import * as sendPremium from './sendPremium';

export const smsDescription = resourceProperties('sms', 'send', [fetchInbox, send, sendPremium]);
