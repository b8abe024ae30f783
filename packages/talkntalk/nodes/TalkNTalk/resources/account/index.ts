import { resourceProperties } from '../../../common/resource';
import * as getBalance from './getBalance';
import * as getOrganisation from './getOrganisation';

export const accountDescription = resourceProperties('account', 'getBalance', [getBalance, getOrganisation]);
