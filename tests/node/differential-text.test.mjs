// Differential test on *textual* mutations of the corpus: tabs, byte-order marks, directives,
// document markers, escapes, tags, block scalars, quoting, comments, flow style, anchors, line
// endings and more, each written into the text of the 37 corpus files (seeded, deterministic).
// For every mutation our verdict (validateConnectYaml(text).valid) is compared with the official
// validator's (@commercetools-connect/specification: yaml@2.9.0 + its zod schema). A difference
// is either deliberate (docs/decisions.md, recognised by deliberate() of official.mjs) or unexplained;
// the test asks for none unexplained.
// differential.test.mjs mutates parsed values and re-serialises them, so it never sees these.
//
// Run against a snapshot of the package while pkg/ is being rebuilt:
//   CONNECT_PREFLIGHT_PKG=/tmp/pkg-snap-11 node --test tests/node/differential-text.test.mjs
// DIFFTEXT_SHOW=n prints n unexplained disagreements per class (default 2);
// DIFFTEXT_ONLY=regex runs only the matching classes; DIFFTEXT_DUMP=file.json writes every
// unexplained disagreement (class, file, mutation, text, both verdicts) there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import YAML from 'yaml';
import { loadBuild } from './pkgdir.mjs';
import { mulberry32 } from './seeded.mjs';
import { deliberate, deliberateValid, officialVerdict, shortcuts } from './official.mjs';

const { api } = await loadBuild('node');
const corpus = new URL('../../../shared/corpus/connect-yaml/', import.meta.url);
const files = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.yaml')).sort() : [];
const SHOW = Number(process.env.DIFFTEXT_SHOW ?? 2);
const ONLY = process.env.DIFFTEXT_ONLY ? new RegExp(process.env.DIFFTEXT_ONLY) : null;

// ---- Text helpers ---------------------------------------------------------------------------
const BOM = '\uFEFF';
const pick = (r, list) => list[Math.floor(r() * list.length)];
const chance = (r, p) => r() < p;
const splice = (text, a, b, s) => text.slice(0, a) + s + text.slice(b);
/** Apply [start, end, replacement] edits (non-overlapping) from the last to the first. */
function edits(text, list) {
  for (const [a, b, s] of [...list].sort((x, y) => y[0] - x[0])) text = splice(text, a, b, s);
  return text;
}
const lineStartAt = (text, pos) => text.lastIndexOf('\n', pos - 1) + 1;
const lineEndAt = (text, pos) => {
  const i = text.indexOf('\n', pos);
  return i < 0 ? text.length : i;
};
const colAt = (text, pos) => pos - lineStartAt(text, pos);
const sp = (n) => ' '.repeat(Math.max(0, n));
const withNl = (t) => (t.endsWith('\n') ? t : `${t}\n`);
const dqBody = (s) => JSON.stringify(s).slice(1, -1);
const dq = (s) => `"${dqBody(s)}"`;
const sq = (s) => `'${s.replace(/'/g, "''")}'`;
const hex = (n, w) => n.toString(16).toUpperCase().padStart(w, '0');
const isComment = (l) => /^\s*#/.test(l);
const isBlank = (l) => /^\s*$/.test(l);
/** Indices of lines that are content (not blank, not a comment). */
const contentLines = (lines) => lines.map((l, i) => i).filter((i) => !isBlank(lines[i]) && !isComment(lines[i]));
const setLine = (lines, i, s) => lines.map((l, j) => (j === i ? s : l)).join('\n');
const insertLineAfter = (lines, i, s) => [...lines.slice(0, i + 1), s, ...lines.slice(i + 1)].join('\n');

// ---- What a corpus file holds, with offsets -------------------------------------------------
/** Where a node's content ends: its last scalar's end (a block collection's range runs on over comments). */
function contentEnd(node) {
  if (YAML.isScalar(node)) return node.range[1];
  if (YAML.isAlias(node)) return node.range[1];
  let end = node.range[0];
  for (const item of node.items ?? []) {
    if (YAML.isPair(item)) {
      if (item.key) end = Math.max(end, contentEnd(item.key));
      if (item.value) end = Math.max(end, contentEnd(item.value));
    } else if (item) end = Math.max(end, contentEnd(item));
  }
  return end;
}

function inventory(text) {
  const doc = YAML.parseDocument(text);
  const inv = { scalars: [], pairs: [], collections: [], items: [], seqs: [] };
  const visit = (node, path) => {
    if (YAML.isMap(node)) {
      for (const pair of node.items) {
        const k = pair.key;
        const v = pair.value;
        if (!YAML.isScalar(k)) continue;
        const p = [...path, String(k.value)];
        const rec = { path: p, field: String(k.value), keyStart: k.range[0], keyEnd: k.range[1], keySrc: text.slice(k.range[0], k.range[1]), indent: colAt(text, k.range[0]), flow: !!node.flow };
        rec.colon = text.indexOf(':', rec.keyEnd);
        inv.pairs.push(rec);
        if (YAML.isScalar(v) && v.value !== null && v.range[1] > v.range[0]) {
          let end = v.range[1];
          if (String(v.type).startsWith('BLOCK') && text[end - 1] === '\n') end--;
          inv.scalars.push({ ...rec, start: v.range[0], end, style: v.type, val: v.value, src: text.slice(v.range[0], end), inSeq: false });
        } else if (YAML.isMap(v) || YAML.isSeq(v)) {
          inv.collections.push({ ...rec, node: v, start: v.range[0], end: contentEnd(v), kind: YAML.isMap(v) ? 'map' : 'seq' });
          visit(v, p);
        }
      }
    } else if (YAML.isSeq(node)) {
      const dash = node.items.length ? colAt(text, node.items[0].range[0]) - 2 : 0;
      inv.seqs.push({ path, node, dash, start: node.range[0], end: contentEnd(node) });
      node.items.forEach((item, i) => {
        const p = [...path, i];
        const field = String(path[path.length - 1]);
        if (YAML.isScalar(item) && item.value !== null) {
          inv.scalars.push({ path: p, field, start: item.range[0], end: item.range[1], style: item.type, val: item.value, src: text.slice(item.range[0], item.range[1]), inSeq: true, indent: colAt(text, item.range[0]) - 2 });
        } else if (YAML.isMap(item) || YAML.isSeq(item)) {
          inv.items.push({ path: p, node: item, start: item.range[0], end: contentEnd(item), col: colAt(text, item.range[0]), listField: field, value: item.toJSON() });
          visit(item, p);
        }
      });
    }
  };
  visit(doc.contents, []);
  inv.strings = inv.scalars.filter((s) => typeof s.val === 'string' && !s.flow);
  inv.bools = inv.scalars.filter((s) => typeof s.val === 'boolean' && !s.flow);
  inv.byField = new Map();
  for (const s of inv.strings) {
    if (!inv.byField.has(s.field)) inv.byField.set(s.field, []);
    inv.byField.get(s.field).push(s);
  }
  inv.apps = inv.items.filter((it) => it.path.length === 2 && it.path[0] === 'deployAs' && YAML.isMap(it.node));
  inv.entries = inv.items.filter((it) => /Configuration$/.test(it.listField) && YAML.isMap(it.node));
  inv.value = doc.toJSON();
  return inv;
}

/** A string slot, the field chosen first (uniformly), so that rare fields (schedule, endpoint, name) get their share. */
function stringSlot(ctx, r, fields) {
  const names = [...ctx.inv.byField.keys()].filter((f) => !fields || fields.includes(f));
  if (!names.length) return null;
  return pick(r, ctx.inv.byField.get(pick(r, names)));
}
/** Replace a scalar's source; a multi-line replacement takes the rest of the line (a trailing comment would land inside it). */
function setScalar(ctx, slot, source) {
  const end = source.includes('\n') ? lineEndAt(ctx.text, slot.end) : slot.end;
  return splice(ctx.text, slot.start, end, source);
}
/** A block scalar for `value` under `slot`: header, then the lines at the slot's indentation + 2 (or `extra`). */
function blockScalar(slot, header, value, extra = 2, fold = false, r = null) {
  const ind = sp(slot.indent + extra);
  let lines = value.split('\n');
  if (fold && r && value.includes(' ')) {
    const words = value.split(' ');
    lines = [];
    let cur = [];
    for (const w of words) {
      cur.push(w);
      if (chance(r, 0.35)) {
        lines.push(cur.join(' '));
        cur = [];
      }
    }
    if (cur.length) lines.push(cur.join(' '));
  }
  return `${header}\n${lines.map((l) => (l ? ind + l : '')).join('\n')}`;
}

