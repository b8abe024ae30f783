import { NodeOperationError, type IDataObject, type IHttpRequestOptions } from 'n8n-workflow';
import { check } from '../../nodes/AfricasTalking/shared/checks';
import { singleContext } from './context.cjs';

function request(body: IDataObject): IHttpRequestOptions {
	return { url: '/x', method: 'POST', body };
}

describe("a field's own check", () => {
	it('refuses an empty amount (amounts are checked even when empty), naming the field and the item', async () => {
		const failure = check('amount', 'amount', 'Amount').call(singleContext({ itemIndex: 2 }), request({ amount: '' }));
		await expect(failure).rejects.toThrow(NodeOperationError);
		await expect(failure).rejects.toThrow('Invalid amount "" in "Amount" (item 3)');
	});

	it('turns an amount given as text into a number', async () => {
		const result = await check('amount', 'amount', 'Amount').call(singleContext(), request({ amount: ' 10.5 ' }));
		expect(result.body).toEqual({ amount: 10.5 });
	});

	it('leaves an empty optional phone number to the encoder to drop', async () => {
		const result = await check('phone', 'requester', 'Requester').call(singleContext(), request({ requester: '' }));
		expect(result.body).toEqual({ requester: '' });
	});

	it('joins a phone list with commas and refuses an empty one', async () => {
		const joined = await check('phoneList', 'to', 'Recipients').call(singleContext(), request({ to: '+254711000001\n+254711000002' }));
		expect(joined.body).toEqual({ to: '+254711000001,+254711000002' });
		await expect(check('phoneList', 'to', 'Recipients').call(singleContext(), request({ to: ' ' }))).rejects.toThrow('"Recipients" is empty (item 1)');
	});

	it('upper-cases a currency code', async () => {
		const result = await check('currency', 'currencyCode', 'Currency Code').call(singleContext(), request({ currencyCode: 'kes' }));
		expect(result.body).toEqual({ currencyCode: 'KES' });
	});
});
