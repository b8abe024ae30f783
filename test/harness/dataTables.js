'use strict';
// The two data tables of the delivery-tracking recipes (docs/campaigns.md), created as the
// editor creates them: n8n's REST API for data tables of the user's personal project.

const DELIVERY_TABLES = {
	sms_campaign_messages: {
		campaign: 'string', messageId: 'string', phoneNumber: 'string', sendStatus: 'string', reason: 'string', cost: 'number', currency: 'string', resendOf: 'string',
	},
	sms_delivery_reports: {
		dedupeKey: 'string', messageId: 'string', phoneNumber: 'string', status: 'string', failureReason: 'string', network: 'string', retryCount: 'number', final: 'boolean', retryable: 'boolean',
	},
};

/** Creates both tables in the owner's personal project; returns their ids by name. */
async function createDeliveryTables(n8n) {
	const project = await n8n.rest('GET', '/projects/personal');
	const ids = {};
	for (const [name, columns] of Object.entries(DELIVERY_TABLES)) {
		const table = await n8n.rest('POST', `/projects/${project.id}/data-tables`, {
			name, columns: Object.entries(columns).map(([column, type]) => ({ name: column, type })),
		});
		ids[name] = table.id;
	}
	return ids;
}

module.exports = { DELIVERY_TABLES, createDeliveryTables };
