'use strict';
// Credentials the fake Africa's Talking accepts. A sandbox key works only on sandbox hosts
// and a live key only on live hosts, as on the real service.
const DEFAULT_ACCOUNTS = [
	{ environment: 'live', username: 'liveapp', apiKey: 'atsk_live_0123456789abcdef0123456789abcdef' },
	{ environment: 'sandbox', username: 'sandbox', apiKey: 'atsk_sandbox_fedcba9876543210fedcba98765432' },
];

const REGISTERED_SENDER_IDS = ['AFRICASTKNG', 'MyBrand', '20880', '12345'];

module.exports = { DEFAULT_ACCOUNTS, REGISTERED_SENDER_IDS };
