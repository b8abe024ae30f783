import { resourceProperties } from '../../../common/resource';
import * as checkSimSwap from './checkSimSwap';

export const insightDescription = resourceProperties('insight', 'checkSimSwap', [checkSimSwap]);
