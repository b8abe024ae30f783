import { resourceProperties } from '../../../common/resource';
import * as sendMessage from './sendMessage';
import * as createTemplate from './createTemplate';

export const whatsappDescription = resourceProperties('whatsapp', 'sendMessage', [sendMessage, createTemplate]);
