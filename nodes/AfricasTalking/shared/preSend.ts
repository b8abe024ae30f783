import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { parsePhoneNumbers } from './phoneNumbers';
import type { PreSend } from './routing';

/** Validates a phone-number list parameter in the body and sends it comma-joined, as AT expects. */
export function phoneListInBody(property: string, field: string): PreSend {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const body = (options.body ?? {}) as IDataObject;
		body[property] = parsePhoneNumbers(this.getNode(), body[property], field, this.getItemIndex()).join(',');
		options.body = body;
		return options;
	};
}
