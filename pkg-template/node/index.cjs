'use strict';
// Node entry (require). The wasm-bindgen `nodejs` build instantiates the module synchronously
// when it is required, so init() and initSync() have nothing left to do: they exist so that
// `await init(); validate…(…)` runs unchanged in Node and in browsers.
const wasm = require('../nodejs/connect_preflight.js');

async function init() {}
function initSync() {}

module.exports = Object.assign({}, wasm, { init, initSync });
