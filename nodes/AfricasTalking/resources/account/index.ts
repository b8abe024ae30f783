import { resourceProperties } from '../../../common/resource';
import * as getBalance from './getBalance';

export const accountDescription = resourceProperties('account', 'getBalance', [getBalance]);
