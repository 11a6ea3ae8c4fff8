// connect.yaml positions against the official parser's own: every issue's line and column is
// where yaml@2 (what `commercetools connect validate` reads with) puts the node the issue's path
// names — its key for an issue about the member being there, its value otherwise, the nearest
// existing ancestor when the path is not in the file. The files are generated: the examples and
// the corpus, edited through yaml@2's document model (keys misspelt, values of the wrong type,
// members added and removed), written back with lists indented under their keys or at the key's
// own indentation, then comments, blank lines and CR LF put in.
import assert from 'node:assert/strict';
import test from 'node:test';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import YAML from 'yaml';
import { validateConnectYaml } from 'connect-preflight';
import { mulberry32 } from './seeded.mjs';

const dirs = ['../../examples/connect-yaml/valid/', '../../examples/connect-yaml/invalid/', '../../../shared/corpus/connect-yaml/']
  .map((d) => new URL(d, import.meta.url))
  .filter((d) => existsSync(d));
const files = dirs.flatMap((d) => readdirSync(d).filter((f) => /\.ya?ml$/.test(f)).map((f) => readFileSync(new URL(f, d), 'utf8')));

// The codes whose position is the member's key (src/connect/connect_yaml.rs, add_positions).
const AT_KEY = new Set(['UnknownField', 'LegacyConnectYamlFormat', 'NotAllowedForApplicationType']);
const NAMES = ['a/b', 'x.y', '~1', '01', '0', 'endpoint', 'properties', 'appPath', 'configurationType', 'schedule', 'scripts', 'inheritAs', 'required'];
const VALUES = [5, true, null, 'text 😀', [1, 2], { a: 1 }, '0 0 * * MON', -1, '', 3.5, ['x', 'y'], [{ key: 'K' }]];

const pick = (random, list) => list[Math.floor(random() * list.length)];

function pairs(doc) {
  const found = [];
  YAML.visit(doc, { Pair(_, pair, path) { found.push({ pair, parent: path[path.length - 1] }); } });
  return found;
}

function edit(random, doc) {
  for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
    const all = pairs(doc);
    if (all.length === 0) return;
    const { pair, parent } = pick(random, all);
    const r = random();
    if (r < 0.3 && YAML.isScalar(pair.key)) pair.key.value = `${pair.key.value}s`;
    else if (r < 0.6) pair.value = doc.createNode(pick(random, VALUES));
    else if (r < 0.9 && YAML.isMap(parent)) parent.items.push(doc.createPair(pick(random, NAMES), doc.createNode(pick(random, VALUES))));
    else if (YAML.isMap(parent)) parent.items.splice(parent.items.indexOf(pair), 1);
  }
}

function decorate(random, text) {
  const out = [];
  for (const line of text.split('\n')) {
    if (random() < 0.1) out.push(`${/^ */.exec(line)[0]}# a comment - key: x`);
    if (random() < 0.1) out.push('');
    out.push(line);
  }
  const joined = out.join('\n');
  return random() < 0.3 ? joined.replace(/\n/g, '\r\n') : joined;
}

const tokens = (pointer) => (pointer === '' ? [] : pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~')));

// Where yaml@2 puts what `pointer` names (or its nearest existing ancestor): [line, column].
function officialPosition(doc, counter, pointer, atKey) {
  let node = doc.contents;
  let key = null;
  let exact = true;
  for (const token of tokens(pointer)) {
    let next;
    if (YAML.isMap(node)) {
      const pair = node.items.find((p) => String(YAML.isScalar(p.key) ? p.key.value ?? '' : p.key) === token);
      if (pair && pair.value) [next, key] = [pair.value, pair.key];
    } else if (YAML.isSeq(node) && /^(0|[1-9]\d*)$/.test(token)) {
      [next, key] = [node.items[Number(token)], null];
    }
    if (!next) {
      exact = false;
      break;
    }
    node = next;
  }
  const at = exact && atKey && key ? key : node;
  const { line, col } = counter.linePos(at.range[0]);
  return [line, col];
}

test('every issue of generated connect.yaml files is where yaml@2 puts its node', () => {
  assert.ok(files.length >= 37, `${files.length} files`);
  const random = mulberry32(16);
  let texts = 0;
  let indentless = 0;
  const checked = {};
  const wrong = [];
  for (let i = 0; i < 1500; i++) {
    const doc = YAML.parseDocument(pick(random, files));
    if (doc.errors.length > 0) continue;
    edit(random, doc);
    const indentSeq = random() < 0.5; // false: lists at their key's own indentation
    const text = decorate(random, doc.toString({ indentSeq, lineWidth: 0 }));
    const counter = new YAML.LineCounter();
    const official = YAML.parseDocument(text, { lineCounter: counter, uniqueKeys: true });
    if (official.errors.length > 0) continue;
    texts++;
    if (!indentSeq) indentless++;
    const report = validateConnectYaml(text);
    for (const issue of [...report.errors, ...report.warnings]) {
      assert.notEqual(issue.code, 'InvalidYaml', text);
      checked[issue.code] = (checked[issue.code] ?? 0) + 1;
      const want = officialPosition(official, counter, issue.path, AT_KEY.has(issue.code));
      if (want[0] !== issue.line || want[1] !== issue.column) wrong.push({ code: issue.code, path: issue.path, got: [issue.line, issue.column], want, text });
    }
  }
  const total = Object.values(checked).reduce((a, b) => a + b, 0);
  console.log(`connect.yaml positions: ${texts} generated files (${indentless} with lists at their key's indentation), ${total} issues checked:`, JSON.stringify(checked));
  assert.ok(texts > 1000 && indentless > 400 && total > 3000, `${texts} files, ${total} issues`);
  assert.ok(AT_KEY.has('UnknownField') && checked.UnknownField > 300 && checked.InvalidField > 300, JSON.stringify(checked));
  assert.deepEqual(wrong.slice(0, 3), [], `${wrong.length} issues are not where yaml@2 puts them`);
});
