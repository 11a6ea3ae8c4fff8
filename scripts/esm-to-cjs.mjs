// node scripts/esm-to-cjs.mjs IN OUT: the CommonJS twin of an ES module made only of top-level
// `export function` / `export const` declarations (src/bindings.js, pkg-template/web/guard.js).
// Node's require() of an ES module goes through the ESM loader, and of a .js file with no
// "type" it first fails to parse it as CommonJS: 1.5-2.5 ms of every start of the Node entry
// and the CLI (docs/decisions.md, "Start"). Anything else that looks like a module statement
// (an import, `export default`, `export {`) stops the build: the twin would be wrong.
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: esm-to-cjs.mjs IN OUT');
const names = [];
const lines = readFileSync(input, 'utf8').split('\n').map((line, n) => {
  const declaration = /^export (function|const|let) ([A-Za-z_$][\w$]*)/.exec(line);
  if (declaration) {
    names.push(declaration[2]);
    return line.slice('export '.length);
  }
  if (/^(import|export)\b/.test(line)) throw new Error(`${input}:${n + 1}: esm-to-cjs handles only 'export function|const|let': ${line}`);
  return line;
});
if (names.length === 0) throw new Error(`${input}: no export`);
writeFileSync(output, `'use strict';\n// Written by scripts/esm-to-cjs.mjs from ${input.replace(/^.*?(src|pkg-template)\//, '$1/')}.\n${lines.join('\n')}\nmodule.exports = { ${names.join(', ')} };\n`);
