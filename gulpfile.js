'use strict';
// tsc compiles the TypeScript; this copies what n8n loads beside the compiled nodes:
// the icons (referenced as file:../../icons/...) and each node's codex JSON.
const { src, dest, parallel } = require('gulp');

function copyIcons() {
	return src('icons/*.{svg,png}', { encoding: false }).pipe(dest('dist/icons'));
}

function copyCodex() {
	return src('nodes/**/*.node.json').pipe(dest('dist/nodes'));
}

exports['build:assets'] = parallel(copyIcons, copyCodex);
exports.default = exports['build:assets'];
