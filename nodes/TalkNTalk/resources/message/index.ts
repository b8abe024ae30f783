import { resourceProperties } from '../../shared/resource';
import * as getAll from './getAll';

export const messageDescription = resourceProperties('message', 'getAll', [getAll]);
