import { resourceProperties } from '../../shared/resource';
import * as getAll from './getAll';

export const contactDescription = resourceProperties('contact', 'getAll', [getAll]);
