// The fake's delivery reports: one per message it accepted, as AT posts them (form), from the
// mix asked for, some twice, posted again until answered 2xx; and the counts a report must show.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import axios from 'axios';
import { LIVE, useFake } from './fakeAtClient.cjs';

const holder = useFake();

/** A trigger URL that records every post and refuses the first `refuse` with 503. */
async function receiver(refuse = 0) {
	const posts: Record<string, string>[] = [];
	let refused = 0;
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			if (refused < refuse) {
				refused += 1;
				res.writeHead(503).end();
				return;
			}
			expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
			posts.push(Object.fromEntries(new URLSearchParams(body)));
			res.writeHead(200).end('OK');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
	return { url, posts, close: () => new Promise((resolve) => server.close(resolve)) };
}

const sendSms = (to: string[]) =>
	axios.post(`http://127.0.0.1:${holder.fake.port}/version1/messaging`, new URLSearchParams({ username: LIVE.username, to: to.join(','), message: 'Hi' }).toString(), {
		headers: { Host: 'api.africastalking.com', apiKey: LIVE.apiKey, Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
	});

describe('fake AT: delivery reports', () => {
	it('posts one report per accepted message from the mix, a share twice, none for a refused recipient', async () => {
		const trigger = await receiver();
		const mix = [
			{ status: 'Success', weight: 1 },
			{ status: 'Failed', failureReason: 'DeliveryFailure', weight: 1 },
		];
		const reports = holder.fake.sendDeliveryReports({ url: trigger.url, mix, delayMs: [0, 20], duplicateRate: 0.5, inFlight: 4, seed: 3 });
		holder.fake.recipientStatus.set('+254711000009', 406);
		const numbers = Array.from({ length: 10 }, (_, i) => `+25471100000${i}`);
		const answer = await sendSms(numbers);
		await reports.drained();
		await trigger.close();

		const accepted = answer.data.SMSMessageData.Recipients.filter((r: { statusCode: number }) => r.statusCode === 101);
		expect(accepted).toHaveLength(9);
		expect(new Set(trigger.posts.map((p) => p.id))).toEqual(new Set(accepted.map((r: { messageId: string }) => r.messageId)));
		expect(trigger.posts).toHaveLength(9 + reports.duplicates);
		expect(reports.duplicates).toBeGreaterThan(0);
		expect(trigger.posts.every((p) => ['Success', 'Failed'].includes(p.status) && p.phoneNumber !== '+254711000009')).toBe(true);
		const statuses = new Set(trigger.posts.map((p) => p.status));
		expect(statuses.size).toBe(2);
	});

	it('posts a refused report again until it is answered 2xx', async () => {
		const trigger = await receiver(3);
		const reports = holder.fake.sendDeliveryReports({ url: trigger.url, delayMs: [0, 1], inFlight: 1 });
		await sendSms(['+254711000001']);
		await reports.drained();
		await trigger.close();
		expect(trigger.posts).toHaveLength(1);
		expect(reports.refusedPosts).toBe(3);
		expect(reports.lost).toEqual([]);
	});

	it('counts what a campaign report must show: unknown statuses and reasons named, unreported messages pending', () => {
		const reports = holder.fake.sendDeliveryReports({ url: 'http://127.0.0.1:9/none', delayMs: [60000, 60001], maxAttempts: 0 });
		reports.reports.set('a', { status: 'Success' });
		reports.reports.set('b', { status: 'Failed', failureReason: 'DeliveryFailure' });
		reports.reports.set('c', { status: 'Failed', failureReason: '' });
		reports.reports.set('d', { status: 'Expired', failureReason: '' });
		reports.reports.set('e', { status: 'Teleported' });
		reports.reports.set('f', { status: 'Buffered' });
		expect(reports.expectedCounts(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toEqual({
			delivered: 1, failed: 3, pending: 2, unknown: 1, failureReasons: { DeliveryFailure: 1, unknown: 1, Expired: 1 },
		});
	});
});
