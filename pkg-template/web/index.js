// Browser and bundler entry: the wasm-bindgen `web` build. Call `await init()` once before
// any other function (it fetches connect_preflight_bg.wasm next to this file), or
// `initSync(bytes)` with the wasm bytes you already have. Every function goes through the
// guard (guard.js), which replaces the instance should it ever fail.
import initWasm, * as glue from './connect_preflight.js';
import { guard } from './guard.js';
import schema from './schema.js';

/**
 * Loads the module; later calls (and calls while it loads) share the first. `source`: a URL
 * or string, a Request, a Response, a BufferSource or a WebAssembly.Module; by default the
 * connect_preflight_bg.wasm beside this file.
 */
export async function init(source) {
  try {
    await initWasm(source === undefined ? undefined : { module_or_path: source });
  } catch (error) {
    // A dev server that moved this file (a pre-bundling step) answers the wasm's URL with its
    // HTML page: say what to do instead of "expected magic word 00 61 73 6d".
    if (error instanceof WebAssembly.CompileError && /magic/.test(error.message)) {
      throw new Error(
        'connect-preflight: connect_preflight_bg.wasm was not found where this module expected it (the server answered something else). ' +
          "Give init() its URL (import 'connect-preflight/web/connect_preflight_bg.wasm?url' with Vite), or exclude the package from pre-bundling " +
          "(Vite before 8: optimizeDeps: { exclude: ['connect-preflight'] }).",
        { cause: error },
      );
    }
    throw error;
  }
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
