'use strict';
// Reading files within the input budget, and finding the files to check under a directory.
const fs = require('fs');
const path = require('path');
const { detectKind } = require('./kinds.cjs');

// The library refuses input over 5 MiB (docs/api-notes.md, "Budgets"): a file is read up to
// one byte past that, so /dev/zero or a huge file costs 5 MiB, not all the machine's memory.
const READ_LIMIT = 5 * 1024 * 1024 + 1;

/** A file's text (`-`: standard input), at most READ_LIMIT bytes of it. A regular file's
 * buffer is its size (plus one byte, to see it grow); a stream's grows as it is read. */
function readText(file) {
  const fd = file === '-' ? 0 : fs.openSync(file, 'r');
  try {
    const stat = fs.fstatSync(fd);
    let buffer = Buffer.allocUnsafe(stat.isFile() ? Math.min(stat.size + 1, READ_LIMIT) : 64 * 1024);
    let length = 0;
    while (length < READ_LIMIT) {
      if (length === buffer.length) {
        const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, READ_LIMIT));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      let read;
      try {
        read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      } catch (err) {
        if (err.code === 'EAGAIN') continue; // a non-blocking standard input
        if (err.code === 'EOF') break;
        throw err;
      }
      if (read === 0) break;
      length += read;
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    if (fd !== 0) fs.closeSync(fd);
  }
}

/** Why a file could not be read, in words that never quote the file. */
function readProblem(file, err) {
  const what = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'a directory', ENOTDIR: 'not a directory' }[err.code];
  return `cannot read ${file}: ${what ? `${what} (${err.code})` : err.code || 'read failed'}`;
}

const isDirectory = (file) => file !== '-' && fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() === true;

/** FILE, or FILE/NAME when FILE is a directory. */
const inDirectory = (file, name) => (isDirectory(file) ? path.join(file, name) : file);

const SKIPPED = new Set(['node_modules', '.git']);

/**
 * The files to check under `root` (recursively; node_modules and .git skipped; links to
 * directories not followed), in path order: `{ file, kind }` for each connect.yaml,
 * connector.json, and JSON file whose kind its content names (`--kind` forces one for every
 * .json/.yaml file instead).
 */
function discover(root, forcedKind) {
  const found = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      found.push({ file: dir, problem: readProblem(dir, err) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) walk(file);
        continue;
      }
      if (!entry.isFile() && !entry.isSymbolicLink()) continue;
      if (entry.isSymbolicLink() && !fs.statSync(file, { throwIfNoEntry: false })?.isFile()) continue;
      const lower = entry.name.toLowerCase();
      if (forcedKind) {
        if (/\.(json|ya?ml|txt)$/.test(lower)) found.push({ file, kind: forcedKind });
        continue;
      }
      const byName = detectKind('', { name: entry.name, strict: true });
      if (byName) {
        found.push({ file, kind: byName });
      } else if (lower.endsWith('.json') && fs.statSync(file).size < READ_LIMIT) {
        let text;
        try {
          text = readText(file);
        } catch {
          continue; // not ours to report: we only look at JSON files to find payloads
        }
        const kind = detectKind(text, { name: entry.name, strict: true });
        if (kind) found.push({ file, kind, text });
      }
    }
  };
  walk(root);
  return found;
}

/** The connect.yaml nearest to `file`: in its directory or one above it, not above `top`. */
function nearestConnectYaml(file, top) {
  const stop = path.resolve(top);
  for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
    for (const name of ['connect.yaml', 'connect.yml']) {
      const candidate = path.join(dir, name);
      if (fs.statSync(candidate, { throwIfNoEntry: false })?.isFile()) return path.relative(process.cwd(), candidate) || candidate;
    }
    if (dir === stop || !dir.startsWith(stop) || dir === path.dirname(dir)) return null;
  }
}

module.exports = { READ_LIMIT, readText, readProblem, isDirectory, inDirectory, discover, nearestConnectYaml };
