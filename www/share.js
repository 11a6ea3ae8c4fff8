// The shareable link: the builder's state (never a secured value: the caller leaves them out)
// in the URL fragment, deflated and base64url-encoded: #state=… . Nothing else is stored.
const PREFIX = '#state=';

async function pipe(bytes, stream) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}
const toBase64Url = (bytes) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
};
const fromBase64Url = (text) => Uint8Array.from(atob(text.replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0));

let pending = null;
let written = '';
/** Puts `state` in the fragment (replacing the history entry), at most every 250 ms. */
export function writeState(state) {
  const json = JSON.stringify(state);
  if (json === written) return;
  clearTimeout(pending);
  pending = setTimeout(async () => {
    written = json;
    const packed = await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw'));
    history.replaceState(null, '', `${location.pathname}${location.search}${PREFIX}${toBase64Url(packed)}`);
  }, 250);
}

/** The state of the link the page was opened with; null when none (or it cannot be read). */
export async function readState() {
  if (!location.hash.startsWith(PREFIX)) return null;
  try {
    const bytes = await pipe(fromBase64Url(location.hash.slice(PREFIX.length)), new DecompressionStream('deflate-raw'));
    const state = JSON.parse(new TextDecoder().decode(bytes));
    written = JSON.stringify(state);
    return state && typeof state === 'object' ? state : null;
  } catch {
    return null;
  }
}
