'use strict';
// The callbacks Africa's Talking posts (africastalking-api.md §4), with their content types,
// as the fake AT sends them to a webhook URL.

const CALLBACKS = {
	incomingSms: {
		type: 'form',
		body: { date: '2026-11-23 10:30:00', from: '+254711000111', id: 'ATSid_123', linkId: 'SampleLinkId123', text: 'Hello', to: '20880', networkCode: '63902', cost: 'KES 0.0000' },
	},
	deliveryReport: {
		type: 'form',
		body: { id: 'ATXid_123', status: 'Failed', phoneNumber: '+254711000222', networkCode: '63903', failureReason: 'DeliveryFailure', retryCount: '1' },
	},
	bulkSmsOptOut: { type: 'form', body: { senderId: 'MyBrand', phoneNumber: '+254711000333' } },
	subscriptionUpdate: { type: 'form', body: { phoneNumber: '+254711000444', shortCode: '20880', keyword: 'NEWS', updateType: 'Addition' } },
	voiceCall: {
		type: 'form',
		body: {
			isActive: '1', sessionId: 'ATVId_abc', direction: 'Inbound', callerNumber: '+254711000555', destinationNumber: '+254711082000',
			callerCountryCode: '254', callerCarrierName: 'Safaricom', callStartTime: '2026-11-23 10:30:00',
		},
	},
	voiceEvent: {
		type: 'form',
		body: {
			isActive: '0', sessionId: 'ATVId_abc', direction: 'Outbound', callerNumber: '+254711082000', destinationNumber: '+254711000555', durationInSeconds: '42',
			currencyCode: 'KES', amount: '1.50', status: 'Success', callSessionState: 'Completed', hangupCause: 'NORMAL_CLEARING',
		},
	},
	ussd: { type: 'form', body: { sessionId: 'ATUid_1', serviceCode: '*384*123#', phoneNumber: '+254711000666', networkCode: '63902', text: '' } },
	airtimeStatus: { type: 'json', body: { requestId: 'ATQid_1', status: 'Success', phoneNumber: '+254711000777', description: 'Airtime Delivered Successfully', value: 'KES 10.0000', discount: 'KES 0.4000' } },
	airtimeValidation: { type: 'json', body: { transactionId: 'ATPid_v1', phoneNumber: '+254711000888', sourceIpAddress: '1.2.3.4', currencyCode: 'KES', amount: 500 } },
	paymentNotification: {
		type: 'json',
		body: {
			transactionId: 'ATPid_n1', category: 'MobileCheckout', provider: 'Mpesa', providerRefId: 'SAMPLE1', providerChannel: '525900', clientAccount: 'acc',
			productName: 'Shop', sourceType: 'PhoneNumber', source: '+254711000999', destinationType: 'Wallet', destination: 'PaymentWallet', value: 'KES 100.0000',
			transactionFee: 'KES 1.0000', providerFee: 'KES 0.5000', status: 'Success', description: 'Received', requestMetadata: { orderId: '42' }, providerMetadata: {},
			transactionDate: '2026-11-23T10:30:00.000Z',
		},
	},
	paymentValidation: {
		type: 'json',
		body: { transactionId: 'ATPid_pv1', phoneNumber: '+254711001000', currencyCode: 'KES', amount: 250, sourceIpAddress: '1.2.3.4', provider: 'Mpesa', clientAccount: 'acc', productName: 'Shop', metadata: {} },
	},
	simSwapResult: {
		type: 'json',
		body: { status: 'NotSwapped', lastSimSwapDate: '01-01-1900', providerRefId: 'fe3b-46fd-931c-b2ef3a64da93', requestId: 'ATSwpid_00000001', transactionId: '738e202b-ea2f-43e5-b451-a85334e90fb5' },
	},
	// AT documents no fields for WhatsApp and Chat callbacks: any JSON object, passed on as received.
	// This one is invented for the tests (an incoming WhatsApp message, as a provider might send it).
	chatCallback: {
		type: 'json',
		body: { id: 'wamid.fake-1', type: 'message', from: '+254711000999', to: '+254711082000', channel: 'WhatsApp', message: { type: 'text', text: { body: 'Hi' } }, receivedAt: '2026-12-07T09:00:00Z' },
	},
};

function encode(type, body) {
	return type === 'form'
		? { contentType: 'application/x-www-form-urlencoded', data: new URLSearchParams(body).toString() }
		: { contentType: 'application/json', data: JSON.stringify(body) };
}

/** Posts a callback as AT would; returns status, content type and body text of the answer. */
async function postCallback(url, event, overrides = {}, { type, only } = {}) {
	const spec = CALLBACKS[event];
	const full = { ...spec.body, ...overrides };
	// `only`: the callback as a terser AT sends it, with just these fields.
	const body = only ? Object.fromEntries(Object.entries(full).filter(([key]) => only.includes(key))) : full;
	const { contentType, data } = encode(type || spec.type, body);
	const res = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body: data, signal: AbortSignal.timeout(30000) });
	return { status: res.status, contentType: res.headers.get('content-type'), text: await res.text() };
}

module.exports = { CALLBACKS, postCallback, encode };
