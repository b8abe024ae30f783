import { resourceProperties } from '../../../common/resource';
import * as getCampaignStatus from './getCampaignStatus';
import * as send from './send';
import * as sendBulk from './sendBulk';
import * as sendToAddressBooks from './sendToAddressBooks';

// As the editor lists them (alphabetical); Send is the default.
export const smsDescription = resourceProperties('sms', 'send', [getCampaignStatus, send, sendBulk, sendToAddressBooks]);
