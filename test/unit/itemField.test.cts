import { NodeOperationError, type IDataObject, type IExecuteSingleFunctions, type IHttpRequestOptions, type INodeProperties } from 'n8n-workflow';
import { itemFieldValue } from '../../nodes/common/itemField';
import { description as smsSend } from '../../nodes/AfricasTalking/resources/sms/send';
import { description as smsPremium } from '../../nodes/AfricasTalking/resources/sms/sendPremium';
import { description as makeCall } from '../../nodes/AfricasTalking/resources/voice/makeCall';
import { description as airtimeSend } from '../../nodes/AfricasTalking/resources/airtime/send';
import { description as mobileDataSend } from '../../nodes/AfricasTalking/resources/mobileData/send';
import { description as mobileB2C } from '../../nodes/AfricasTalking/resources/payment/mobileB2C';
import * as checkSimSwap from '../../nodes/AfricasTalking/resources/insight/checkSimSwap';
import { description as tntBulk } from '../../packages/talkntalk/nodes/TalkNTalk/resources/sms/sendBulk';
import { NODE } from './context.cjs';

type Step = (this: IExecuteSingleFunctions, options: IHttpRequestOptions) => Promise<IHttpRequestOptions>;

/** n8n's per-item context: parameters as n8n resolved them, and the input item the node reads lists from. */
function context(json: IDataObject, parameters: IDataObject = {}, itemIndex = 1) {
	const asked: string[] = [];
	const ctx = {
		getNode: () => NODE,
		getItemIndex: () => itemIndex,
		continueOnFail: () => false,
		getInputData: () => ({ json }),
		getNodeParameter: (name: string, fallback: unknown) => {
			asked.push(name);
			return name in parameters ? parameters[name] : fallback;
		},
	} as unknown as IExecuteSingleFunctions;
	return { ctx, asked };
}

const field = (fields: INodeProperties[], name: string) => {
	const found = fields.find((f) => f.name === name);
	if (!found) throw new Error(`no field ${name}`);
	return found;
};

/**
 * Runs a field's routing as n8n's declarative engine does: the field's value goes into
 * `body[property]`, then its preSend steps run.
 */
async function routed(fields: INodeProperties[], name: string, value: unknown, json: IDataObject): Promise<IDataObject> {
	const { send } = field(fields, name).routing ?? {};
	let options: IHttpRequestOptions = { url: '', body: send?.property ? { [send.property]: value } : {} };
	for (const step of (send?.preSend ?? []) as Step[]) options = await step.call(context(json).ctx, options);
	return options.body as IDataObject;
}

async function refusal(run: () => Promise<unknown>): Promise<NodeOperationError> {
	try {
		await run();
	} catch (error) {
		return error as NodeOperationError;
	}
	throw new Error('not refused');
}

describe('reading a list from a field of the input item', () => {
	it('finds a field by name, by dot path, and a name that itself holds dots', () => {
		const read = (json: IDataObject, path: string) => itemFieldValue.call(context(json).ctx as never, path, 'Recipients');
		const phones = ['+254711000001'];
		expect(read({ phones }, 'phones')).toBe(phones);
		expect(read({ data: { phones } }, 'data.phones')).toBe(phones);
		expect(read({ 'data.phones': phones, data: { phones: [] } }, 'data.phones')).toBe(phones);
		expect(read({ phones }, ' phones ')).toBe(phones);
	});

	it('refuses a field the item does not have, naming it, the item and the fields it has', () => {
		const { ctx } = context({ name: 'Amina', list: [] });
		expect(() => itemFieldValue.call(ctx as never, 'phones', 'Recipients')).toThrow('The input item has no field "phones" (item 2)');
		const error = (() => {
			try {
				itemFieldValue.call(ctx as never, '{{ $json.list }}', 'Recipients');
			} catch (e) {
				return e as NodeOperationError;
			}
			return undefined;
		})();
		expect(error?.description).toBe('"Recipients Field" names the field of the input item that holds the list: write its name (e.g. phones), not an expression. This item\'s fields: name, list.');
	});
});

