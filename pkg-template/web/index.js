// Browser and bundler entry: the wasm-bindgen `web` build. Call `await init()` once before
// any other function (it fetches connect_preflight_bg.wasm next to this file), or
// `initSync(bytes)` with the wasm bytes you already have. Every function goes through the
// guard (guard.js), which replaces the instance should it ever fail.
import initWasm, * as glue from './connect_preflight.js';
import { guard } from './guard.js';
import schema from './schema.js';

/** Loads the module; later calls return at once. `source`: a URL, Response or bytes. */
export async function init(source) {
  await initWasm(source === undefined ? undefined : { module_or_path: source });
}

/** Instantiates the module from its bytes (a BufferSource or WebAssembly.Module). */
export function initSync(bytes) {
  glue.initSync({ module: bytes });
}

/** The JSON Schema (draft 2020-12) of connect.yaml for editors: a fresh copy each call. */
export function connectYamlSchema() {
  return structuredClone(schema);
}

const api = guard(glue);
export const {
  /* EXPORTS: written by scripts/build-pkg.sh, every function the bindings export */
} = api;

export default init;
