import { resourceProperties } from '../../../common/resource';
import * as getAll from './getAll';

export const addressBookDescription = resourceProperties('addressBook', 'getAll', [getAll]);
