'use strict';
// Unit tests (TypeScript, in-process) and end-to-end tests (real n8n, run one file at a time).
const path = require('node:path');

module.exports = {
	rootDir: path.resolve(__dirname, '..'),
	projects: [
		{
			displayName: 'unit',
			rootDir: path.resolve(__dirname, '..'),
			testEnvironment: 'node',
			testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
			transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.json') }] },
		},
		{
			displayName: 'e2e',
			rootDir: path.resolve(__dirname, '..'),
			testEnvironment: 'node',
			testMatch: ['<rootDir>/test/e2e/**/*.test.js'],
		},
	],
};
