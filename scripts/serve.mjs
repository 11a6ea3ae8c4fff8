// A small static server for the page: serves site/ (built by `make site`) on 127.0.0.1 only,
// with the right MIME types (application/wasm for the wasm, so streaming compilation works),
// the precompressed .br or .gz of a file when the browser accepts it, and the page's
// Content-Security-Policy as a header too. `make serve` runs it (PORT=8080 by default); the
// page tests import it, and may also mount pkg/ at /pkg/ (`{ pkg: true }`) to load the
// package's own modules in the browser.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.yaml': 'text/yaml; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; form-action 'none'";

export function startServer({ port = 8080, host = '127.0.0.1', site = join(root, 'site'), pkg = false } = {}) {
  const mounts = [['/', site + sep]];
  if (pkg) mounts.unshift(['/pkg/', join(root, 'pkg') + sep]);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400);
      return res.end('bad request');
    }
    if (pkg && pathname === '/blank.html') {
      // A page without the site's CSP, for tests that load pkg/ modules and evaluate code.
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      return res.end('<!doctype html><title>blank</title>');
    }
    const [prefix, dir] = mounts.find(([p]) => pathname.startsWith(p)) ?? [];
    let file = dir && normalize(join(dir, pathname.slice(prefix.length)));
    if (!file || !file.startsWith(dir) || pathname.includes('\0')) {
      res.writeHead(404);
      return res.end('not found');
    }
    if (file.endsWith(sep)) file = join(file, 'index.html');
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const headers = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      ...(prefix === '/' ? { 'content-security-policy': CSP } : {}),
      'x-content-type-options': 'nosniff',
      vary: 'accept-encoding',
    };
    for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
      if (!new RegExp(`\\b${encoding}\\b`).test(accepts)) continue;
      try {
        const body = await readFile(file + suffix);
        res.writeHead(200, { ...headers, 'content-encoding': encoding });
        return res.end(req.method === 'HEAD' ? undefined : body);
      } catch {
        // no precompressed copy: the file itself below
      }
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({ server, url: `http://${host}:${actual}` });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await startServer({ port: Number(process.env.PORT ?? 8080) });
  console.log(`serving site/ at ${url}/ (Ctrl-C to stop)`);
}
