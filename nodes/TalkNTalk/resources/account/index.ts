import { resourceProperties } from '../../shared/resource';
import * as getBalance from './getBalance';
import * as getOrganisation from './getOrganisation';

export const accountDescription = resourceProperties('account', 'getBalance', [getBalance, getOrganisation]);
