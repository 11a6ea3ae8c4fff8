// Where the package under test is, and how to load its two builds. CONNECT_PREFLIGHT_PKG (an
// absolute path) points the tests at another copy of pkg/, e.g. a snapshot taken while pkg/ is
// being rebuilt: CONNECT_PREFLIGHT_PKG=/tmp/pkg-snap/ node --test tests/node/hostile.test.mjs
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const given = process.env.CONNECT_PREFLIGHT_PKG;
/** The package directory, a file: URL with a trailing slash. */
export const pkgDir = given ? pathToFileURL(given.endsWith('/') ? given : `${given}/`) : new URL('../../pkg/', import.meta.url);

const require = createRequire(import.meta.url);

/**
 * Both builds, each as { name, api, glue }: `api` the public entry, `glue` the raw
 * wasm-bindgen module that very entry uses (the same module instance).
 */
export async function loadBuilds() {
  return [await loadBuild('node'), await loadBuild('web')];
}

/** One build: 'node' (the require entry) or 'web' (initialised with initSync). */
export async function loadBuild(name) {
  if (name === 'node') {
    const api = require(fileURLToPath(new URL('node/index.cjs', pkgDir)));
    const glue = require(fileURLToPath(new URL('nodejs/connect_preflight.js', pkgDir)));
    return { name, api, glue };
  }
  const api = await import(new URL('web/index.js', pkgDir));
  api.initSync(readFileSync(new URL('web/connect_preflight_bg.wasm', pkgDir)));
  const glue = await import(new URL('web/connect_preflight.js', pkgDir));
  return { name, api, glue };
}

/** Functions of the entries that are JS only (no wasm binding): connectYamlSchema() returns
 * the committed schema file. */
export const JS_ONLY = ['connectYamlSchema'];

/** The functions a build's public entry offers, sorted (init, initSync, version, errorCatalog left out). */
export function publicFunctions(api) {
  const skip = new Set(['default', 'init', 'initSync', 'version', 'errorCatalog']);
  return Object.keys(api).filter((k) => !skip.has(k) && typeof api[k] === 'function').sort();
}
