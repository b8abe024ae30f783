import { resourceProperties } from '../../../common/resource';
import * as sendMessage from './sendMessage';
import * as updateConsent from './updateConsent';

export const chatDescription = resourceProperties('chat', 'sendMessage', [sendMessage, updateConsent]);
