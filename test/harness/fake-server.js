'use strict';
// What every fake provider does to serve: HTTP or HTTPS on 127.0.0.1, a 500 with the stack when
// the fake itself fails, and a close that does not wait for idle keep-alive connections.
const http = require('node:http');
const https = require('node:https');

/** Serves `fake.handle(req, res)` on 127.0.0.1; with `tls` ({key, cert}) as HTTPS, the way n8n reaches it in tests. */
function listen(fake, name, { port = 0, tls } = {}) {
	const handler = (req, res) => fake.handle(req, res).catch((error) => {
		res.writeHead(500, { 'content-type': 'text/plain' }).end(`${name} failure: ${error.stack}`);
	});
	fake.server = tls ? https.createServer({ key: tls.key, cert: tls.cert }, handler) : http.createServer(handler);
	fake.server.keepAliveTimeout = 30000;
	return new Promise((resolve) => {
		fake.server.listen(port, '127.0.0.1', () => {
			fake.port = fake.server.address().port;
			resolve(fake);
		});
	});
}

function close(fake) {
	if (!fake.server) return Promise.resolve();
	fake.server.closeAllConnections();
	return new Promise((resolve) => fake.server.close(() => resolve()));
}

module.exports = { listen, close };
