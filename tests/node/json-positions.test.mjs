// Positions from JSON text against a reader of our own here: every issue's line and column is
// where the value its path names starts, or where its nearest existing ancestor starts (a
// missing field: the object that should hold it). The texts are generated from the examples:
// values of the wrong type, unknown members with names a pointer must escape (`/`, `~`),
// escaped characters in keys, keys written twice (the last one is the value, as for
// JSON.parse), astral characters before a value (columns are UTF-16 units), whitespace and
// CR LF between tokens, a byte-order mark. The same payload as an object gets the same report
// with no line and column at all.
import assert from 'node:assert/strict';
import test from 'node:test';
import { readFileSync } from 'node:fs';
import * as pkg from 'connect-preflight';
import { mulberry32 } from './seeded.mjs';

const example = (path) => JSON.parse(readFileSync(new URL(`../../examples/${path}`, import.meta.url), 'utf8'));
const FUNCTIONS = [
  ['validateDeploymentDraft', example('deployment-draft.valid.json')],
  ['validateDeploymentDraft', example('deployment-draft.invalid.json')],
  ['validateConnectorStagedDraft', example('connector-staged-draft.json')],
  ['validateTrackerDeployment', example('tracker/deployment.valid.json')],
  ['validateTrackerStatusUpdate', example('tracker/status-update.json')],
  ['validateTrayConnector', example('tray/valid/connector.json')],
  ['validateTrayDeploymentResponse', example('tray/deployment-response.repeat.json')],
];
const NAMES = ['a/b', '~', '~1', 'x~0y', '0', '01', 'é😀', 'tab\tkey', 'key'];
const WRONG = [null, true, 0, -1, 1.5, '', ' ', 'text 😀 𝄞', {}, [], [1, 'a'], { a: 1 }];
const SPACE = ['', ' ', '\n', '\r\n', '\t', '\n    ', ' \r\n '];

const pick = (random, list) => list[Math.floor(random() * list.length)];

// Every container in `value`, with the way to it.
function containers(value, at = [], out = []) {
  if (value && typeof value === 'object') {
    out.push(value);
    for (const [k, v] of Object.entries(value)) containers(v, [...at, k], out);
  }
  return out;
}

function edit(random, value) {
  for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
    const target = pick(random, containers(value));
    const keys = Object.keys(target);
    const r = random();
    if (r < 0.5 && keys.length > 0) target[pick(random, keys)] = structuredClone(pick(random, WRONG));
    else if (r < 0.7 && keys.length > 0 && !Array.isArray(target)) delete target[pick(random, keys)];
    else if (!Array.isArray(target)) target[pick(random, NAMES)] = structuredClone(pick(random, WRONG));
  }
  return value;
}

// JSON text of `value` with whitespace between tokens, keys escaped now and then, and (now and
// then) a member written twice: first with another value (one of the wrong ones, or what the
// template `before` had there, which may hold a field the edit took away), then with its own.
// With how many members were written twice.
function write(random, value, before) {
  let twice = 0;
  const space = () => (random() < 0.5 ? '' : pick(random, SPACE));
  // Escaped unit by unit (a surrogate pair as two escapes).
  const escaped = (k) => `"${Array.from({ length: k.length }, (_, j) => `\\u${k.charCodeAt(j).toString(16).padStart(4, '0')}`).join('')}"`;
  const key = (k) => (random() < 0.3 ? escaped(k) : JSON.stringify(k));
  const text = (v, was) => {
    if (Array.isArray(v)) return `[${space()}${v.map((x, i) => text(x, was?.[i])).join(`${space()},${space()}`)}${space()}]`;
    if (v && typeof v === 'object') {
      const members = Object.entries(v).flatMap(([k, x]) => {
        const own = `${key(k)}${space()}:${space()}${text(x, was?.[k])}`;
        if (random() >= 0.2) return [own];
        twice++;
        const first = was?.[k] !== undefined && random() < 0.7 ? was[k] : pick(random, WRONG);
        return [`${key(k)}:${JSON.stringify(first)}`, own];
      });
      return `{${space()}${members.join(`${space()},${space()}`)}${space()}}`;
    }
    return random() < 0.1 && typeof v === 'string' ? JSON.stringify(`😀${v}`) : JSON.stringify(v);
  };
  const written = (random() < 0.1 ? '\ufeff' : '') + space() + text(value, before) + space();
  return { text: written, twice };
}

// Where each value starts, as JSON.parse reads the text: a tree of { line, column, members }.
function readWithPositions(text) {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = i;
  const blank = () => {
    for (;;) {
      if (text[i] === ' ' || text[i] === '\t') i++;
      else if (text[i] === '\n' || text[i] === '\r') {
        i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        lineStart = i;
      } else return;
    }
  };
  const string = () => {
    const start = i;
    for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
    i++;
    return JSON.parse(text.slice(start, i));
  };
  const value = () => {
    blank();
    const node = { line, column: i - lineStart + 1, members: null };
    if (text[i] === '{' || text[i] === '[') {
      const array = text[i] === '[';
      node.members = new Map();
      i++;
      for (let index = 0; ; index++) {
        blank();
        if (text[i] === '}' || text[i] === ']') break;
        let name = String(index);
        if (!array) {
          name = string();
          blank();
          i++; // ':'
        }
        node.members.delete(name); // written twice: the last one is the value
        node.members.set(name, value());
        blank();
        if (text[i] === ',') i++;
      }
      i++;
    } else if (text[i] === '"') string();
    else i += /^(-?[0-9.eE+-]+|true|false|null)/.exec(text.slice(i, i + 400))[0].length;
    return node;
  };
  return value();
}

function positionOf(tree, pointer) {
  let node = tree;
  for (const token of pointer === '' ? [] : pointer.slice(1).split('/')) {
    const next = node.members?.get(token.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (!next) break;
    node = next;
  }
  return [node.line, node.column];
}

test('every issue from JSON text is where its value starts, and the object form has no position', () => {
  const random = mulberry32(2026);
  let cases = 0;
  let issues = 0;
  let twice = 0;
  const wrong = [];
  for (let n = 0; n < 4000; n++) {
    const [name, template] = pick(random, FUNCTIONS);
    const payload = edit(random, structuredClone(template));
    const { text, twice: written } = write(random, payload, template);
    cases++;
    twice += Math.min(written, 1);
    const tree = readWithPositions(text);
    const fromText = pkg[name](text);
    for (const issue of [...fromText.errors, ...fromText.warnings]) {
      issues++;
      const want = positionOf(tree, issue.path);
      if (want[0] !== issue.line || want[1] !== issue.column) wrong.push({ name, code: issue.code, path: issue.path, got: [issue.line, issue.column], want, text });
    }
    const fromObject = pkg[name](JSON.parse(text.replace(/^\ufeff/, '')));
    const unplaced = (report) => [...report.errors, ...report.warnings].map(({ line, column, ...rest }) => rest);
    assert.deepEqual(unplaced(fromObject), unplaced(fromText), text);
    assert.ok([...fromObject.errors, ...fromObject.warnings].every((i) => !('line' in i) && !('column' in i)), text);
  }
  console.log(`JSON positions: ${cases} generated texts (${twice} with a member written twice), ${issues} issues checked`);
  assert.ok(issues > 5000 && twice > 300, `${issues} issues, ${twice} with a member twice`);
  assert.deepEqual(wrong.slice(0, 3), [], `${wrong.length} issues are not where their value starts`);
});
