'use strict';
// Insights (SIM swap), as africastalking-api.md §7 and AT's SDKs describe it; what AT's answers
// look like beyond the SDKs is inferred (README: "What is inferred").
const { badJson, isE164, json } = require('./wire');

function carrierOf(number) {
	if (/^\+2547/.test(number)) return { carrierName: 'Safaricom', countryCode: 'KE', networkCode: '63902' };
	if (/^\+256/.test(number)) return { carrierName: 'MTN Uganda', countryCode: 'UG', networkCode: '64110' };
	return { carrierName: 'Unknown', countryCode: 'ZZ', networkCode: '00000' };
}

function simSwap({ fake, body }) {
	if (!Array.isArray(body.phoneNumbers) || body.phoneNumbers.length === 0) throw badJson('phoneNumbers must be a non-empty array');
	let total = 0;
	const responses = body.phoneNumbers.map((raw) => {
		const number = String(raw);
		const phoneNumber = { number, numberType: 'Mobile', ...carrierOf(number) };
		if (!isE164(number)) return { phoneNumber, status: 'InvalidPhoneNumber', requestId: 'None', cost: { amount: 0, currencyCode: 'KES' } };
		if (fake.recipientStatus.get(number) >= 400) return { phoneNumber, status: 'UnsupportedPhoneNumber', requestId: 'None', cost: { amount: 0, currencyCode: 'KES' } };
		const requestId = fake.id('ATSwpid_');
		fake.simSwapChecks.set(requestId, number);
		fake.accept('simSwap', number);
		total += 5;
		return { phoneNumber, status: 'Queued', requestId, cost: { amount: 5, currencyCode: 'KES' } };
	});
	return json(200, { transactionId: fake.id('ATTxid_'), status: 'Processed', totalCost: { amount: total, currencyCode: 'KES' }, responses });
}

const INSIGHTS_ROUTES = [
	{ host: 'insights', method: 'POST', path: '/v1/sim-swap', body: 'json', required: ['username', 'phoneNumbers'], handle: simSwap },
];

module.exports = { INSIGHTS_ROUTES };
