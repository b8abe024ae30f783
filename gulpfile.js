'use strict';
// tsc compiles the TypeScript; this copies what n8n loads beside the compiled nodes of each
// package: the icons (referenced as file:../../icons/...) and each node's codex JSON.
const { src, dest, parallel } = require('gulp');
const path = require('node:path');
const { PACKAGES } = require('./scripts/packages');

const tasks = PACKAGES.flatMap(({ name, root }) => {
	const copyIcons = () => src(path.join(root, 'icons/*.{svg,png}'), { encoding: false }).pipe(dest(path.join(root, 'dist/icons')));
	const copyCodex = () => src(path.join(root, 'nodes/*/*.node.json')).pipe(dest(path.join(root, 'dist/nodes')));
	copyIcons.displayName = `icons ${name}`;
	copyCodex.displayName = `codex ${name}`;
	return [copyIcons, copyCodex];
});

exports['build:assets'] = parallel(...tasks);
exports.default = exports['build:assets'];
