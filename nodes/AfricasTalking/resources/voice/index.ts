import { resourceProperties } from '../../../common/resource';
import * as getQueueStatus from './getQueueStatus';
import * as makeCall from './makeCall';
import * as transferCall from './transferCall';
import * as uploadMedia from './uploadMedia';

export const voiceDescription = resourceProperties('voice', 'makeCall', [getQueueStatus, makeCall, transferCall, uploadMedia]);