describe("Africa's Talking: Recipients from a field of the input item", () => {
	const list = ['+254711000001', '+254 711 000 002', '+254-711-000-003'];

	it('is the default of SMS Send and Send Premium, reading the field "phones"', () => {
		for (const fields of [smsSend, smsPremium]) {
			expect(field(fields, 'recipientsSource').default).toBe('field');
			expect(field(fields, 'recipientsField')).toMatchObject({ default: 'phones', noDataExpression: true, displayOptions: { show: { recipientsSource: ['field'] } } });
			expect(field(fields, 'recipients').displayOptions?.show?.recipientsSource).toEqual(['parameter']);
		}
		// Calls and SIM swap checks are usually a few typed numbers.
		expect(field(makeCall, 'toSource').default).toBe('parameter');
		expect(field(checkSimSwap.description, 'phoneNumbersSource').default).toBe('parameter');
	});

	it('reads an array or a text from the item and sends them as a typed list is sent', async () => {
		expect(await routed(smsSend, 'recipientsField', 'phones', { phones: list })).toEqual({ to: '+254711000001,+254711000002,+254711000003' });
		expect(await routed(smsSend, 'recipientsField', 'data.phones', { data: { phones: list.join('\n') } })).toEqual({ to: '+254711000001,+254711000002,+254711000003' });
		// A clean comma-separated text, the usual form of a huge list, is sent as it lies.
		const clean = '+254711000001,+254711000002';
		expect((await routed(smsSend, 'recipientsField', 'phones', { phones: clean })).to).toBe(clean);
		expect(await routed(makeCall, 'toField', 'phones', { phones: list })).toEqual({ to: '+254711000001,+254711000002,+254711000003' });
	});

	it('refuses a bad entry naming the field, the entry and the item, and says nothing was sent', async () => {
		const bad = [...list, '0711000004'];
		const error = await refusal(() => routed(smsSend, 'recipientsField', 'phones', { phones: bad }));
		expect(error.message).toBe('Invalid phone number "0711000004" in "Recipients" (field "phones", entry 4, item 2). Nothing was sent to Africa\'s Talking.');
		const inText = await refusal(() => routed(smsSend, 'recipientsField', 'phones', { phones: '+254711000001,+2547' }));
		expect(inText.message).toBe('Invalid phone number "+2547" in "Recipients" (field "phones", entry 2, item 2). Nothing was sent to Africa\'s Talking.');
	});

	it('refuses a missing field, a field holding neither a list nor text, and an empty list', async () => {
		expect((await refusal(() => routed(smsSend, 'recipientsField', 'phones', { phone: list }))).message).toBe(
			'The input item has no field "phones" (item 2). Nothing was sent to Africa\'s Talking.',
		);
		expect((await refusal(() => routed(smsSend, 'recipientsField', 'phones', { phones: { a: 1 } }))).message).toBe(
			'The input item\'s field "phones" holds an object, not phone numbers (item 2). Nothing was sent to Africa\'s Talking.',
		);
		expect((await refusal(() => routed(smsSend, 'recipientsField', 'phones', { phones: [] }))).message).toBe(
			'"Recipients" is empty (field "phones", item 2). Nothing was sent to Africa\'s Talking.',
		);
	});

	it('SIM swap reads the same way, with its limit of numbers per request', async () => {
		const simSwap = checkSimSwap.option.routing!.send!.preSend![0] as Step;
		const run = (json: IDataObject) => simSwap.call(context(json, { phoneNumbersSource: 'field', phoneNumbersField: 'phones' }).ctx, { url: '', body: {} });
		expect((await run({ phones: list })).body).toEqual({ phoneNumbers: ['+254711000001', '+254711000002', '+254711000003'] });
		expect((await refusal(() => run({ phones: '+254711000001, +254 711' }))).message).toBe(
			'Invalid phone number "+254 711" in "Phone Numbers" (field "phones", entry 2, item 2). Nothing was sent to Africa\'s Talking.',
		);
	});
});

