'use strict';
// `npm run docs:screenshots`: retakes the pictures in docs/images/ from the real n8n editor, so
// they follow the nodes when these change. It starts n8n (the version `npm run dev` runs) with the
// fake Africa's Talking on free ports in a throwaway user folder, builds the workflows the pictures
// show through n8n's REST API, drives the editor with headless Chromium from Debian
// (playwright-core, never a downloaded browser) and shrinks each PNG with pngquant.
// Needs: `apt-get install -y chromium pngquant` (Debian/Ubuntu), and `npm run build` done first
// (the npm script does it). `--serve` keeps n8n running afterwards to look at the same state by hand.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { N8n, OWNER } = require('../test/harness/n8n');
const { FakeAfricasTalking } = require('../test/fake-at/server');
const { DEFAULT_ACCOUNTS } = require('../test/fake-at/accounts');
const { testTls } = require('../test/harness/tls');
const { node, chain, AT_NODE_TYPE } = require('../test/harness/workflows');

const ROOT = path.resolve(__dirname, '..');
const IMAGES = path.join(ROOT, 'docs', 'images');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TRIGGER_TYPE = 'n8n-nodes-africastalking.africasTalkingTrigger';
const RESPONSE_TYPE = 'n8n-nodes-africastalking.africasTalkingCallbackResponse';
const LIVE = DEFAULT_ACCOUNTS.find((account) => account.environment === 'live');

/** Stops early, naming the Debian package to install, when a tool the script needs is missing. */
function requireTools() {
	const missing = [];
	if (!fs.existsSync(CHROMIUM)) missing.push(`chromium (no ${CHROMIUM}; or set CHROMIUM_PATH to a Chromium or Chrome binary)`);
	if (spawnSync('pngquant', ['--version']).error) missing.push('pngquant');
	if (missing.length) {
		console.error(`docs:screenshots needs ${missing.join(' and ')}. On Debian or Ubuntu: sudo apt-get install -y ${missing.map((m) => m.split(' ')[0]).join(' ')}`);
		process.exit(2);
	}
}

/** The USSD menu of the Menu Builder picture: three screens, a menu, a question and an end. */
const USSD_MENU = {
	answer: 'ussd',
	ussdType: 'menu',
	menuDefinition: 'fields',
	menuStart: 'home',
	menuScreens: {
		screen: [
			{
				id: 'home', type: 'menu', text: 'Welcome to Duka', variable: 'product',
				options: { option: [{ label: 'Buy airtime', next: 'amount', value: 'airtime' }, { label: 'Buy a data bundle', next: 'amount', value: 'data' }] },
			},
			{
				id: 'amount', type: 'input', text: 'Amount in KES (10-1000)?', variable: 'amount', check: 'number', min: '10', max: '1000',
				retryMessage: 'Enter an amount from 10 to 1000.', next: 'done',
			},
			{ id: 'done', type: 'end', text: 'Done! KES {ussd.amount} of {ussd.product} is on its way.' },
		],
	},
	menuSessionText: "={{ $('USSD Session').item.json.text }}",
};

function ussdWorkflow() {
	const webhookId = '4d1f0c6e-0b7a-4c1e-9a55-2f3d6b8e9a10';
	return {
		webhookId,
		workflow: {
			name: 'USSD shop',
			nodes: [
				node('USSD Session', TRIGGER_TYPE, 2, { event: 'ussd' }, [0, 0], { webhookId }),
				node('USSD Menu', RESPONSE_TYPE, 1, USSD_MENU, [260, 0]),
			],
			connections: chain('USSD Session', 'USSD Menu'),
			settings: { executionOrder: 'v1' },
		},
	};
}

const CAMPAIGN_ROWS = [
	{ phone: '+254711000001', name: 'Amina' },
	{ phone: '+254711000002', name: 'Baraka' },
	{ phone: '+255754000003', name: 'Chausiku' },
	{ phone: '+254711000404', name: 'Dalmas' },
];
// The fake AT refuses this recipient as Africa's Talking refuses a blacklisted number; with On Error →
// Continue the summary lists it under failedRecipients.
const BLACKLISTED = '+254711000404';

const CAMPAIGN_NODE = 'Send SMS to All';

