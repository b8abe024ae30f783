'use strict';
// `npm run dev`: n8n on http://localhost:5678 with both packages installed as community
// packages. With AT_FAKE=1 (or `npm run dev -- --fake`), Africa's Talking's and TalkNTalk's
// hosts are pointed at the local fakes, so the nodes can be tried end to end without accounts.
// N8N_TEST_VERSION=2.8|1.x|oldest runs another n8n than the current one (each with its own dev
// user folder: an older n8n cannot open a database a newer one has migrated).
// n8n's task runner broker listens on N8N_PORT + 1 (5679, n8n's default, for the default 5678),
// or on N8N_RUNNERS_BROKER_PORT: a fixed port the output names, rather than the random free port
// the tests use, and not n8n's fixed 5679, which `N8N_PORT=5679 npm run dev` would take itself.
const os = require('node:os');
const path = require('node:path');
const { N8n } = require('./n8n');
const { FakeAfricasTalking } = require('../fake-at/server');
const { DEFAULT_ACCOUNTS } = require('../fake-at/accounts');
const { testTls } = require('./tls');
const { FakeTalkNTalk, API_KEY: TNT_API_KEY } = require('../fake-tnt/server');
const n8nVersion = require('./n8n-versions');
const { N8N_VERSION, NODE_VERSION } = require('./install-n8n');

const USER_FOLDER = process.env.N8N_DEV_USER_FOLDER
	|| path.join(os.homedir(), '.cache', 'n8n-nodes-africastalking', n8nVersion.name === 'current' ? 'dev-user' : `dev-user-${n8nVersion.name}`);
const useFake = process.env.AT_FAKE === '1' || process.argv.includes('--fake');

const PORT = Number(process.env.N8N_PORT || 5678);
const BROKER_PORT = Number(process.env.N8N_RUNNERS_BROKER_PORT || PORT + 1);

async function main() {
	let fake;
	let tntFake;
	let tls;
	if (useFake) {
		tls = testTls();
		fake = await new FakeAfricasTalking({ latencyMs: 50 }).listen({ tls });
		tntFake = await new FakeTalkNTalk({ latencyMs: 50 }).listen({ tls });
	}
	const n8n = await N8n.create({
		userFolder: USER_FOLDER, port: PORT, env: { N8N_RUNNERS_BROKER_PORT: String(BROKER_PORT) }, fakePort: fake?.port, tntFakePort: tntFake?.port, caPath: tls?.caPath,
		packages: ['n8n-nodes-africastalking', 'n8n-nodes-talkntalk'],
	});
	const stop = async () => {
		await n8n.stop();
		if (fake) await fake.close();
		if (tntFake) await tntFake.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	await n8n.start({ setupOwner: false, echo: true });
	console.log(`\nn8n ${N8N_VERSION} (Node.js ${NODE_VERSION}) is running on http://localhost:${n8n.port} with n8n-nodes-africastalking and n8n-nodes-talkntalk loaded (user folder ${USER_FOLDER}).`);
	console.log(`Its task runner broker listens on port ${BROKER_PORT} (N8N_RUNNERS_BROKER_PORT, default N8N_PORT + 1).`);
	if (fake) {
		console.log("Africa's Talking hosts point at the local fake. Create an \"Africa's Talking API\" credential with:");
		for (const account of DEFAULT_ACCOUNTS) {
			console.log(`  Environment ${account.environment}${account.environment === 'live' ? `, Username ${account.username}` : ''}, API Key ${account.apiKey}`);
		}
		console.log(`TalkNTalk points at its local fake too. Create a "TalkNTalk API" credential with API Key ${TNT_API_KEY}`);
	}
	console.log('\nTry a trigger without a tunnel: publish a workflow with the Africa\'s Talking Trigger, copy its Production URL, then');
	console.log('  npm run callback -- ussd <Production URL> text=1      (or voiceCall, incomingSms, paymentValidation, …; no arguments lists them)');
	console.log('or, with the TalkNTalk Trigger (--secret asks for its credential\'s Signing Secret, typed unseen, and signs the body; or set CALLBACK_SIGNING_SECRET):');
	console.log('  npm run callback -- sms.delivered <Production URL> --secret      (or sms.sent, sms.failed, sms.undelivered, sms.cancelled)');
	console.log(`Dev state (workflows, credentials, executions) lives in ${USER_FOLDER}: stop n8n and delete that folder to start afresh.`);
	console.log('Press Ctrl+C to stop.');
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
