'use strict';
// A throwaway certificate authority and a certificate for AT's host names, so that n8n
// (trusting the CA through NODE_EXTRA_CA_CERTS) talks real HTTPS to the fake Africa's Talking.
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const forge = require('node-forge');

const NAMES = ['*.africastalking.com', '*.sandbox.africastalking.com', 'api.talkntalk.africa', 'localhost'];
// Named after the host names, so that a certificate made for other names is never reused.
const DIR = path.join(os.tmpdir(), `n8n-nodes-africastalking-tls-${crypto.createHash('sha256').update(NAMES.join(',')).digest('hex').slice(0, 8)}`);

function keyPair() {
	const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
	return {
		privateKey: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' })),
		publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' })),
	};
}

function certificate({ subject, issuer, publicKey, signingKey, serial, extensions }) {
	const cert = forge.pki.createCertificate();
	cert.publicKey = publicKey;
	cert.serialNumber = serial;
	cert.validity.notBefore = new Date(Date.now() - 24 * 3600 * 1000);
	cert.validity.notAfter = new Date(Date.now() + 3 * 365 * 24 * 3600 * 1000);
	cert.setSubject(subject);
	cert.setIssuer(issuer);
	cert.setExtensions(extensions);
	cert.sign(signingKey, forge.md.sha256.create());
	return forge.pki.certificateToPem(cert);
}

function generate() {
	const ca = keyPair();
	const caName = [{ name: 'commonName', value: 'n8n-nodes-africastalking test CA' }];
	const caPem = certificate({
		subject: caName, issuer: caName, publicKey: ca.publicKey, signingKey: ca.privateKey, serial: '01',
		extensions: [{ name: 'basicConstraints', cA: true, critical: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }],
	});
	const leaf = keyPair();
	const certPem = certificate({
		subject: [{ name: 'commonName', value: 'africastalking.com' }], issuer: caName,
		publicKey: leaf.publicKey, signingKey: ca.privateKey, serial: '02',
		extensions: [
			{ name: 'basicConstraints', cA: false },
			{ name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
			{ name: 'extKeyUsage', serverAuth: true },
			{ name: 'subjectAltName', altNames: [...NAMES.map((value) => ({ type: 2, value })), { type: 7, ip: '127.0.0.1' }] },
		],
	});
	fs.mkdirSync(DIR, { recursive: true });
	fs.writeFileSync(path.join(DIR, 'ca.pem'), caPem);
	fs.writeFileSync(path.join(DIR, 'cert.pem'), certPem);
	fs.writeFileSync(path.join(DIR, 'key.pem'), forge.pki.privateKeyToPem(leaf.privateKey));
}

/** Paths and contents of the test CA and server certificate, made once and reused. */
function testTls() {
	const files = ['ca.pem', 'cert.pem', 'key.pem'].map((f) => path.join(DIR, f));
	if (!files.every((f) => fs.existsSync(f))) generate();
	const [caPath, certPath, keyPath] = files;
	return { caPath, cert: fs.readFileSync(certPath, 'utf8'), key: fs.readFileSync(keyPath, 'utf8') };
}

module.exports = { testTls };