function campaignWorkflow(credential) {
	return {
		name: 'Closing notice to all customers',
		nodes: [
			node('Start', 'n8n-nodes-base.manualTrigger', 1, {}, [0, 0]),
			node('Customers', 'n8n-nodes-base.set', 3.4, { mode: 'raw', jsonOutput: JSON.stringify({ phones: CAMPAIGN_ROWS.map((r) => r.phone) }, null, 2), options: {} }, [220, 0]),
			node(CAMPAIGN_NODE, AT_NODE_TYPE, 1, {
				resource: 'sms', operation: 'send', recipientsField: 'phones', message: 'Our offices are closed on Monday. Karibu!',
				output: 'summary', options: { from: 'MyBrand' },
			}, [440, 0], { credentials: { africasTalkingApi: credential }, onError: 'continueRegularOutput' }),
		],
		connections: chain('Start', 'Customers', CAMPAIGN_NODE),
		settings: { executionOrder: 'v1' },
	};
}

const VIEWPORT = { width: 1280, height: 900 };

/** Signs in as the owner with the editor's own form (so the pictures never show the login screen). */
async function signIn(page, baseUrl) {
	await page.goto(`${baseUrl}/signin`);
	await page.getByLabel('Email').fill(OWNER.email);
	await page.getByLabel('Password').fill(OWNER.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL((url) => !url.pathname.includes('signin'));
}

/** Closes what n8n pops up over the canvas (production checklist, surveys, what's new). */
async function dismissPopups(page) {
	for (const close of [
		page.locator('[data-test-id="nps-survey-modal"] button[aria-label="Close"], [data-test-id="nps-survey-modal"] .el-dialog__headerbtn'),
		page.locator('[data-test-id="whats-new-modal"] .el-dialog__headerbtn'),
		page.locator('.el-notification .el-notification__closeBtn'),
	]) {
		for (const button of await close.all()) if (await button.isVisible()) await button.click();
	}
}

/** A new page of the given size, signed in, with a workflow's node open in the node details view (NDV). */
async function nodePage(browser, site, viewport, workflowId, nodeName) {
	const page = await browser.newPage({ viewport });
	await signIn(page, site.url);
	await page.goto(`${site.url}/workflow/${workflowId}`);
	await dismissPopups(page);
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName}"]`).dblclick({ force: true });
	await page.locator('[data-test-id="node-parameters"]').waitFor();
	await page.waitForTimeout(500); // fields and notices settle
	await dismissPopups(page);
	await page.mouse.move(0, 0); // no hover state (Fixed/Expression toggles) in the picture
	await page.waitForTimeout(400); // until the toggles have faded out
	return page;
}

/** The NDV's middle column (Parameters tab) from its tabs to its last field, as a clip rectangle. */
async function parametersClip(page) {
	return await page.evaluate(() => {
		const wrapper = document.querySelector('.node-parameters-wrapper');
		const column = wrapper.closest('[class*="_column_"]') || wrapper.parentElement;
		const items = [...wrapper.querySelectorAll(':scope > div > .parameter-input-list-wrapper > [data-test-id="parameter-item"]')];
		const box = column.getBoundingClientRect();
		const last = items.length ? Math.max(...items.map((item) => item.getBoundingClientRect().bottom)) : wrapper.getBoundingClientRect().bottom;
		return { x: box.x, y: box.y, width: box.width, height: Math.min(last + 16, box.bottom) - box.y };
	});
}

/**
 * A tall picture laid out in columns cut at the given heights (picture coordinates), so that a
 * long list of fields stays readable at its real size instead of one strip.
 */
async function inColumns(browser, png, width, height, cuts) {
	const edges = [0, ...cuts, height];
	const columns = edges.slice(0, -1).map((top, i) => ({ top, height: edges[i + 1] - top }));
	const tallest = Math.max(...columns.map((c) => c.height));
	const gap = 12;
	const page = await browser.newPage({ viewport: { width: columns.length * width + (columns.length - 1) * gap, height: tallest } });
	const src = `data:image/png;base64,${png.toString('base64')}`;
	await page.setContent(`<body style="margin:0;background:#fff;display:flex;gap:${gap}px;align-items:flex-start">${columns
		.map((c) => `<div style="width:${width}px;height:${c.height}px;background:url(${src}) 0 -${c.top}px no-repeat"></div>`).join('')}</body>`);
	const out = await page.screenshot();
	await page.close();
	return out;
}

