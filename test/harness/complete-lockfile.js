'use strict';
// The npm registry reachable here lacks the other platforms' builds of some optional native
// packages (e.g. @unrs/resolver-binding-darwin-arm64), so `npm install` cannot record them and
// `npm ci` then refuses the lockfile ("Missing: … from lock file"). This adds each missing
// optional package as an entry npm skips on other platforms. Run it after changing dependencies:
//   node test/harness/complete-lockfile.js package-lock.json test/harness/n8n-install/package-lock.json
const fs = require('node:fs');

const OS = { android: 'android', darwin: 'darwin', freebsd: 'freebsd', linux: 'linux', openharmony: 'openharmony', win32: 'win32', sunos: 'sunos', netbsd: 'netbsd', openbsd: 'openbsd', aix: 'aix' };
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'loong64', 'ppc64', 'riscv64', 's390x', 'mips64el', 'wasm32'];

function platformOf(name) {
	const parts = name.split('/').pop().split('-');
	const os = parts.find((p) => OS[p]);
	const cpu = parts.find((p) => CPU.includes(p)) || (parts.includes('arm') ? 'arm' : undefined);
	return { ...(os ? { os: [os] } : {}), ...(cpu ? { cpu: [cpu] } : {}) };
}

for (const file of process.argv.slice(2)) {
	const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
	let added = 0;
	for (const [location, entry] of Object.entries(lock.packages)) {
		for (const [name, version] of Object.entries(entry.optionalDependencies || {})) {
			const base = location === '' ? '' : `${location}/`;
			const nested = `${base}node_modules/${name}`;
			const hoisted = `node_modules/${name}`;
			if (lock.packages[nested] || lock.packages[hoisted]) continue;
			lock.packages[hoisted] = { version: version.replace(/^[\^~]/, ''), ...(entry.dev ? { dev: true } : {}), optional: true, ...platformOf(name) };
			added += 1;
		}
	}
	fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
	console.log(`${file}: added ${added} optional platform entries`);
}
