// Browser and bundler entry: the wasm-bindgen `web` build. Call `await init()` once before
// any other function (it fetches connect_preflight_bg.wasm next to this file), or
// `initSync(bytes)` with the wasm bytes you already have.
import initWasm, { initSync as initSyncWasm } from './connect_preflight.js';

export * from './connect_preflight.js';

/** Loads the module; later calls return at once. `source`: a URL, Response or bytes. */
export async function init(source) {
  await initWasm(source === undefined ? undefined : { module_or_path: source });
}

/** Instantiates the module from its bytes (a BufferSource or WebAssembly.Module). */
export function initSync(bytes) {
  initSyncWasm({ module: bytes });
}

export default init;
