'use strict';
// n8n loads this package's nodes and credential from the "n8n" field of package.json
// (files under dist/), not from this entry point.
module.exports = {};