/** The Callback Response's Menu Builder with the three screens, in two columns (header and first screen | the rest). */
async function menuBuilder(browser, site) {
	const page = await nodePage(browser, site, { ...VIEWPORT, height: 3600 }, site.workflows.ussd, 'USSD Menu');
	const clip = await parametersClip(page);
	const secondScreenTop = await page.evaluate(() => {
		const screens = [...document.querySelectorAll('[data-test-id="fixed-collection-menuScreens"] [data-draggable="true"]')]
			.filter((item) => !item.parentElement.closest('[data-draggable="true"]'));
		return screens[1].getBoundingClientRect().top;
	});
	const png = await page.screenshot({ clip });
	await page.close();
	return await inColumns(browser, png, clip.width, clip.height, [Math.round(secondScreenTop - clip.y - 8)]);
}

/** The SMS Send fields as a campaign fills them (recipients read from the item's field phones, summary output, a sender ID). */
async function smsSend(browser, site) {
	const page = await nodePage(browser, site, VIEWPORT, site.workflows.campaign, CAMPAIGN_NODE);
	await page.getByText('Sender ID or Short Code').waitFor();
	const png = await page.screenshot({ clip: await parametersClip(page) });
	await page.close();
	return png;
}

/** The Event list of the Africa's Talking Trigger, opened in its node, every event shown. */
async function triggerEvents(browser, site) {
	const page = await nodePage(browser, site, { ...VIEWPORT, height: 1400 }, site.workflows.ussd, 'USSD Session');
	// n8n's dropdown scrolls after a few entries: let it grow so that the picture shows all of them.
	await page.addStyleTag({ content: '.el-select-dropdown__wrap { max-height: none !important; }' });
	await page.locator('[data-test-id="parameter-input-event"]').click();
	const list = page.locator('.el-select-dropdown:visible').last();
	await list.waitFor();
	await page.waitForTimeout(300);
	await page.mouse.move(0, 0);
	const field = await page.locator('[data-test-id="parameter-input-event"]').boundingBox();
	const dropdown = await list.boundingBox();
	const x = Math.min(field.x, dropdown.x) - 16;
	const top = field.y - 30; // from the field's label
	const png = await page.screenshot({ clip: { x, y: top, width: Math.max(field.x + field.width, dropdown.x + dropdown.width) + 4 - x, height: dropdown.y + dropdown.height + 16 - top } });
	await page.close();
	return png;
}

/** The campaign run from the editor (Execute workflow) against the fake AT, its Summary output as JSON. */
async function campaignSummary(browser, site) {
	const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } }); // a wider output panel
	await signIn(page, site.url);
	await page.goto(`${site.url}/workflow/${site.workflows.campaign}`);
	await dismissPopups(page);
	await page.locator('[data-test-id="execute-workflow-button"]').click();
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${CAMPAIGN_NODE}"]`).dblclick({ force: true });
	const output = page.locator('[data-test-id="output-panel"]');
	await output.locator('[data-test-id="radio-button-json"]').click({ timeout: 60000 });
	await output.getByText('failedRecipients').waitFor({ timeout: 60000 });
	await dismissPopups(page); // the "Workflow executed successfully" toast
	await page.locator('.el-notification').first().waitFor({ state: 'hidden' });
	await page.mouse.move(0, 0);
	// From the panel's header to the JSON's last line.
	const clip = await output.evaluate((panel) => {
		const box = panel.getBoundingClientRect();
		const lines = [...panel.querySelectorAll('[data-test-id="ndv-data-container"] *')].filter((e) => e.childElementCount === 0 && e.textContent.trim());
		const bottom = Math.max(...lines.map((e) => e.getBoundingClientRect().bottom));
		return { x: box.x, y: box.y, width: box.width, height: bottom + 16 - box.y };
	});
	const png = await page.screenshot({ clip });
	await page.close();
	return png;
}

// A session through the three screens: first screen, Buy airtime, an amount out of range, a good amount.
const USSD_STEPS = [[], ['text=1'], ['text=1*5'], ['text=1*50']];

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The USSD menu clicked through with `npm run callback` against the published workflow: each
 * command and what it printed (Africa's Talking's view of the answer), drawn as a terminal.
 */
