import { resourceProperties } from '../../../common/resource';
import * as getTransactionStatus from './getTransactionStatus';
import * as getWalletBalance from './getWalletBalance';
import * as send from './send';

export const mobileDataDescription = resourceProperties('mobileData', 'send', [getTransactionStatus, getWalletBalance, send]);
