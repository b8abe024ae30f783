import { resourceProperties } from '../../../common/resource';
import * as sendMessage from './sendMessage';
import * as sendTemplate from './sendTemplate';

export const whatsappDescription = resourceProperties('whatsapp', 'sendMessage', [sendMessage, sendTemplate]);
