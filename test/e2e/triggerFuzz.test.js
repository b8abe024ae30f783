'use strict';
// Over a thousand malformed and hostile callbacks posted to a running n8n, with valid ones among
// them: every request is answered (no 5xx, no hang), invalid ones start nothing, every valid one
// runs exactly once, and n8n stays healthy.
const { useStack } = require('./stack');
const { triggerWorkflow, callbackResponse } = require('../harness/workflows');
const { CALLBACKS, encode } = require('../fake-at/callbacks');
const { EVENTS } = require('../../dist/nodes/AfricasTalkingTrigger/events');

jest.setTimeout(600000);

const INVALID_PER_EVENT = 95;
const VALID_PER_EVENT = 10;
const CONCURRENCY = 16;

const stack = useStack({ resetFakeBeforeEach: false });

function random(seed) {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
}

const HOSTILE = [
	'<script>alert(1)</script>', "'; DROP TABLE execution_entity; --", '🎉🔥 Karibu sana', '\u202Egnp.exe', 'a'.repeat(5000), '{{ $env.N8N_ENCRYPTION_KEY }}',
	'../../etc/passwd', '&amp;&lt;&#0;', 'line\nbreak\ttab', '%00%0d%0a', '${7*7}', 'null', 'undefined', '[object Object]',
];

/** Valid callbacks whose free-text fields carry hostile text: n8n must run each exactly once. */
function validRequest(event, rnd, index) {
	const spec = CALLBACKS[event];
	const body = { ...spec.body };
	const textFields = Object.keys(body).filter((k) => typeof body[k] === 'string' && !EVENTS[event].required.includes(k));
	for (const field of textFields) body[field] = HOSTILE[Math.floor(rnd() * HOSTILE.length)];
	if (event === 'voiceCall') body.isActive = '1';
	// A unique value per request, so each valid post is told apart in the executions.
	const idField = EVENTS[event].required[0];
	body[idField] = `${String(spec.body[idField])}-${index}`;
	const { contentType, data } = encode(spec.type, body);
	return { method: 'POST', contentType, data, valid: true, marker: body[idField], idField };
}

function invalidRequest(event, rnd) {
	const spec = CALLBACKS[event];
	const required = EVENTS[event].required;
	const pick = (list) => list[Math.floor(rnd() * list.length)];
	const other = spec.type === 'form' ? 'json' : 'form';
	const withoutField = () => {
		const body = { ...spec.body };
		delete body[pick(required)];
		return body;
	};
	const kinds = [
		() => ({ ...encode(spec.type, withoutField()) }),
		() => ({ ...encode(spec.type, { ...spec.body, [pick(required)]: '' }) }),
		() => (event === 'airtimeStatus' ? { contentType: 'text/plain', data: 'requestId=1' } : { ...encode(other, spec.body) }),
		() => ({ contentType: 'text/plain', data: new URLSearchParams(spec.body).toString() }),
		() => ({ contentType: spec.type === 'form' ? 'application/x-www-form-urlencoded' : 'application/json', data: Buffer.from(Array.from({ length: 64 }, () => Math.floor(rnd() * 256))) }),
		() => ({ contentType: 'application/json', data: pick(['[1,2,3]', '"text"', '42', 'null', '{"a":', '{]', '']) }),
		() => ({ ...encode(spec.type, { ...withoutField(), padding: 'x'.repeat(200000) }) }),
		() => ({ contentType: spec.type === 'form' ? 'application/x-www-form-urlencoded' : 'application/json', data: spec.type === 'form' ? `${new URLSearchParams(spec.body).toString()}&${required[0]}=dup` : JSON.stringify({ ...spec.body, [required[0]]: { nested: HOSTILE[0] } }) }),
		() => ({ contentType: 'application/x-www-form-urlencoded', data: '__proto__[polluted]=1&constructor[prototype][x]=1' }),
		() => ({ method: 'GET' }),
	];
	return { method: 'POST', ...pick(kinds)(), valid: false };
}

async function send(url, request) {
	try {
		const res = await fetch(url, {
			method: request.method,
			headers: request.contentType ? { 'content-type': request.contentType } : {},
			body: request.method === 'GET' ? undefined : request.data,
			signal: AbortSignal.timeout(20000),
		});
		await res.arrayBuffer();
		return res.status;
	} catch (error) {
		return `no answer: ${error.name}`;
	}
}

const SETTINGS = {
	voiceCall: { voiceAnswer: 'say', voiceText: 'Hello' },
	airtimeValidation: { validationAnswer: 'acceptAll' },
	paymentValidation: { validationAnswer: 'rule', maxAmount: 1000000 },
};

it('answers every one of more than 1,000 malformed and hostile callbacks, and runs each valid one exactly once', async () => {
	const rnd = random(20261123);
	const targets = {};
	for (const event of Object.keys(EVENTS)) {
		const then = event === 'ussd' ? [callbackResponse({ answer: 'ussd', ussdType: 'end', ussdText: 'Thanks' })] : [];
		const { workflow, path } = triggerWorkflow({ name: `fuzz ${event}`, parameters: { event, ...SETTINGS[event] }, then });
		const created = await stack.n8n.createWorkflow(workflow, { activate: true });
		targets[event] = { id: created.id, url: `${stack.n8n.url}/webhook/${path}`, markers: [] };
	}
	const requests = [];
	for (const event of Object.keys(EVENTS)) {
		for (let i = 0; i < INVALID_PER_EVENT; i++) requests.push({ event, ...invalidRequest(event, rnd) });
		for (let i = 0; i < VALID_PER_EVENT; i++) {
			const request = validRequest(event, rnd, i);
			targets[event].markers.push(request.marker);
			requests.push({ event, ...request });
		}
	}
	// Shuffled, so valid callbacks arrive among the bad ones.
	for (let i = requests.length - 1; i > 0; i--) {
		const j = Math.floor(rnd() * (i + 1));
		[requests[i], requests[j]] = [requests[j], requests[i]];
	}
	expect(requests.filter((r) => !r.valid).length).toBeGreaterThanOrEqual(1000);

	const statuses = new Array(requests.length);
	let next = 0;
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async () => {
			while (next < requests.length) {
				const index = next++;
				statuses[index] = await send(targets[requests[index].event].url, requests[index]);
			}
		}),
	);

	const problems = requests
		.map((request, i) => ({ event: request.event, valid: request.valid, contentType: request.contentType, method: request.method, status: statuses[i] }))
		.filter((r) => typeof r.status !== 'number' || r.status >= 500 || (r.valid ? r.status !== 200 : r.status < 400));
	expect(problems).toEqual([]);

	for (const [event, target] of Object.entries(targets)) {
		const finished = await stack.n8n.waitForExecutions(target.id, VALID_PER_EVENT, 60000);
		expect({ event, executions: finished.length }).toEqual({ event, executions: VALID_PER_EVENT });
		const executions = await stack.n8n.executions(target.id);
		const idField = EVENTS[event].required[0];
		const seen = executions.map((e) => e.data.resultData.runData['AT Trigger'][0].data.main[0][0].json.raw[idField]).sort();
		expect({ event, seen }).toEqual({ event, seen: [...target.markers].sort() });
	}

	const health = await fetch(`${stack.n8n.url}/healthz`);
	expect(health.status).toBe(200);
	const after = await send(targets.incomingSms.url, { method: 'POST', ...encode('form', CALLBACKS.incomingSms.body) });
	expect(after).toBe(200);
});