// ---- Flow rendering -------------------------------------------------------------------------
function flowPlainOk(s) {
  if (!/^[A-Za-z0-9_/][A-Za-z0-9_\-/. ]*$/.test(s) || s.endsWith(' ')) return false;
  try {
    return YAML.parse(`[${s}]`)[0] === s;
  } catch {
    return false;
  }
}
function flowText(v, o) {
  const scalar = (x) => {
    if (typeof x !== 'string') return String(x);
    if (!o.json && o.plain && flowPlainOk(x)) return x;
    return o.sq && !o.json ? sq(x) : dq(x);
  };
  const join = (parts, open, close) => (parts.length ? `${open}${o.pad}${parts.join(o.sep)}${o.trail ? ',' : ''}${o.pad}${close}` : `${open}${close}`);
  if (Array.isArray(v)) return join(v.map((x) => flowText(x, o)), '[', ']');
  if (v && typeof v === 'object') return join(Object.entries(v).map(([k, x]) => (o.json ? `${JSON.stringify(k)}:${flowText(x, o)}` : `${flowPlainOk(k) ? k : dq(k)}: ${flowText(x, o)}`)), '{', '}');
  return scalar(v);
}
function flowOptions(r, ind) {
  const multi = chance(r, 0.3);
  return { plain: chance(r, 0.7), sq: chance(r, 0.3), json: chance(r, 0.15), trail: chance(r, 0.2), pad: multi ? '' : pick(r, ['', ' ']), sep: multi ? `,\n${ind}` : pick(r, [', ', ',', ' , ']) };
}

