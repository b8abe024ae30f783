import { resourceProperties } from '../../shared/resource';
import * as getAll from './getAll';

export const senderIdDescription = resourceProperties('senderId', 'getAll', [getAll]);
