import { spawnSync } from 'child_process';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { problems, versionOfTag } = require('../../scripts/release.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PACKAGES, packageJson, registeredSources } = require('../../scripts/packages.js');

const RELEASE = path.resolve(__dirname, '../../scripts/release.js');

describe('release checks (publish.yml refuses before anything reaches npm)', () => {
	it('takes one version for both packages from a vX.Y.Z tag', () => {
		expect(versionOfTag('v1.2.3')).toBe('1.2.3');
		expect(versionOfTag('v1.2.3-beta.1')).toBe('1.2.3-beta.1');
		expect(() => versionOfTag('1.2.3')).toThrow(/not a release tag/);
		expect(() => versionOfTag('v1.2')).toThrow(/not a release tag/);
	});

	it('names the package and the reason when its version differs from the tag or it has runtime dependencies', () => {
		expect(problems('n8n-nodes-talkntalk', { name: 'n8n-nodes-talkntalk', version: '0.1.0' }, '0.1.0')).toEqual([]);
		expect(problems('n8n-nodes-talkntalk', { name: 'n8n-nodes-talkntalk', version: '0.1.0' }, '0.2.0')).toEqual([
			expect.stringMatching(/^n8n-nodes-talkntalk: its version is 0\.1\.0, the tag says 0\.2\.0/),
		]);
		expect(problems('n8n-nodes-africastalking', { name: 'n8n-nodes-africastalking', version: '1.0.0', dependencies: { axios: '^1' } }, '1.0.0')).toEqual([
			expect.stringMatching(/^n8n-nodes-africastalking: it has runtime dependencies \(axios\)/),
		]);
	});

	it('passes the packages as they are for their own version, and exits non-zero naming both for another', () => {
		const version = packageJson(PACKAGES[0]).version;
		for (const pkg of PACKAGES) expect(packageJson(pkg).version).toBe(version);
		expect(spawnSync(process.execPath, [RELEASE, 'check', `v${version}`], { encoding: 'utf8' }).status).toBe(0);
		const refused = spawnSync(process.execPath, [RELEASE, 'check', 'v99.0.0'], { encoding: 'utf8' });
		expect(refused.status).toBe(1);
		for (const pkg of PACKAGES) expect(refused.stderr).toContain(`${pkg.name}: its version is ${version}, the tag says 99.0.0`);
	});
});

describe('package layout', () => {
	it('registers, in each package root, TypeScript sources that exist there (what the verification scan must lint)', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const fs = require('fs');
		for (const pkg of PACKAGES) {
			const sources: string[] = registeredSources(pkg);
			expect(sources.length).toBeGreaterThan(1);
			for (const file of sources) expect(fs.existsSync(path.join(pkg.root, file))).toBe(true);
		}
	});
});
