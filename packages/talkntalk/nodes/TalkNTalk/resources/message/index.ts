import { resourceProperties } from '../../../common/resource';
import * as getAll from './getAll';

export const messageDescription = resourceProperties('message', 'getAll', [getAll]);
