'use strict';
// Unit tests (TypeScript, in-process), end-to-end tests (real n8n, run one file at a time) and
// queue-mode tests (real n8n main + workers with Redis and PostgreSQL).
const path = require('node:path');

const { testNamePattern } = require('./harness/n8n-versions');

// The n8n install folders' package.json files are not modules of this project.
const modulePathIgnorePatterns = ['<rootDir>/test/harness/n8n-install', '<rootDir>/test/harness/node-install'];

module.exports = {
	rootDir: path.resolve(__dirname, '..'),
	// Leaves out the known limits of the n8n version under test (N8N_TEST_VERSION).
	...(testNamePattern ? { testNamePattern } : {}),
	projects: [
		{
			displayName: 'unit',
			rootDir: path.resolve(__dirname, '..'),
			testEnvironment: 'node',
			modulePathIgnorePatterns,
			// .cts, so that n8n's lint (which reads every *.ts under the package root as node code)
			// leaves the tests alone.
			testMatch: ['<rootDir>/test/unit/**/*.test.cts'],
			moduleFileExtensions: ['ts', 'cts', 'js', 'json'],
			// A .cts file imports another as './context.cjs' (TypeScript's rule for .cts); Jest loads the source.
			moduleNameMapper: { '^(\\./.*)\\.cjs$': '$1' },
			transform: { '^.+\\.c?ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.json') }] },
		},
		{
			displayName: 'e2e',
			rootDir: path.resolve(__dirname, '..'),
			testEnvironment: 'node',
			modulePathIgnorePatterns,
			testMatch: ['<rootDir>/test/e2e/**/*.test.js'],
		},
		{
			displayName: 'queue',
			rootDir: path.resolve(__dirname, '..'),
			testEnvironment: 'node',
			modulePathIgnorePatterns,
			testMatch: ['<rootDir>/test/queue/**/*.test.js'],
		},
	],
};