async function ussdSession(browser, site) {
	const lines = [`$ URL=${site.ussdUrl}   # the trigger's Production URL`];
	for (const fields of USSD_STEPS) {
		const args = ['run', '--silent', 'callback', '--', 'ussd', '$URL', ...fields];
		const run = spawnSync('npm', args.map((arg) => (arg === '$URL' ? site.ussdUrl : arg)), { cwd: ROOT, encoding: 'utf8' });
		if (run.status !== 0) throw new Error(`npm run callback failed: ${run.stderr || run.stdout}`);
		lines.push('', `$ npm ${args.join(' ')}`, ...run.stdout.trimEnd().split('\n'));
	}
	const page = await browser.newPage({ viewport: { width: 860, height: 400 } });
	await page.setContent(`<body style="margin:0;background:#fff"><pre id="terminal" style="margin:0;padding:16px 20px;width:fit-content;min-width:780px;background:#1e1e1e;color:#e6e6e6;border-radius:8px;font:14px/1.45 'DejaVu Sans Mono',monospace">${lines
		.map((line) => (line.startsWith('$ ') ? `<span style="color:#8fd18f">${escapeHtml(line)}</span>` : escapeHtml(line))).join('\n')}</pre></body>`);
	const png = await page.locator('#terminal').screenshot({ omitBackground: true });
	await page.close();
	return png;
}

const SHOTS = {
	'menu-builder.png': menuBuilder,
	'sms-send.png': smsSend,
	'campaign-summary.png': campaignSummary,
	'trigger-events.png': triggerEvents,
	'ussd-session.png': ussdSession,
};

/** Writes each picture, shrunk by pngquant (lossy palette, visually the same for UI pictures). */
async function takeShots(site, only) {
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
	try {
		fs.mkdirSync(IMAGES, { recursive: true });
		for (const [file, shoot] of Object.entries(SHOTS)) {
			if (only.length && !only.includes(file)) continue;
			const png = await shoot(browser, site);
			const target = path.join(IMAGES, file);
			const quantized = spawnSync('pngquant', ['--quality=60-90', '--speed=1', '--strip', '-'], { input: png, maxBuffer: 64 * 1024 * 1024 });
			fs.writeFileSync(target, quantized.status === 0 ? quantized.stdout : png);
			console.log(`${path.relative(ROOT, target)}: ${Math.round(fs.statSync(target).size / 1024)} KB`);
		}
	} finally {
		await browser.close();
	}
}

/** Fake AT and n8n on free ports, an owner, a credential and the pictures' workflows. */
async function startStack() {
	const tls = testTls();
	const fake = await new FakeAfricasTalking({ latencyMs: 20 }).listen({ tls });
	fake.recipientStatus.set(BLACKLISTED, 406);
	const n8n = await N8n.create({ fakePort: fake.port, caPath: tls.caPath });
	await n8n.start();
	const credential = await n8n.createCredential({ name: "Africa's Talking account", data: { environment: 'live', username: LIVE.username, apiKey: LIVE.apiKey } });
	const ussd = ussdWorkflow();
	const ussdCreated = await n8n.createWorkflow(ussd.workflow, { activate: true });
	const campaign = await n8n.createWorkflow(campaignWorkflow(credential));
	const stop = async () => {
		await n8n.stop();
		await fake.close();
	};
	return { n8n, fake, stop, workflows: { ussd: ussdCreated.id, campaign: campaign.id }, ussdUrl: `${n8n.url}/webhook/${ussd.webhookId}/webhook` };
}

async function main(argv) {
	requireTools();
	const only = argv.filter((arg) => !arg.startsWith('--'));
	const unknown = only.filter((file) => !SHOTS[file]);
	if (unknown.length) {
		console.error(`No picture named ${unknown.join(', ')}; the pictures: ${Object.keys(SHOTS).join(', ')}`);
		return 2;
	}
	const stack = await startStack();
	try {
		if (argv.includes('--serve')) {
			console.log(`n8n: ${stack.n8n.url} (${OWNER.email} / ${OWNER.password}); workflows ${JSON.stringify(stack.workflows)}; USSD ${stack.ussdUrl}`);
			await new Promise((resolve) => {
				process.on('SIGINT', resolve);
				process.on('SIGTERM', resolve);
			});
			return 0;
		}
		await takeShots({ url: stack.n8n.url, workflows: stack.workflows, ussdUrl: stack.ussdUrl }, only);
		return 0;
	} finally {
		await stack.stop();
	}
}

if (require.main === module) {
	main(process.argv.slice(2)).then(
		(code) => process.exit(code),
		(error) => {
			console.error(error);
			process.exit(1);
		},
	);
}
