'use strict';
// Node entry (require). The wasm-bindgen `nodejs` build instantiates the module synchronously
// when it is required, so init() and initSync() have nothing left to do: they exist so that
// `await init(); validate…(…)` runs unchanged in Node and in browsers. Every function goes
// through the guard (web/guard.js; node/guard.cjs is its CommonJS twin), which replaces the instance should it ever fail.
const glue = require('../nodejs/connect_preflight.js');
const { guard } = require('./guard.cjs'); // web/guard.js as CommonJS (scripts/build-pkg.sh)

async function init() {}
function initSync() {}

/** The JSON Schema (draft 2020-12) of connect.yaml for editors: a fresh copy each call. */
function connectYamlSchema() {
  return structuredClone(require('../connect.schema.json'));
}

const api = { init, initSync, connectYamlSchema };
for (const [name, fn] of Object.entries(guard(glue))) if (!name.startsWith('__')) api[name] = fn;
module.exports = api;
