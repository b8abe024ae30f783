import { resourceProperties } from '../../shared/resource';
import * as getCampaignStatus from './getCampaignStatus';
import * as send from './send';
import * as sendBulk from './sendBulk';
import * as sendToAddressBooks from './sendToAddressBooks';

// Send first (the default); the others as the editor lists them (alphabetical).
export const smsDescription = resourceProperties('sms', [send, getCampaignStatus, sendBulk, sendToAddressBooks]);
