import { resourceProperties } from '../../../common/resource';
import * as getAll from './getAll';

export const senderIdDescription = resourceProperties('senderId', 'getAll', [getAll]);
