import { resourceProperties } from '../../../common/resource';
import * as getAll from './getAll';

export const contactDescription = resourceProperties('contact', 'getAll', [getAll]);