// ---- The classes ----------------------------------------------------------------------------
// Each: name, n (mutations per file), gen(ctx, r, i) → { text, note } or null (nothing to do).
const BOOL_WORDS = ['yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'N', 'Yes', 'No', 'YES', 'NO', 'On', 'Off', 'ON', 'OFF', 'True', 'False', 'TRUE', 'FALSE', 'true', 'false'];
const TYPED_11 = ['yes', 'no', 'on', 'off', 'y', 'n', '~', 'null', '2024-01-01', '2001-12-14t21:59:43.10-05:00', '2002-12-14', '0755', '0o17', '1_000', '12:30:00', '190:20:30', '0b1010', '0x1F', '+.5', '.inf', '1e3', '1.5', '-', '=', '<<', 'Yes please'];
const ESCAPES = ['\\N', '\\_', '\\L', '\\P', '\\x41', '\\u0041', '\\U00000041', '\\ud83d\\ude00', '\\uD83D\\uDE00', '\\U0001F600', '\\ud83d', '\\ude00', '\\ude00\\ud83d', '\\q', "\\'", '\\0', '\\a', '\\b', '\\e', '\\f', '\\v', '\\ ', '\\t', '\\\t', '\\/', '\\"', '\\\\', '\\x4', '\\xZZ', '\\u004', '\\U0011FFFF', '\\U00110000', '\\uFEFF', '\\x85', '\\xA0', '\\u2028', '\\%', '\\(', '\\r\\n', '\\n'];
const UNICODE_SPACES = ['\u00A0', '\u0085', '\u2028', '\u2029', '\u3000', '\u2003', '\u180E', '\u200B', '\u000B', '\u000C', '\u1680', '\u205F', '\u202F', '\u2000', '\u200A', '\t'];
const CONTROL = ['\u0000', '\u0001', '\u0007', '\u0008', '\u001B', '\u007F', '\u0080', '\u009F', '\u000B', '\u000C', '\uFFFE', '\uFFFF', '\u00AD'];
const SCHEDULES = ['0 0 * * *', '@daily', '*/5 * * * *', '@every 1h30m', '0 * * * 7', '30 2 * * 1-5'];

const CLASSES = [
  {
    name: 'tab after colon',
    n: 8,
    gen(ctx, r) {
      const { lines } = ctx;
      const withValue = contentLines(lines).filter((i) => /^\s*(- )?[^:#\s][^:#]*: +\S/.test(lines[i]));
      const keyOnly = contentLines(lines).filter((i) => /^\s*(- )?[^:#\s][^:#]*:\s*$/.test(lines[i]));
      const sub = pick(r, [':\t', ':\t\t', ': \t', ':\t ', 'all', 'keyonly', 'keyonly#', 'dash']);
      if (sub === 'all') return { text: lines.map((l) => (isComment(l) ? l : l.replace(/^(\s*(?:- )?[^:#\s][^:#]*): +(?=\S)/, '$1:\t'))).join('\n'), note: 'every `key: value` as `key:\\tvalue`' };
      if (sub.startsWith('keyonly')) {
        if (!keyOnly.length) return null;
        const i = pick(r, keyOnly);
        return { text: setLine(lines, i, lines[i].replace(/:\s*$/, sub === 'keyonly' ? ':\t' : ':\t# note')), note: `line ${i + 1}: key: then ${sub === 'keyonly' ? 'a trailing tab' : 'a tab and a comment'}` };
      }
      const cands = sub === 'dash' ? withValue.filter((i) => /^\s*- /.test(lines[i])) : withValue;
      if (!cands.length) return null;
      const i = pick(r, cands);
      const rep = sub === 'dash' ? ':\t' : sub;
      return { text: setLine(lines, i, lines[i].replace(/^(\s*(?:- )?[^:#\s][^:#]*): +/, (m, k) => k + rep)), note: `line ${i + 1}: ':' followed by ${JSON.stringify(rep.slice(1))}` };
    },
  },
  {
    name: 'tab after dash',
    n: 6,
    gen(ctx, r) {
      const { lines } = ctx;
      const dashes = contentLines(lines).filter((i) => /^\s*- \S/.test(lines[i]));
      if (!dashes.length) return null;
      const sub = pick(r, ['-\t', '-\t\t', '- \t', '-\t ', 'all', 'newline']);
      if (sub === 'all') return { text: lines.map((l) => l.replace(/^(\s*)- (?=\S)/, '$1-\t')).join('\n'), note: 'every `- ` as `-\\t`' };
      const i = pick(r, dashes);
      if (sub === 'newline') {
        const m = /^(\s*)- (.*)$/.exec(lines[i]);
        return { text: setLine(lines, i, `${m[1]}-\t\n${m[1]}  ${m[2]}`), note: `line ${i + 1}: '-' then a tab, the item on the next line` };
      }
      return { text: setLine(lines, i, lines[i].replace(/^(\s*)- /, `$1${sub}`)), note: `line ${i + 1}: ${JSON.stringify(sub)}` };
    },
  },
  {
    name: 'tab as indentation',
    n: 8,
    gen(ctx, r) {
      const { lines } = ctx;
      const indented = contentLines(lines).filter((i) => /^ +\S/.test(lines[i]));
      if (!indented.length) return null;
      const i = pick(r, indented);
      const [, ind, rest] = /^( +)(.*)$/.exec(lines[i]);
      const n = ind.length;
      const sub = pick(r, ['one tab', 'tab per 2', 'last space a tab', 'spaces then tab', 'tab then spaces', 'whole file', 'tab comment line', 'tab blank line']);
      const note = `line ${i + 1}: ${sub}`;
      switch (sub) {
        case 'one tab': return { text: setLine(lines, i, `\t${rest}`), note };
        case 'tab per 2': return { text: setLine(lines, i, '\t'.repeat(Math.ceil(n / 2)) + rest), note };
        case 'last space a tab': return { text: setLine(lines, i, `${sp(n - 1)}\t${rest}`), note };
        case 'spaces then tab': return { text: setLine(lines, i, `${ind}\t${rest}`), note };
        case 'tab then spaces': return { text: setLine(lines, i, `\t${sp(n - 1)}${rest}`), note };
        case 'whole file': return { text: lines.map((l) => l.replace(/^( +)/, (m) => '\t'.repeat(Math.floor(m.length / 2)) + sp(m.length % 2))).join('\n'), note: 'every two spaces of indentation a tab' };
        case 'tab comment line': return { text: insertLineAfter(lines, i, pick(r, ['\t# note', `${ind}\t# note`, `\t${ind}# note`])), note: `after line ${i + 1}: a comment indented with a tab` };
        default: return { text: insertLineAfter(lines, i, pick(r, ['\t', `${ind}\t`, '\t  ', ' \t '])), note: `after line ${i + 1}: a line of tabs and spaces` };
      }
    },
  },
  {
    name: 'one BOM at the start',
    n: 7,
    gen(ctx, r, i) {
      const t = ctx.text;
      const v = [
        [BOM + t, 'BOM'], [`${BOM}---\n${t}`, 'BOM ---'], [`${BOM}# note\n${t}`, 'BOM, a comment line'], [`${BOM}\n${t}`, 'BOM, an empty line'],
        [BOM + t.replace(/\n/g, '\r\n'), 'BOM, CRLF'], [`${BOM}%YAML 1.2\n---\n${t}`, 'BOM %YAML 1.2'], [BOM + t.trimEnd(), 'BOM, no final newline'],
      ][i % 7];
      return { text: v[0], note: v[1] };
    },
  },
  {
    name: 'two BOMs at the start',
    n: 8,
    gen(ctx, r, i) {
      const t = ctx.text;
      const v = [
        [BOM + BOM + t, 'BOM BOM'], [`${BOM}${BOM}---\n${t}`, 'BOM BOM ---'], [`${BOM}\n${BOM}${t}`, 'BOM, newline, BOM'], [`${BOM} ${BOM}${t}`, 'BOM, space, BOM'],
        [`${BOM}# note\n${BOM}${t}`, 'BOM, comment line, BOM'], [BOM + BOM + BOM + t, 'three BOMs'], [`${BOM}${withNl(t)}...\n${BOM}`, 'BOM, document, ..., BOM'], [`${BOM}---\n${BOM}${t}`, 'BOM ---, BOM'],
      ][i % 8];
      return { text: v[0], note: v[1] };
    },
  },
  {
    name: 'BOM inside the document',
    n: 8,
    gen(ctx, r) {
      const { lines } = ctx;
      const sub = pick(r, ['in a value', 'in a value', 'in a value', 'line start', 'before a key', 'before a comment', 'in a comment', 'at the end', 'after ...']);
      if (sub === 'in a value') {
        const s = stringSlot(ctx, r);
        if (!s) return null;
        const at = pick(r, [0, Math.floor(s.val.length / 2), s.val.length]);
        const v = s.val.slice(0, at) + BOM + s.val.slice(at);
        const style = s.style === 'PLAIN' && at > 0 ? pick(r, ['plain', 'dq', 'sq']) : pick(r, ['dq', 'sq', 'dq-escape']);
        const src = style === 'plain' ? v : style === 'dq' ? dq(v) : style === 'sq' ? sq(v) : `"${dqBody(s.val.slice(0, at))}\\uFEFF${dqBody(s.val.slice(at))}"`;
        return { text: setScalar(ctx, s, src), note: `${s.path.join('.')}: U+FEFF at ${at} (${style})` };
      }
      const cl = contentLines(lines);
      const i = pick(r, cl);
      switch (sub) {
        case 'line start': return { text: setLine(lines, i, BOM + lines[i]), note: `line ${i + 1} starts with U+FEFF` };
        case 'before a key': return { text: setLine(lines, i, lines[i].replace(/^(\s*(?:- )?)/, `$1${BOM}`)), note: `line ${i + 1}: U+FEFF before the key` };
        case 'before a comment': return { text: insertLineAfter(lines, i, `${BOM}# note`), note: `after line ${i + 1}: U+FEFF then a comment` };
        case 'in a comment': return { text: setLine(lines, i, `${lines[i]} # note ${BOM}`), note: `line ${i + 1}: U+FEFF in a trailing comment` };
        case 'at the end': return { text: withNl(ctx.text) + BOM, note: 'U+FEFF after the last line' };
        default: return { text: `${withNl(ctx.text)}...\n${BOM}`, note: 'document end marker, then U+FEFF' };
      }
    },
  },
  {
    name: 'value only U+FEFF',
    n: 6,
    gen(ctx, r) {
      const s = stringSlot(ctx, r);
      if (!s) return null;
      const forms = [
        [BOM, 'plain'], [`"${BOM}"`, 'double-quoted'], ['"\\uFEFF"', '"\\uFEFF"'], [`'${BOM}'`, 'single-quoted'], ['"\\uFEFF\\uFEFF"', 'two escaped'],
        ['" \\uFEFF "', 'with spaces'], ['"\\ufeff\\t"', 'with a tab'], [blockScalar(s, '|-', BOM), 'block |-'], [`"${BOM}${BOM}"`, 'two literal'], ['"\u00EF\u00BB\u00BF"', 'mojibake (UTF-8 BOM read as Latin-1)'],
      ];
      const [src, how] = pick(r, forms);
      return { text: setScalar(ctx, s, src), note: `${s.path.join('.')}: only U+FEFF, ${how}` };
    },
  },
  {
    name: '%YAML 1.1 and other directives',
    n: 10,
    gen(ctx, r) {
      const P11 = '%YAML 1.1\n---\n';
      const sub = pick(r, ['1.1 bool', '1.2 bool', '1.1 typed', '1.2 typed', '1.1 only', 'other directive', '1.1 merge', '1.2 merge', '1.1 bool+typed', '1.1 every bool', '1.2 every bool']);
      const dir = sub.startsWith('1.1') ? P11 : '';
      const boolWord = pick(r, BOOL_WORDS);
      const setBool = (text, slot) => splice(text, slot.start, slot.end, boolWord);
      if (sub.endsWith('every bool')) {
        if (!ctx.inv.bools.length) return null;
        const word = pick(r, BOOL_WORDS.filter((w) => /^(y|yes|on|n|no|off)$/i.test(w)));
        const t = edits(ctx.text, ctx.inv.bools.map((b) => [b.start, b.end, b.val ? word : ({ yes: 'no', y: 'n', on: 'off' }[word.toLowerCase()] ?? 'no')]));
        return { text: dir + t, note: `${dir ? '%YAML 1.1' : 'no directive'}: every boolean as ${word}/no` };
      }
      if (sub.endsWith('bool')) {
        if (!ctx.inv.bools.length) return null;
        const b = pick(r, ctx.inv.bools);
        return { text: dir + setBool(ctx.text, b), note: `${dir ? '%YAML 1.1' : 'no directive'}: ${b.path.join('.')}: ${boolWord}` };
      }
      if (sub.endsWith('typed')) {
        const s = stringSlot(ctx, r);
        if (!s) return null;
        const w = pick(r, TYPED_11);
        return { text: dir + setScalar(ctx, s, w), note: `${dir ? '%YAML 1.1' : 'no directive'}: ${s.path.join('.')}: ${w}` };
      }
      if (sub === '1.1 bool+typed') {
        const s = stringSlot(ctx, r);
        if (!s || !ctx.inv.bools.length) return null;
        const b = pick(r, ctx.inv.bools);
        const w = pick(r, TYPED_11);
        return { text: P11 + edits(ctx.text, [[b.start, b.end, boolWord], [s.start, s.end, w]]), note: `%YAML 1.1: ${b.path.join('.')}: ${boolWord}, ${s.path.join('.')}: ${w}` };
      }
      if (sub === '1.1 only') return { text: P11 + ctx.text, note: '%YAML 1.1, text unchanged' };
      if (sub.endsWith('merge')) {
        if (!ctx.inv.apps.length) return null;
        const app = pick(r, ctx.inv.apps);
        const last = ctx.inv.apps[ctx.inv.apps.length - 1];
        const at = lineEndAt(ctx.text, last.end);
        const t = edits(ctx.text, [[app.start, app.start, `&m0\n${sp(app.col)}`], [at, at, `\n${sp(app.col - 2)}- <<: *m0\n${sp(app.col)}name: merged-app`]]);
        return { text: dir + t, note: `${dir ? '%YAML 1.1' : 'no directive'}: a new application '<<: *m0' merging ${app.path.join('.')}` };
      }
      const d = pick(r, ['%YAML 1.2\n---\n', '%YAML 1.3\n---\n', '%YAML 1.1\n', '%YAML 1.1\n--- # note\n', '%YAML 1.1\n%YAML 1.1\n---\n', '%YAML 1.1 # note\n---\n', '%YAML  1.1\n---\n', '%YAML 1.0\n---\n', '%yaml 1.1\n---\n', '%TAG ! tag:example.com,2000:\n---\n', '%TAG !e! tag:example.com,2000:\n---\n', '%FOO bar\n---\n', '%YAML 1.1\n---\n...\n', '%YAML 1.1\n\n# note\n---\n']);
      return { text: d + ctx.text, note: `directive ${JSON.stringify(d)}` };
    },
  },
  {
    name: 'document markers',
    n: 8,
    gen(ctx, r) {
      const t = withNl(ctx.text);
      const { lines } = ctx;
      const tops = lines.map((l, i) => i).filter((i) => i > 0 && /^[A-Za-z]/.test(lines[i]));
      const any = contentLines(lines).filter((i) => i > 0);
      const v = pick(r, [
        () => [`---\n${t}`, '--- first'], () => [`--- # note\n${t}`, '--- with a comment'], () => [`${t}...\n`, '... last'], () => [`${t}...\n# note\n`, '..., then a comment'],
        () => [`${t}---\n`, 'an empty second document'], () => [`${t}---\n${t}`, 'the document twice'], () => [`${t}...\n${t}`, '..., then the document again'], () => [`---\n---\n${t}`, 'an empty first document'],
        () => [`---\n${t}...\n`, '--- and ...'], () => [`${t}...\n...\n`, '... twice'], () => [`--- !!map\n${t}`, '--- !!map'], () => [`${t}...`, '... without a newline'],
        () => {
          if (!tops.length) return null;
          const i = pick(r, tops);
          return [[...lines.slice(0, i), pick(r, ['---', '...', '--- # note']), ...lines.slice(i)].join('\n'), `a marker before top-level line ${i + 1}`];
        },
        () => {
          const i = pick(r, any);
          return [[...lines.slice(0, i), pick(r, ['---', '...', '  ---', '----', '--- x', '...x']), ...lines.slice(i)].join('\n'), `a marker-like line before line ${i + 1}`];
        },
        () => [`--- ${flowText(ctx.inv.value, { plain: true, pad: '', sep: ', ' })}\n`, 'the document as flow on the --- line'],
      ])();
      return v && { text: v[0], note: v[1] };
    },
  },
  {
    name: 'escapes in double quotes',
    n: 12,
    gen(ctx, r) {
      const s = stringSlot(ctx, r);
      if (!s) return null;
      const mode = pick(r, ['only', 'insert', 'insert', 'same value', 'continuation']);
      if (mode === 'same value') {
        // a character of the value written as an escape: the value is the same
        if (!s.val.length) return null;
        const at = Math.floor(r() * s.val.length);
        const cp = s.val.codePointAt(at);
        const ch = String.fromCodePoint(cp);
        const esc = pick(r, [cp < 0x100 ? `\\x${hex(cp, 2)}` : `\\u${hex(cp, 4)}`, cp < 0x10000 ? `\\u${hex(cp, 4).toLowerCase()}` : `\\U${hex(cp, 8)}`, `\\U${hex(cp, 8)}`, ch === ' ' ? '\\ ' : ch === '/' ? '\\/' : `\\x${hex(cp & 0xff, 2)}`]);
        return { text: setScalar(ctx, s, `"${dqBody(s.val.slice(0, at))}${esc}${dqBody(s.val.slice(at + ch.length))}"`), note: `${s.path.join('.')}: ${JSON.stringify(ch)} as ${esc}` };
      }
      if (mode === 'continuation') {
        const at = Math.floor(r() * (s.val.length + 1));
        const ind = sp(s.indent + pick(r, [2, 4, 0, 1]));
        return { text: setScalar(ctx, s, `"${dqBody(s.val.slice(0, at))}\\\n${ind}${dqBody(s.val.slice(at))}"`), note: `${s.path.join('.')}: an escaped line break at ${at}, next line indented ${ind.length}` };
      }
      const esc = pick(r, ESCAPES);
      if (mode === 'only') return { text: setScalar(ctx, s, `"${esc}"`), note: `${s.path.join('.')}: "${esc}"` };
      const at = pick(r, [0, s.val.length, Math.floor(r() * (s.val.length + 1))]);
      return { text: setScalar(ctx, s, `"${dqBody(s.val.slice(0, at))}${esc}${dqBody(s.val.slice(at))}"`), note: `${s.path.join('.')}: ${esc} at ${at}` };
    },
  },
  {
    name: 'explicit tags',
    n: 10,
    gen(ctx, r) {
      const sub = pick(r, ['scalar', 'scalar', 'scalar', 'collection', 'item', 'root']);
      if (sub === 'scalar') {
        const slots = [...ctx.inv.strings, ...ctx.inv.bools];
        const s = chance(r, 0.7) ? stringSlot(ctx, r) : pick(r, slots);
        if (!s) return null;
        const tag = pick(r, ['!!str', '!!int', '!!float', '!!bool', '!!null', '!!timestamp', '!!binary', '!!set', '!!omap', '!!map', '!!seq', '!foo', '!', '!<tag:yaml.org,2002:str>', '!<!foo>', '!!merge', '!!value', '!e!str', '!!Str', '!ct:string']);
        const src = pick(r, [s.src, s.src, typeof s.val === 'string' ? dq(s.val) : s.src]);
        return { text: setScalar(ctx, s, `${tag} ${src}`), note: `${s.path.join('.')}: ${tag} ${src}` };
      }
      const tag = pick(r, ['!!map', '!!seq', '!!set', '!!omap', '!!pairs', '!foo', '!!str', '!!binary', '!', '!!timestamp']);
      if (sub === 'collection') {
        const c = pick(r, ctx.inv.collections.filter((x) => !x.flow));
        if (!c) return null;
        return { text: splice(ctx.text, c.colon + 1, c.colon + 1, ` ${tag}`), note: `${c.path.join('.')}: ${tag} on the ${c.kind}` };
      }
      if (sub === 'item') {
        const it = pick(r, ctx.inv.items);
        if (!it) return null;
        return { text: splice(ctx.text, it.start, it.start, `${tag}\n${sp(it.col)}`), note: `${it.path.join('.')}: ${tag} on the item` };
      }
      return { text: pick(r, [`${tag}\n`, `--- ${tag}\n`]) + ctx.text, note: `${tag} on the root` };
    },
  },
  {
    name: 'block scalars',
    n: 12,
    gen(ctx, r) {
      const s = stringSlot(ctx, r);
      if (!s) return null;
      const header = pick(r, ['|', '>', '|-', '>-', '|+', '>+', '|2', '>2', '|2-', '>-2', '|1', '| # note', '>- # note', '|-  ']);
      const extra = /[12]/.test(header) ? Number(header.match(/[12]/)[0]) : pick(r, [2, 2, 4]);
      let src = blockScalar(s, header, s.val, extra, header.startsWith('>'), r);
      const tail = pick(r, ['', '', '', '\n', '\n\n', `\n${sp(s.indent + extra)}`, '\n\t', `\n${sp(s.indent)}\t# note`, `\n${sp(s.indent + extra + 2)}more`]);
      src += tail;
      return { text: setScalar(ctx, s, src), note: `${s.path.join('.')}: ${header}${tail ? ` then ${JSON.stringify(tail)}` : ''}` };
    },
  },
  {
    name: 'schedules with whitespace',
    n: 10,
    gen(ctx, r) {
      let slot = stringSlot(ctx, r, ['schedule']);
      let text = ctx.text;
      let base;
      let place;
      if (slot && chance(r, 0.7)) {
        base = chance(r, 0.6) ? slot.val : pick(r, SCHEDULES);
        place = (src) => setScalar(ctx, slot, src);
      } else {
        // make a service or event application a job
        const types = ctx.inv.strings.filter((s) => s.field === 'applicationType' && s.path[0] === 'deployAs' && ['service', 'event'].includes(s.val));
        if (!types.length) return null;
        const t = pick(r, types);
        base = pick(r, SCHEDULES);
        slot = { indent: t.indent + 2 };
        const at = lineEndAt(text, t.end);
        place = (src) => edits(text, [[t.start, t.end, 'job'], [at, at, `\n${sp(t.indent)}properties:\n${sp(t.indent + 2)}schedule: ${src}`]]);
      }
      const S = base;
      const forms = [`" ${S}"`, `"${S} "`, `"${S}\\n"`, `"\\t${S}"`, `"${S}\\t"`, `'${S} '`, `' ${S}'`, `"  ${S}  "`, `${S}   `, `${S} # note`, `"${S}\\r\\n"`, `"\\n${S}"`, `"${S}\\u00a0"`, `"${S}\\n\\n"`, `${S}\t`, `" ${S} "`, S, dq(S), sq(S),
        blockScalar(slot, '|', S), blockScalar(slot, '|-', S), blockScalar(slot, '>', S), `${blockScalar(slot, '>+', S)}\n`, blockScalar(slot, '|+', S)];
      const src = pick(r, forms);
      return { text: place(src), note: `schedule ${JSON.stringify(src)}` };
    },
  },
  {
    name: 'quoting styles',
    n: 12,
    gen(ctx, r) {
      const sub = pick(r, ['sq', 'dq', 'plain', 'plain', 'dq all escaped', 'key', 'empty', 'non-string quoted', 'sq backslash', 'dq quote inside', 'key and value']);
      if (sub === 'key' || sub === 'key and value') {
        const p = pick(r, ctx.inv.pairs.filter((x) => !x.flow));
        const kq = pick(r, [dq, sq])(p.field);
        const s = ctx.inv.strings.find((x) => x.keyStart === p.keyStart);
        const e = [[p.keyStart, p.keyEnd, kq]];
        if (sub === 'key and value' && s) e.push([s.start, s.end, dq(s.val)]);
        return { text: edits(ctx.text, e), note: `${p.path.join('.')}: key ${kq}${e.length > 1 ? ', value double-quoted' : ''}` };
      }
      if (sub === 'non-string quoted') {
        const b = pick(r, ctx.inv.bools);
        if (!b) return null;
        const q = pick(r, [dq, sq])(String(b.val));
        return { text: setScalar(ctx, b, q), note: `${b.path.join('.')}: ${q}` };
      }
      const s = stringSlot(ctx, r);
      if (!s) return null;
      const v = s.val;
      let src;
      switch (sub) {
        case 'sq': src = sq(v); break;
        case 'dq': src = dq(v); break;
        case 'plain': src = v; break;
        case 'dq all escaped': src = `"${[...v].map((c) => (/[A-Za-z0-9]/.test(c) ? c : c.codePointAt(0) < 0x100 ? `\\x${hex(c.codePointAt(0), 2)}` : `\\u${hex(c.codePointAt(0), 4)}`)).join('')}"`; break;
        case 'empty': src = pick(r, ['""', "''"]); break;
        case 'sq backslash': src = sq(`${v}\\n`); break;
        default: src = pick(r, [dq(`"${v}"`), sq(`'${v}'`), dq(`${v}'s`)]);
      }
      return { text: setScalar(ctx, s, src), note: `${s.path.join('.')}: ${src.length > 60 ? `${src.slice(0, 60)}…` : src}` };
    },
  },
  {
    name: 'comments',
    n: 10,
    gen(ctx, r) {
      const { lines } = ctx;
      const sub = pick(r, ['after value', 'no space', 'tab before #', 'between items', 'after key of block', 'after dash', 'hash inside plain', 'odd comment line', 'end without newline', 'key:#', 'after quoted no space']);
      switch (sub) {
        case 'after value': case 'tab before #': case 'no space': case 'after quoted no space': {
          const s = chance(r, 0.5) ? stringSlot(ctx, r) : pick(r, [...ctx.inv.strings, ...ctx.inv.bools]);
          if (!s) return null;
          const sep = sub === 'after value' ? pick(r, [' ', '  ', ' \t']) : sub === 'tab before #' ? '\t' : '';
          const c = pick(r, ['# note', '#', '#note', '# key: X', '#: x', '# - name: x']);
          let src = s.src;
          if (sub === 'after quoted no space' && typeof s.val === 'string') src = pick(r, [dq, sq])(s.val);
          return { text: splice(ctx.text, s.start, s.end, src + sep + c), note: `${s.path.join('.')}: ${JSON.stringify(src + sep + c)}` };
        }
        case 'between items': {
          const items = ctx.inv.items.filter((it) => lineStartAt(ctx.text, it.start) > 0);
          if (!items.length) return null;
          const it = pick(r, items);
          const ls = lineStartAt(ctx.text, it.start);
          const dash = it.col - 2;
          const ind = pick(r, [0, dash, dash + 2, dash + 6, Math.max(0, dash - 1), dash + 1]);
          return { text: splice(ctx.text, ls, ls, `${sp(ind)}${pick(r, ['# note', '#', '# - key: X', '#---'])}\n`), note: `a comment at column ${ind} before ${it.path.join('.')}` };
        }
        case 'after key of block': {
          const c = pick(r, ctx.inv.collections.filter((x) => !x.flow));
          if (!c) return null;
          return { text: splice(ctx.text, c.colon + 1, c.colon + 1, pick(r, [' # note', '\t# note', ' #', ' # : x'])), note: `${c.path.join('.')}: a comment after the ':'` };
        }
        case 'after dash': {
          const it = pick(r, ctx.inv.items);
          if (!it) return null;
          return { text: splice(ctx.text, it.start, it.start, `${pick(r, ['# note', ' # note', '#'])}\n${sp(it.col)}`), note: `${it.path.join('.')}: '- # note', the item on the next line` };
        }
        case 'hash inside plain': {
          const s = pick(r, ctx.inv.strings.filter((x) => x.style === 'PLAIN'));
          if (!s) return null;
          const at = Math.floor(r() * (s.src.length + 1));
          const ins = pick(r, [' #', ' # x', '#', '#x', ' #x']);
          return { text: splice(ctx.text, s.start + at, s.start + at, ins), note: `${s.path.join('.')}: ${JSON.stringify(ins)} at ${at}` };
        }
        case 'odd comment line': {
          const i = pick(r, contentLines(lines));
          return { text: insertLineAfter(lines, i, pick(r, ['#', '  #', '#---', '# ...', '#!x', '  # \u00e9t\u00e9 \ud83d\ude00', '#\t', '    #   ', '# |', '# "unclosed'])), note: `an odd comment line after line ${i + 1}` };
        }
        case 'end without newline': return { text: `${withNl(ctx.text)}${pick(r, ['# end', '#', '  # end'])}`, note: 'a comment as last line, no newline' };
        default: {
          const p = pick(r, ctx.inv.pairs.filter((x) => !x.flow));
          return { text: splice(ctx.text, p.colon + 1, p.colon + 1, '#x'), note: `${p.path.join('.')}: 'key:#x'` };
        }
      }
    },
  },
  {
    name: 'flow style',
    n: 8,
    gen(ctx, r) {
      const sub = pick(r, ['collection', 'collection', 'item', 'item', 'document']);
      if (sub === 'document') {
        const v = ctx.inv.value;
        const t = pick(r, [JSON.stringify(v), JSON.stringify(v, null, 2), flowText(v, { plain: true, pad: ' ', sep: ', ' }), flowText(v, { plain: false, pad: '', sep: ',\n  ' })]);
        return { text: `${t}\n`, note: 'the whole document as JSON or flow' };
      }
      if (sub === 'collection') {
        const c = pick(r, ctx.inv.collections.filter((x) => !x.flow));
        if (!c) return null;
        const o = flowOptions(r, sp(c.indent + 2));
        return { text: splice(ctx.text, c.colon + 1, c.end, ` ${flowText(c.node.toJSON(), o)}`), note: `${c.path.join('.')} as flow ${JSON.stringify({ ...o, sep: o.sep.includes('\n') ? 'multi-line' : o.sep })}` };
      }
      const it = pick(r, ctx.inv.items);
      if (!it) return null;
      const o = flowOptions(r, sp(it.col + 2));
      return { text: splice(ctx.text, it.start, it.end, flowText(it.value, o)), note: `${it.path.join('.')} as flow ${JSON.stringify({ ...o, sep: o.sep.includes('\n') ? 'multi-line' : o.sep })}` };
    },
  },
  {
    name: 'anchors and aliases',
    n: 8,
    gen(ctx, r) {
      const t = ctx.text;
      const sub = pick(r, ['entry', 'entry', 'application', 'scalar', 'configuration', 'undefined', 'merge 1.2', 'alias key', 'redefined', 'tagged anchor']);
      switch (sub) {
        case 'entry': {
          if (!ctx.inv.entries.length) return null;
          const src = pick(r, ctx.inv.entries);
          const lists = ctx.inv.collections.filter((c) => c.kind === 'seq' && /Configuration$/.test(c.field) && c.node.items.length && c.end >= src.end);
          if (!lists.length) return null;
          const dest = pick(r, lists);
          const dcol = colAt(t, dest.node.items[0].range[0]) - 2;
          const at = lineEndAt(t, dest.end);
          return { text: edits(t, [[src.start, src.start, `&e1\n${sp(src.col)}`], [at, at, `\n${sp(dcol)}- *e1`]]), note: `${src.path.join('.')} anchored, aliased into ${dest.path.join('.')}` };
        }
        case 'application': {
          if (!ctx.inv.apps.length) return null;
          const app = pick(r, ctx.inv.apps);
          const last = ctx.inv.apps[ctx.inv.apps.length - 1];
          const at = lineEndAt(t, last.end);
          return { text: edits(t, [[app.start, app.start, `&app\n${sp(app.col)}`], [at, at, `\n${sp(app.col - 2)}- *app`]]), note: `${app.path.join('.')} anchored and repeated as *app` };
        }
        case 'scalar': {
          const s = stringSlot(ctx, r);
          if (!s) return null;
          const later = ctx.inv.strings.filter((x) => x.start > s.end && (x.field === s.field || chance(r, 0.2)));
          if (!later.length) return null;
          const d = pick(r, later);
          return { text: edits(t, [[s.start, s.start, '&v '], [d.start, d.end, pick(r, ['*v', '*v ', '*v # note'])]]), note: `${s.path.join('.')} anchored, ${d.path.join('.')} = *v` };
        }
        case 'configuration': {
          const confs = ctx.inv.collections.filter((c) => c.field === 'configuration' && c.path[0] === 'deployAs');
          if (!confs.length) return null;
          const c = pick(r, confs);
          const laterApps = ctx.inv.apps.filter((a) => a.start > c.end);
          if (!laterApps.length) return null;
          const a = pick(r, laterApps);
          const own = ctx.inv.collections.find((x) => x.field === 'configuration' && x.path[1] === a.path[1]);
          const e = [[c.colon + 1, c.colon + 1, ' &conf']];
          if (own) e.push([own.colon + 1, own.end, ' *conf']);
          else {
            const at = lineEndAt(t, a.end);
            e.push([at, at, `\n${sp(a.col)}configuration: *conf`]);
          }
          return { text: edits(t, e), note: `${c.path.join('.')} anchored, used as ${a.path.join('.')}.configuration` };
        }
        case 'undefined': {
          const s = stringSlot(ctx, r);
          if (!s) return null;
          return { text: setScalar(ctx, s, pick(r, ['*nope', '*', '* x'])), note: `${s.path.join('.')}: an alias to no anchor` };
        }
        case 'merge 1.2': {
          const confs = ctx.inv.collections.filter((c) => c.field === 'configuration' && c.path[0] === 'deployAs');
          if (!confs.length || ctx.inv.apps.length < 2) return null;
          const c = confs[0];
          const a = pick(r, ctx.inv.apps.filter((x) => x.start > c.end)) ?? null;
          if (!a) return null;
          const own = ctx.inv.collections.find((x) => x.field === 'configuration' && x.path[1] === a.path[1]);
          const e = [[c.colon + 1, c.colon + 1, ' &conf']];
          if (own) e.push([own.colon + 1, own.colon + 1, `\n${sp(own.indent + 2)}<<: *conf`]);
          else {
            const at = lineEndAt(t, a.end);
            e.push([at, at, `\n${sp(a.col)}configuration:\n${sp(a.col + 2)}<<: *conf`]);
          }
          return { text: edits(t, e), note: `${a.path.join('.')}.configuration with '<<: *conf' (no directive: YAML 1.2)` };
        }
        case 'alias key': {
          const ds = ctx.inv.pairs.filter((p) => p.field === 'description' && !p.flow);
          if (ds.length < 2) return null;
          const [a, b] = [ds[0], pick(r, ds.slice(1))];
          return { text: edits(t, [[a.keyStart, a.keyStart, '&k '], [b.keyStart, b.keyEnd, '*k ']]), note: `the key 'description' of ${b.path.join('.')} as the alias *k` };
        }
        case 'redefined': {
          if (ctx.inv.apps.length < 2) return null;
          const [a, b] = ctx.inv.apps;
          const last = ctx.inv.apps[ctx.inv.apps.length - 1];
          const at = lineEndAt(t, last.end);
          return { text: edits(t, [[a.start, a.start, `&x\n${sp(a.col)}`], [b.start, b.start, `&x\n${sp(b.col)}`], [at, at, `\n${sp(last.col - 2)}- *x`]]), note: 'anchor &x on two applications, the second repeated' };
        }
        default: {
          const s = stringSlot(ctx, r);
          if (!s) return null;
          const later = ctx.inv.strings.filter((x) => x.start > s.end && x.field === s.field);
          const e = [[s.start, s.start, pick(r, ['&v !!str ', '!!str &v ', '&v ! '])]];
          if (later.length) {
            const d = pick(r, later);
            e.push([d.start, d.end, '*v']);
          }
          return { text: edits(t, e), note: `${s.path.join('.')}: anchor and tag${e.length > 1 ? ', aliased later' : ''}` };
        }
      }
    },
  },
  {
    name: 'line endings and trailing space',
    n: 8,
    gen(ctx, r) {
      const t = ctx.text;
      const { lines } = ctx;
      const sub = pick(r, ['crlf', 'crlf no final newline', 'crlf some lines', 'cr only', 'one cr', 'final newline toggled', 'trailing spaces one', 'trailing spaces all', 'trailing tab one', 'trailing tabs all', 'blank lines at end', 'spaces line', 'cr cr lf', 'trailing spaces no newline']);
      const i = pick(r, contentLines(lines));
      switch (sub) {
        case 'crlf': return { text: t.replace(/\n/g, '\r\n'), note: 'CRLF' };
        case 'crlf no final newline': return { text: t.replace(/\n+$/, '').replace(/\n/g, '\r\n'), note: 'CRLF, no final newline' };
        case 'crlf some lines': return { text: lines.map((l, j) => (j < lines.length - 1 && chance(r, 0.5) ? `${l}\r` : l)).join('\n'), note: 'CRLF on about half of the lines' };
        case 'cr only': return { text: t.replace(/\n/g, '\r'), note: 'CR only (classic Mac)' };
        case 'one cr': {
          const j = Math.min(i, lines.length - 2);
          return { text: [...lines.slice(0, j), `${lines[j]}\r${lines[j + 1]}`, ...lines.slice(j + 2)].join('\n'), note: `line ${j + 1} ends with a lone CR` };
        }
        case 'final newline toggled': return { text: t.endsWith('\n') ? t.replace(/\n+$/, '') : `${t}\n`, note: t.endsWith('\n') ? 'no final newline' : 'a final newline added' };
        case 'trailing spaces one': return { text: setLine(lines, i, `${lines[i]}${pick(r, [' ', '   ', '  \t'])}`), note: `line ${i + 1}: trailing spaces` };
        case 'trailing spaces all': return { text: lines.map((l) => (l ? `${l}  ` : l)).join('\n'), note: 'trailing spaces on every line' };
        case 'trailing tab one': return { text: setLine(lines, i, `${lines[i]}\t`), note: `line ${i + 1}: a trailing tab` };
        case 'trailing tabs all': return { text: lines.map((l) => (l ? `${l}\t` : l)).join('\n'), note: 'a trailing tab on every line' };
        case 'blank lines at end': return { text: `${withNl(t)}${pick(r, ['\n\n', '   \n\n', '\n  \n'])}`, note: 'blank lines at the end' };
        case 'spaces line': return { text: insertLineAfter(lines, i, sp(pick(r, [1, 2, 8, 20]))), note: `after line ${i + 1}: a line of spaces` };
        case 'cr cr lf': return { text: t.replace(/\n/g, '\r\r\n'), note: 'CR CR LF' };
        default: return { text: `${t.replace(/\n+$/, '')}${pick(r, ['   ', '\t', ' \n  '])}`, note: 'trailing whitespace at the end of the file' };
      }
    },
  },
  {
    name: 'unicode whitespace values',
    n: 8,
    gen(ctx, r) {
      const s = stringSlot(ctx, r);
      if (!s) return null;
      const ch = pick(r, UNICODE_SPACES);
      const cp = ch.codePointAt(0);
      const mode = pick(r, ['plain', 'dq', 'dq-escape', 'sq', 'padded after', 'padded before']);
      let src;
      if (mode === 'plain') src = ch === '\t' ? `"\t"` : ch;
      else if (mode === 'dq') src = `"${ch}"`;
      else if (mode === 'dq-escape') src = `"\\u${hex(cp, 4)}"`;
      else if (mode === 'sq') src = `'${ch}'`;
      else if (mode === 'padded after') src = `"${dqBody(s.val)}\\u${hex(cp, 4)}"`;
      else src = `"\\u${hex(cp, 4)}${dqBody(s.val)}"`;
      return { text: setScalar(ctx, s, src), note: `${s.path.join('.')}: U+${hex(cp, 4)} ${mode}` };
    },
  },
  {
    name: 'scalar typing (YAML 1.2 core)',
    n: 8,
    gen(ctx, r) {
      const sub = pick(r, ['bool', 'string', 'string', 'number field', 'number field']);
      if (sub === 'bool') {
        const b = pick(r, ctx.inv.bools);
        if (!b) return null;
        const w = pick(r, ['True', 'TRUE', 'tRue', '"true"', "'false'", '1', '0', '~', 'null', 'yes', 'No', '!!bool "false"', 'true # note', 'false\t', 'True ', 'FALSE', 'tru', '!!bool TRUE']);
        return { text: setScalar(ctx, b, w), note: `${b.path.join('.')}: ${w}` };
      }
      if (sub === 'string') {
        const s = stringSlot(ctx, r);
        if (!s) return null;
        const w = pick(r, ['123', '0x1F', '1e3', '.inf', '-.Inf', '.NaN', 'null', '~', 'Null', 'NULL', 'true', 'FALSE', '2024-01-01', '0o17', '+12', '1_000', '08', '0.5', '-0', '12:30', '0b11', '1.', '.5', '+.inf', '-', 'nil', 'None', '"null"', "'123'", '0xG', '1e', '.', '-.5e-3', '0o8', 'True']);
        return { text: setScalar(ctx, s, w), note: `${s.path.join('.')}: ${w}` };
      }
      const types = ctx.inv.strings.filter((s) => s.field === 'applicationType' && s.path[0] === 'deployAs' && ['service', 'event'].includes(s.val));
      if (!types.length) return null;
      const ty = pick(r, types);
      const v = pick(r, ['10', '0x0A', '1e1', '10.0', '10.5', '"10"', '0o12', '+10', '012', '1_0', '20', '21', '0', '-1', '.inf', '1E1', '10e0', '!!int "10"', '!!float 10', '5.', '0b1010', '9.99999999999999999', '1.0e+1', '20.000000000000001', '~', 'ten']);
      const ind = sp(ty.indent);
      const block = ty.val === 'service' || chance(r, 0.3)
        ? `${ind}healthCheck:\n${ind}  path: /health\n${ind}  ${pick(r, ['timeoutSeconds', 'intervalSeconds', 'unhealthyThreshold'])}: ${v}`
        : `${ind}retryPolicy:\n${ind}  strategy: exponential-backoff\n${ind}  minBackoffSeconds: ${pick(r, [v, '1'])}\n${ind}  maxBackoffSeconds: ${pick(r, [v, '600'])}\n${ind}  maxAttempts: ${pick(r, [v, '5'])}`;
      const at = lineEndAt(ctx.text, ty.end);
      return { text: splice(ctx.text, at, at, `\n${block}`), note: `${ty.path.slice(0, 2).join('.')}: a number ${v}` };
    },
  },
  {
    name: 'indentation',
    n: 6,
    gen(ctx, r) {
      const { lines } = ctx;
      const t = ctx.text;
      const sub = pick(r, ['double', 'halve', 'compact sequence', 'one line shifted', 'item shifted', 'wide dash']);
      const shiftLines = (from, to, d) => lines.map((l, j) => (j >= from && j <= to && !isBlank(l) ? (d > 0 ? sp(d) + l : l.replace(new RegExp(`^ {0,${-d}}`), '')) : l)).join('\n');
      const lineNo = (pos) => t.slice(0, pos).split('\n').length - 1;
      switch (sub) {
        case 'double': return { text: lines.map((l) => l.replace(/^( +)/, (m) => m + m)).join('\n'), note: 'indentation doubled' };
        case 'halve': {
          if (lines.some((l) => /^( +)/.test(l) && /^( +)/.exec(l)[1].length % 2)) return null;
          return { text: lines.map((l) => l.replace(/^( +)/, (m) => sp(m.length / 2))).join('\n'), note: 'indentation halved' };
        }
        case 'compact sequence': {
          const seqs = ctx.inv.seqs.filter((s) => s.path.length && s.node.items.length && !s.node.flow);
          const s = pick(r, seqs);
          if (!s) return null;
          const parent = ctx.inv.pairs.find((p) => p.path.join('.') === s.path.join('.'));
          if (!parent || s.dash !== parent.indent + 2) return null;
          return { text: shiftLines(lineNo(s.node.items[0].range[0]), lineNo(s.end), -2), note: `${s.path.join('.')}: the '-' at its key's indentation` };
        }
        case 'one line shifted': {
          const i = pick(r, contentLines(lines).filter((j) => j > 0));
          const d = pick(r, [-2, -1, 1, 2, 4]);
          return { text: shiftLines(i, i, d), note: `line ${i + 1} shifted ${d}` };
        }
        case 'item shifted': {
          const it = pick(r, ctx.inv.items);
          if (!it) return null;
          const d = pick(r, [-2, 2, 1]);
          return { text: shiftLines(lineNo(it.start), lineNo(it.end), d), note: `${it.path.join('.')} shifted ${d}` };
        }
        default: {
          const it = pick(r, ctx.inv.items);
          if (!it) return null;
          const from = lineNo(it.start);
          const e = pick(r, [1, 2]);
          const shifted = shiftLines(from + 1, lineNo(it.end), e).split('\n');
          shifted[from] = shifted[from].replace(/^(\s*-)( )/, `$1${sp(1 + e)}`);
          return { text: shifted.join('\n'), note: `${it.path.join('.')}: '-' followed by ${1 + e} spaces, the item indented to match` };
        }
      }
    },
  },
  {
    name: 'key forms',
    n: 6,
    gen(ctx, r) {
      const p = pick(r, ctx.inv.pairs.filter((x) => !x.flow));
      const s = ctx.inv.scalars.find((x) => x.keyStart === p.keyStart);
      const sub = pick(r, ['space before colon', 'spaces before colon', 'tab before colon', 'explicit key', 'escaped key', 'key with trailing space', 'duplicate quoted', 'duplicate plain']);
      switch (sub) {
        case 'space before colon': return { text: splice(ctx.text, p.keyEnd, p.keyEnd, ' '), note: `${p.path.join('.')}: 'key :'` };
        case 'spaces before colon': return { text: splice(ctx.text, p.keyEnd, p.keyEnd, '   '), note: `${p.path.join('.')}: 'key   :'` };
        case 'tab before colon': return { text: splice(ctx.text, p.keyEnd, p.keyEnd, '\t'), note: `${p.path.join('.')}: 'key\\t:'` };
        case 'explicit key': {
          if (!s) return null;
          return { text: splice(ctx.text, p.keyStart, s.end, `? ${p.keySrc}\n${sp(p.indent)}: ${s.src}`), note: `${p.path.join('.')}: '? key' / ': value'` };
        }
        case 'escaped key': {
          const at = Math.floor(r() * p.field.length);
          return { text: splice(ctx.text, p.keyStart, p.keyEnd, `"${dqBody(p.field.slice(0, at))}\\x${hex(p.field.charCodeAt(at), 2)}${dqBody(p.field.slice(at + 1))}"`), note: `${p.path.join('.')}: a letter of the key escaped` };
        }
        case 'key with trailing space': return { text: splice(ctx.text, p.keyStart, p.keyEnd, pick(r, [dq(`${p.field} `), sq(` ${p.field}`), dq(`${p.field}\t`)])), note: `${p.path.join('.')}: the key quoted with a space` };
        default: {
          if (!s) return null;
          const at = lineEndAt(ctx.text, s.end);
          const key = sub === 'duplicate quoted' ? pick(r, [dq, sq])(p.field) : p.field;
          return { text: splice(ctx.text, at, at, `\n${sp(p.indent)}${key}: ${s.src}`), note: `${p.path.join('.')}: the key twice (${key})` };
        }
      }
    },
  },
  {
    name: 'multi-line scalars',
    n: 6,
    gen(ctx, r) {
      const spaced = ctx.inv.strings.filter((s) => s.val.includes(' '));
      const s = spaced.length && chance(r, 0.8) ? pick(r, spaced) : stringSlot(ctx, r);
      if (!s) return null;
      const spaces = [...s.val].map((c, i) => (c === ' ' ? i : -1)).filter((i) => i >= 0);
      const at = spaces.length ? pick(r, spaces) : Math.floor(s.val.length / 2);
      const [a, b] = spaces.length ? [s.val.slice(0, at), s.val.slice(at + 1)] : [s.val.slice(0, at), s.val.slice(at)];
      const d = pick(r, [2, 2, 1, 0, 4, -1]);
      const ind = sp(s.indent + d);
      const sub = pick(r, ['plain', 'plain blank line', 'dq', 'dq blank line', 'sq', 'plain comment between']);
      let src;
      switch (sub) {
        case 'plain': src = `${a}\n${ind}${b}`; break;
        case 'plain blank line': src = `${a}\n\n${ind}${b}`; break;
        case 'dq': src = `"${dqBody(a)}\n${ind}${dqBody(b)}"`; break;
        case 'dq blank line': src = `"${dqBody(a)}\n\n${ind}${dqBody(b)}"`; break;
        case 'sq': src = `'${a.replace(/'/g, "''")}\n${ind}${b.replace(/'/g, "''")}'`; break;
        default: src = `${a}\n${ind}# note\n${ind}${b}`;
      }
      return { text: setScalar(ctx, s, src), note: `${s.path.join('.')}: ${sub}, continuation indented ${s.indent + d}` };
    },
  },
  {
    name: 'control characters',
    n: 6,
    gen(ctx, r) {
      const ch = pick(r, CONTROL);
      const name = `U+${hex(ch.codePointAt(0), 4)}`;
      const sub = pick(r, ['plain', 'dq', 'sq', 'comment', 'block']);
      if (sub === 'comment') {
        const i = pick(r, contentLines(ctx.lines));
        return { text: setLine(ctx.lines, i, `${ctx.lines[i]} # note ${ch}`), note: `line ${i + 1}: ${name} in a comment` };
      }
      const s = stringSlot(ctx, r);
      if (!s) return null;
      const at = Math.floor(r() * (s.val.length + 1));
      const v = s.val.slice(0, at) + ch + s.val.slice(at);
      const src = sub === 'plain' ? (at === 0 ? `x${v}` : v) : sub === 'dq' ? `"${dqBody(s.val.slice(0, at))}${ch}${dqBody(s.val.slice(at))}"` : sub === 'sq' ? sq(v) : blockScalar(s, '|-', v);
      return { text: setScalar(ctx, s, src), note: `${s.path.join('.')}: ${name} (${sub})` };
    },
  },
];

// A leading `---` (common in real files) also sends the text through the full parser instead of
// our fast path for plain block YAML: mutations of the other classes, with `---` first.
const PREFIXABLE = CLASSES.filter((c) => !/BOM at the start|BOMs at the start|directives|document markers/.test(c.name));
CLASSES.push({
  name: "'---' first + another class",
  n: 10,
  gen(ctx, r, i) {
    const other = pick(r, PREFIXABLE);
    const m = other.gen(ctx, r, i);
    if (!m || /^(%|\uFEFF|---|\.\.\.)/.test(m.text)) return null;
    return { text: `---\n${m.text}`, note: `'---' first, then [${other.name}] ${m.note}` };
  },
});

// ---- The run ---------------------------------------------------------------------------------
function seedOf(...parts) {
  let h = 2166136261;
  for (const c of parts.join('\u0000')) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

/** Visible: control characters, BOMs, odd spaces and everything outside ASCII as \\uXXXX. */
const visible = (s) => JSON.stringify(s).replace(/[^\x20-\x7e]/g, (c) => `\\u${hex(c.charCodeAt(0), 4).toLowerCase()}`);

/** Where the mutated text differs from the original: a short excerpt of both. */
function diffExcerpt(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  const from = Math.max(0, i - 40);
  const cut = (s, end) => visible(s.slice(from, Math.min(end + 30, from + 200)));
  return `was ${cut(a, a.length - j)}\n      now ${cut(b, b.length - j)}`;
}

test('textual mutations of the corpus: our verdicts agree with the official validator\'s', async () => {
  assert.equal(files.length, 37, `the corpus is not at ${corpus.pathname}: clone ../shared beside the project`);
  const started = Date.now();
  const ctxs = files.map((file) => {
    const text = readFileSync(new URL(file, corpus), 'utf8');
    return { file, text, lines: text.split('\n'), inv: inventory(text) };
  });
  const classes = CLASSES.filter((c) => !ONLY || ONLY.test(c.name));
  const rows = [];
  const examples = [];
  const dump = [];
  const verdicts = { oursValid: 0, oursInvalid: 0, officialValid: 0, officialInvalid: 0 };
  const deliberateReasons = {};
  // yaml@2 reports warnings (unresolved tags, unknown directives) through process.emitWarning:
  // thousands of lines on stderr. They never change a verdict, so they are dropped here.
  const emitWarning = process.emitWarning;
  process.emitWarning = (w, ...rest) => (w?.name === 'YAMLWarning' ? undefined : emitWarning.call(process, w, ...rest));
  try {
    for (const cls of classes) {
      const row = { class: cls.name, compared: 0, agree: 0, deliberate: 0, unexplained: 0, changed: 0, officialInvalid: 0 };
      rows.push(row);
      for (const ctx of ctxs) {
        const r = mulberry32(seedOf(cls.name, ctx.file));
        const seen = new Set();
        for (let i = 0, made = 0; i < cls.n * 4 && made < cls.n; i++) {
          const m = cls.gen(ctx, r, made);
          if (!m || seen.has(m.text)) continue;
          seen.add(m.text);
          made++;
          row.compared++;
          if (m.text !== ctx.text) row.changed++;
          const ours = api.validateConnectYaml(m.text);
          const theirs = await officialVerdict(m.text);
          verdicts[ours.valid ? 'oursValid' : 'oursInvalid']++;
          verdicts[theirs.valid ? 'officialValid' : 'officialInvalid']++;
          if (!theirs.valid) row.officialInvalid++;
          if (ours.valid === theirs.valid) {
            row.agree++;
            continue;
          }
          const why = theirs.valid ? deliberate(ours) : deliberateValid(m.text, theirs.message);
          if (why) {
            row.deliberate++;
            deliberateReasons[`${cls.name}: ${why}`] = (deliberateReasons[`${cls.name}: ${why}`] ?? 0) + 1;
            continue;
          }
          row.unexplained++;
          dump.push({ cls: cls.name, file: ctx.file, note: m.note, text: m.text, ours: ours.errors, official: theirs.message });
          if (examples.filter((e) => e.cls === cls.name).length < SHOW) {
            const issues = ours.valid ? 'valid' : ours.errors.slice(0, 3).map((e) => `${e.code} ${e.path || '""'} ${visible(e.detail ?? e.message).slice(0, 140)}`).join('; ');
            examples.push({ cls: cls.name, text: `[${cls.name}] ${ctx.file}: ${m.note}\n      ours: ${issues}\n      official: ${theirs.valid ? 'valid' : `invalid: ${theirs.message.slice(0, 160)}`}\n      ${diffExcerpt(ctx.text, m.text)}` });
          }
        }
      }
    }
  } finally {
    process.emitWarning = emitWarning;
  }

  const total = rows.reduce((a, x) => ({ compared: a.compared + x.compared, agree: a.agree + x.agree, deliberate: a.deliberate + x.deliberate, unexplained: a.unexplained + x.unexplained, changed: a.changed + x.changed }), { compared: 0, agree: 0, deliberate: 0, unexplained: 0, changed: 0 });
  const pct = (x, n) => (n ? `${((100 * x) / n).toFixed(2)} %` : '-');
  const w = Math.max(...rows.map((x) => x.class.length), 5);
  const line = (c, ...cols) => `${c.padEnd(w)}  ${cols.map((v) => String(v).padStart(11)).join(' ')}`;
  const out = [line('class', 'compared', 'agree', 'deliberate', 'unexplained', 'agreement', 'off.invalid'), '-'.repeat(w + 2 + 12 * 6)];
  for (const x of rows) out.push(line(x.class, x.compared, x.agree, x.deliberate, x.unexplained, pct(x.agree + x.deliberate, x.compared), x.officialInvalid));
  out.push('-'.repeat(w + 2 + 12 * 6));
  out.push(line('all', total.compared, total.agree, total.deliberate, total.unexplained, pct(total.agree + total.deliberate, total.compared), verdicts.officialInvalid));
  console.log(`\ndifferential (textual mutations), ${files.length} corpus files, ${((Date.now() - started) / 1000).toFixed(1)} s\n${out.join('\n')}`);
  console.log(`agreement: ${pct(total.agree + total.deliberate, total.compared)} (deliberate counted as explained), ${pct(total.agree, total.compared)} verdicts equal; changed text ${pct(total.changed, total.compared)}`);
  console.log(`verdicts: ${JSON.stringify(verdicts)}; official endpoint regex not run (known invalid): ${shortcuts.count}`);
  console.log(`deliberate differences: ${JSON.stringify(deliberateReasons)}`);
  if (process.env.DIFFTEXT_DUMP) writeFileSync(process.env.DIFFTEXT_DUMP, JSON.stringify(dump, null, 1));
  if (examples.length) console.log(`unexplained disagreements (up to ${SHOW} per class):\n  ${examples.map((e) => e.text).join('\n  ')}`);

  for (const x of rows) assert.ok(x.compared >= 20, `class '${x.class}' produced only ${x.compared} mutations: the generator lost it`);
  if (!ONLY) {
    assert.ok(total.compared >= 3000, `only ${total.compared} mutations`);
    assert.ok(rows.length >= 15, `only ${rows.length} classes`);
  }
  assert.ok(total.changed >= total.compared * 0.95, `only ${total.changed} of ${total.compared} mutations change the text`);
  for (const k of Object.keys(verdicts)) assert.ok(verdicts[k] > 0, `no mutation gave ${k}`);
  const agreement = (total.agree + total.deliberate) / total.compared;
  assert.ok(agreement >= 0.995, `agreement ${pct(total.agree + total.deliberate, total.compared)} is under 99.5 % (${total.unexplained} unexplained disagreements)`);
  // Every difference left is a deliberate one (docs/decisions.md, with a fixture); the
  // mutations are seeded, so a new unexplained one is a change of ours (or of yaml@2's pin).
  assert.equal(total.unexplained, 0, `${total.unexplained} unexplained disagreements (DIFFTEXT_SHOW=5 prints them)`);
});
