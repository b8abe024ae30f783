import { resourceProperties } from '../../../common/resource';
import * as checkSimSwap from './checkSimSwap';

export const insightsDescription = resourceProperties('insights', 'checkSimSwap', [checkSimSwap]);
