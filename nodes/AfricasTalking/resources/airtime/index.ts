import { resourceProperties } from '../../../common/resource';
import * as getTransactionStatus from './getTransactionStatus';
import * as send from './send';

export const airtimeDescription = resourceProperties('airtime', 'send', [getTransactionStatus, send]);
