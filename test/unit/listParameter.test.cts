import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { listParameter } from '../../nodes/common/listParameter';

/** A context whose parameter is `raw` and whose item is `json`; counts what n8n had to evaluate. */
function context(raw: unknown, json: object) {
	const evaluated: string[] = [];
	const ctx = {
		getInputData: () => ({ json }),
		getNodeParameter: (name: string, fallback: unknown, options?: { rawExpressions?: boolean }) => {
			if (options?.rawExpressions) return raw;
			evaluated.push(name);
			return 'evaluated by n8n';
		},
	} as unknown as IExecuteSingleFunctions;
	return { read: () => listParameter.call(ctx, 'messageList', []), evaluated };
}

describe('a list parameter written as a plain {{ $json.path }}', () => {
	const messages = [{ to: '+254711000001', message: 'Hi' }];

	it.each([
		['={{ $json.messages }}', { messages }],
		['={{$json.order.messages}}', { order: { messages } }],
		['={{ $json["my messages"] }}', { 'my messages': messages }],
		["={{ $json.batches[1] }}", { batches: [[], messages] }],
	])('%s is read from the item itself, never through the expression sandbox', (raw, json) => {
		const { read, evaluated } = context(raw, json);
		expect(read()).toBe(messages);
		expect(evaluated).toEqual([]);
	});

	it('reads nothing for a path the item does not have (as n8n would give undefined), and never an inherited property', () => {
		expect(context('={{ $json.missing.messages }}', {}).read()).toBeUndefined();
		expect(context('={{ $json.constructor }}', {}).read()).toBeUndefined();
	});

	it.each([
		'={{ $json.messages.filter(m => m.to) }}',
		'={{ $("Aggregate").item.json.messages }}',
		'={{ $json.messages }} ',
		'=[{{ $json.messages }}]',
		'[{ "to": "+254711000001", "message": "Hi" }]',
	])('leaves anything else to n8n: %s', (raw) => {
		const { read, evaluated } = context(raw, { messages });
		expect(read()).toBe('evaluated by n8n');
		expect(evaluated).toEqual(['messageList']);
	});
});