describe("Africa's Talking: airtime, mobile data and B2C recipients from a field of the input item", () => {
	const preSendOf = (fields: INodeProperties[]) => field(fields, 'recipientListSource').routing!.send!.preSend![0] as Step;
	const fromItem = (json: IDataObject) => context(json, { recipientListSource: 'field', recipientListField: 'payouts' });

	it('reads a list of objects with the keys of the typed list, checked the same way', async () => {
		const json = { payouts: [{ phoneNumber: '+254 711 000 001', amount: 10, currencyCode: 'kes' }] };
		const airtime = await preSendOf(airtimeSend).call(fromItem(json).ctx, { url: '', body: {} });
		expect((airtime.body as IDataObject).recipients).toBe('[{"phoneNumber":"+254711000001","amount":"KES 10"}]');
		const data = { payouts: JSON.stringify([{ phoneNumber: '+254711000001', quantity: 50, unit: 'MB', validity: 'Day', metadata: { campaign: 'nov' } }]) };
		const bundle = await preSendOf(mobileDataSend).call(fromItem(data).ctx, { url: '', body: {} });
		expect((bundle.body as IDataObject).recipients).toEqual([{ phoneNumber: '+254711000001', quantity: 50, unit: 'MB', validity: 'Day', metadata: { campaign: 'nov' } }]);
	});

	it('refuses a bad entry naming the field, the entry and the item, and more than AT takes', async () => {
		const json = { payouts: [{ phoneNumber: '+254711000001', amount: 10, currencyCode: 'KES' }, { phoneNumber: '0711000002', amount: 10, currencyCode: 'KES' }] };
		const error = await refusal(() => preSendOf(mobileB2C).call(fromItem(json).ctx, { url: '', body: {} }));
		expect(error.message).toBe('Invalid phone number "0711000002" in "payouts[1] → Phone Number (entry 2)" (item 2). Nothing was sent to Africa\'s Talking.');
		const notObject = await refusal(() => preSendOf(airtimeSend).call(fromItem({ payouts: ['+254711000001'] }).ctx, { url: '', body: {} }));
		expect(notObject.message).toBe('Entry 1 of "payouts" is not a recipient (field "payouts", entry 1, item 2). Nothing was sent to Africa\'s Talking.');
		const many = { payouts: Array.from({ length: 11 }, () => ({ phoneNumber: '+254711000001', amount: 1, currencyCode: 'KES' })) };
		expect((await refusal(() => preSendOf(mobileB2C).call(fromItem(many).ctx, { url: '', body: {} }))).message).toMatch(/^"payouts" holds 11 entries \(item 2\)/);
		expect((await refusal(() => preSendOf(airtimeSend).call(fromItem({ payouts: 'x' }).ctx, { url: '', body: {} }))).message).toBe(
			'The input item\'s field "payouts" holds a string, not a list of recipients (item 2). Nothing was sent to Africa\'s Talking.',
		);
	});
});

describe('TalkNTalk: Send Bulk recipients from a field of the input item', () => {
	it('is the default; reads the list from the item, normalised and without repeats', async () => {
		expect(field(tntBulk, 'recipientsSource').default).toBe('field');
		expect(await routed(tntBulk, 'recipientsField', 'phones', { phones: ['0712 345 678', '+254712345678', '0722000111'] })).toEqual({ recipients: ['254712345678', '254722000111'] });
		const error = await refusal(() => routed(tntBulk, 'recipientsField', 'phones', { phones: '0712345678\n07123' }));
		expect(error.message).toBe('Invalid phone number "07123" in "Recipients" (field "phones", entry 2, item 2). Nothing was sent to TalkNTalk.');
	});
});
