// Hostile differential attack on the YAML reading layer (stand-ins, tabs, directives, YAML 1.1),
// written in issue 11 by an outside attack: ~78,000 generated texts, our verdict and values
// against the official validator's (yaml@2 + its zod schema). Not part of `make test` (about
// two minutes); docs/decisions.md gives the last counts and what is left.
// Run: node bench/yaml-attack.mjs [--pkg DIR] [--only REGEX] [--show N] [--out findings.json]
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deliberate, deliberateValid, officialVerdict } from '../tests/node/official.mjs';

const args = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const PKG = arg('--pkg', fileURLToPath(new URL('../pkg', import.meta.url)));
const OUT = arg('--out', null);
const ONLY = arg('--only', null) ? new RegExp(arg('--only')) : null;
const SHOW = Number(arg('--show', 3));
const req = createRequire(import.meta.url);
const YAML = req('yaml');
const ours = req(`${PKG}/node/index.cjs`);
process.emitWarning = () => {}; // yaml@2 warnings

// ---- Value comparison -----------------------------------------------------------------------
/** Lone surrogates become U+FFFD (a Rust string cannot hold one; documented). */
const noLone = (s) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
const hasLone = (s) => noLone(s) !== s;
const unptr = (p) => p.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
function at(v, path) {
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(v, k)) return undefined;
    v = v[k];
  }
  return v;
}
/** Our values, by yaml path: from parseConnectYaml's spec, and the invalidValue / field of errors. */
function ourValues(spec, errors) {
  const out = []; // [pathArray, value, source]
  const errPaths = new Set(errors.map((e) => e.path));
  const push = (path, v, src) => {
    if (v === undefined) return;
    const p = '/' + path.map((k) => String(k).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
    if (src === 'spec') {
      if (errPaths.has(p)) return;
      // an entry with an error may be left out of the spec, shifting indexes: skip that list
      const list = path[0] === 'deployAs' ? '/deployAs' : path.length > 4 ? '/' + path.slice(0, -2).join('/') : '/' + path.slice(0, -1).join('/');
      if (errors.some((e) => e.path && e.path.startsWith(list))) return;
    }
    out.push([path, v, src]);
  };
  const cfg = (base, c) => {
    for (const kind of ['standardConfiguration', 'securedConfiguration'])
      (c?.[kind] ?? []).forEach((e, j) => {
        for (const f of ['key', 'description', 'default']) push([...base, kind, j, f], e[f], 'spec');
      });
  };
  if (spec) {
    (spec.configurations ?? []).forEach((a, i) => {
      const b = ['deployAs', i];
      push([...b, 'name'], a.applicationName, 'spec');
      push([...b, 'applicationType'], a.applicationType, 'spec');
      push([...b, 'endpoint'], a.endpoint, 'spec');
      if (a.schedule !== undefined) push([...b, 'properties', 'schedule'], a.schedule, 'spec');
      for (const f of ['postDeploy', 'preUndeploy']) push([...b, 'scripts', f], a.scripts?.[f], 'spec');
      if (a.healthCheck) for (const [k, v] of Object.entries(a.healthCheck)) push([...b, 'healthCheck', k], v, 'spec');
      cfg([...b, 'configuration'], a);
    });
    if (spec.globalConfiguration) cfg(['inheritAs', 'configuration'], spec.globalConfiguration);
    (spec.apiClient?.scopes ?? []).forEach((s, j) => push(['inheritAs', 'apiClient', 'scopes', j], s, 'spec'));
  }
  for (const e of errors) {
    if (!e.path) continue;
    if ('invalidValue' in e) push(unptr(e.path), e.invalidValue, 'invalidValue');
    if (e.code === 'UnknownField') out.push([unptr(e.path), null, 'unknownKey']);
  }
  return out;
}
function sameValue(ourV, yv) {
  if (typeof ourV === 'string' && typeof yv === 'string') {
    const y = noLone(yv);
    if (ourV === y) return true;
    if (ourV.endsWith('…') && y.startsWith(ourV.slice(0, -1)) && y.length >= ourV.length) return true;
    return false;
  }
  if (typeof yv === 'number' && !Number.isFinite(yv)) return ourV === null;
  if (yv instanceof Date) return false;
  if (typeof yv === 'object' && yv !== null) return typeof ourV === 'object'; // collections: not compared
  return ourV === yv;
}
function valueDiffs(text, yval, spec, errors) {
  const diffs = [];
  for (const [path, v, src] of ourValues(spec, errors)) {
    if (src === 'unknownKey') {
      const parent = at(yval, path.slice(0, -1));
      if (parent && typeof parent === 'object' && !Object.keys(parent).map(noLone).includes(path[path.length - 1]))
        diffs.push({ path: path.join('.'), ours: `key ${JSON.stringify(path[path.length - 1])}`, yaml2: `keys ${JSON.stringify(Object.keys(parent))}` });
      continue;
    }
    const yv = at(yval, path);
    if (yv === undefined) continue;
    if (!sameValue(v, yv)) diffs.push({ path: path.join('.'), ours: v, yaml2: yv instanceof Date ? `Date(${yv.toISOString?.()})` : yv });
  }
  return diffs;
}

// ---- Running one case -----------------------------------------------------------------------
const stats = new Map(); // family -> counters
const findings = [];
const fam = (f) => {
  if (!stats.has(f)) stats.set(f, { cases: 0, verdict: 0, value: 0, pos: 0, throws: 0, internal: 0, deliberate: 0, lone: 0, bothYamlErr: 0 });
  return stats.get(f);
};
function ourRun(text) {
  try {
    const r = ours.validateConnectYaml(text);
    const p = ours.parseConnectYaml(text);
    return { r, p };
  } catch (e) {
    return { thrown: String(e?.stack ?? e) };
  }
}
function yamlParse(text) {
  try {
    return { ok: true, value: YAML.parse(text) };
  } catch (e) {
    return { ok: false, err: e, line: e?.linePos?.[0]?.line, col: e?.linePos?.[0]?.col, message: String(e?.message).split('\n')[0] };
  }
}
async function verdicts(text) {
  const o = ourRun(text);
  const off = await officialVerdict(text);
  return { o, off };
}
async function check(family, sub, text, note = '') {
  if (ONLY && !ONLY.test(`${family}/${sub}`)) return;
  const s = fam(family);
  s.cases++;
  const { o, off } = await verdicts(text);
  const rec = (kind, extra) => findings.push({ family, sub, kind, text, note, ...extra });
  if (o.thrown) {
    s.throws++;
    rec('throw', { error: o.thrown });
    return;
  }
  const { r, p } = o;
  const all = [...r.errors, ...r.warnings, ...p.report.errors];
  if (all.some((e) => e.code === 'InternalError')) {
    s.internal++;
    rec('internal', { errors: r.errors });
  }
  if (r.valid !== p.report.valid) rec('validate-vs-parse', { v: r.valid, p: p.report.valid });
  // positions plausible
  const nLines = text.split('\n').length;
  for (const e of r.errors) {
    if (!(Number.isInteger(e.line) && e.line >= 1 && e.line <= nLines + 1 && Number.isInteger(e.column) && e.column >= 1)) {
      s.pos++;
      rec('position-implausible', { error: e });
    }
  }
  const y = yamlParse(text);
  if (r.valid !== off.valid) {
    if (r.valid ? deliberateValid(text, off.message) : deliberate(r)) s.deliberate++;
    else {
      s.verdict++;
      rec('verdict', { ours: r.valid, official: off.valid, ourErrors: r.errors.map((e) => `${e.code}@${e.line}:${e.column} ${e.message}`).slice(0, 3), officialMessage: off.message });
    }
  }
  // Both refuse at the YAML level: same line?
  const ourYamlErr = r.errors.find((e) => e.code === 'InvalidYaml');
  if (!y.ok && ourYamlErr) {
    s.bothYamlErr++;
    if (y.line !== undefined && y.line !== ourYamlErr.line) {
      s.pos++;
      rec('position', { ours: `${ourYamlErr.line}:${ourYamlErr.column} ${ourYamlErr.message}`, yaml2: `${y.line}:${y.col} ${y.message}` });
    }
  }
  if (!y.ok && !ourYamlErr && !r.valid) rec('yaml2-refuses-we-refuse-otherwise', { ourErrors: r.errors.map((e) => e.code), yaml2: y.message });
  if (y.ok && ourYamlErr && !r.valid && r.valid === off.valid) rec('we-refuse-yaml-yaml2-refuses-schema', { ours: ourYamlErr.message, official: off.message });
  // Values
  if (y.ok && !ourYamlErr) {
    const d = valueDiffs(text, y.value, p.spec, [...p.report.errors]);
    if (d.length) {
      s.value++;
      rec('value', { diffs: d });
    }
    if (JSON.stringify(y.value ?? null).match(/\\ud[89a-f][0-9a-f]{2}/i) && hasLone(JSON.stringify(y.value))) s.lone++;
  }
}

// ---- Texts ----------------------------------------------------------------------------------
const corpusDir = fileURLToPath(new URL('../../shared/corpus/connect-yaml/', import.meta.url));
const corpus = readdirSync(corpusDir).filter((f) => f.endsWith('.yaml')).sort().map((f) => ({ f, text: readFileSync(corpusDir + f, 'utf8') }));
let seed = 12;
function rng() {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const sample = (list, n) => {
  const l = [...list];
  for (let i = l.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [l[i], l[j]] = [l[j], l[i]];
  }
  return l.slice(0, n);
};
const splice = (t, a, b, s) => t.slice(0, a) + s + t.slice(b);

/** A small valid document; SLOT lines are filled by the contexts. */
const HEAD = 'inheritAs:\n  apiClient:\n    scopes:\n      - scope_a\n';
const APP = '  - name: ab\n    applicationType: service\n    endpoint: /\n    scripts:\n      postDeploy: run it\n    configuration:\n      standardConfiguration:\n        - key: K1\n';
const DESC = '          description: ';
const base = (descLine = `${DESC}d`, opts = {}) => `${opts.pre ?? ''}${opts.head ?? HEAD}deployAs:\n${opts.app ?? APP}${descLine}\n${opts.post ?? ''}`;
const baseType = (typeLine) => `${HEAD}deployAs:\n  - name: ab\n${typeLine}\n    endpoint: /\n`;

/** Contexts for a raw payload P: [name, text]. */
function contexts(P) {
  const out = [];
  // a value slot: description (continuation indent 12) and applicationType (indent 6)
  for (const [slot, pre, ind, mk] of [
    ['desc', DESC, ' '.repeat(12), (l) => base(l)],
    ['type', '    applicationType: ', ' '.repeat(6), (l) => baseType(l)],
  ]) {
    const v = (name, s) => out.push([`${slot}:${name}`, mk(pre + s)]);
    v('plain-mid', `a${P}b`);
    v('plain-start', `${P}b`);
    v('plain-end', `a${P}`);
    v('plain-only', `${P}`);
    v('plain-ml', `a\n${ind}${P}b`);
    v('plain-ml-end', `a${P}\n${ind}b`);
    v('plain-comment', `a #${P}`);
    v('plain-comment2', `a # x${P}y`);
    v('sq', `'a${P}b'`);
    v('sq-only', `'${P}'`);
    v('sq-ml', `'a\n${ind}${P}b'`);
    v('sq-ml-end', `'a${P}\n${ind}b'`);
    v('dq', `"a${P}b"`);
    v('dq-only', `"${P}"`);
    v('dq-ml', `"a\n${ind}${P}b"`);
    v('dq-ml-end', `"a${P}\n${ind}b"`);
    v('dq-escnl', `"a\\\n${ind}${P}b"`);
    v('dq-escnl-end', `"a${P}\\\n${ind}b"`);
    v('dq-twice', `"a${P}b${P}c"`);
    v('dq-comment', `"a${P}" # ${P}`);
    for (const h of ['|', '>', '|-', '>+', '|2', '>-'])
      for (const [where, body] of [
        ['mid', `a${P}b\n${ind}c`],
        ['start', `${P}a\n${ind}c`],
        ['end', `a${P}\n${ind}c`],
        ['second', `a\n${ind}${P}c`],
        ['only', `${P}`],
      ])
        v(`block${h}-${where}`, `${h}\n${ind}${body}`);
    v('block-header-comment', `| # ${P}\n${ind}a`);
    v('block-header', `|${P}\n${ind}a`);
    v('anchor', `&a${P}b x`);
    v('tag', `!t${P} x`);
    v('tagstr', `!!str${P} x`);
    v('tagstr-dq', `!!str "a${P}b"`);
    v('anchor-dq', `&a "a${P}b"`);
    v('flow-seq', `[a${P}b]`);
    v('flow-map', `{a${P}b: c}`);
  }
  // after '- ' (scopes items)
  const scopes = (items) => out.push([`scopes:${items[0]}`, base(undefined, { head: `inheritAs:\n  apiClient:\n    scopes:${items[1]}\n` })]);
  scopes(['dash-start', `\n      - ${P}a`]);
  scopes(['dash-end', `\n      - a${P}`]);
  scopes(['dash-only', `\n      - ${P}`]);
  scopes(['dash-dq', `\n      - "a${P}"`]);
  scopes(['dash-gap', `\n      -${P} a`]);
  scopes(['flow', ` [a${P}b, c]`]);
  scopes(['flow-start', ` [${P}a, c]`]);
  scopes(['flow-after-comma', ` [a,${P}b]`]);
  scopes(['flow-only', ` [${P}]`]);
  scopes(['flow-dq', ` [ "a${P}b" ]`]);
  scopes(['flow-sq', ` [ 'a${P}b' ]`]);
  scopes(['flow-ml', ` [a,\n      ${P}b]`]);
  scopes(['flow-ml-dq', ` ["a\n      ${P}b"]`]);
  scopes(['flow-before-close', ` [a${P}]`]);
  scopes(['dash-block', `\n      - |\n        a${P}b`]);
  // flow map (scripts)
  const scr = (name, s) => out.push([`scripts:${name}`, base(undefined, { app: APP.replace('    scripts:\n      postDeploy: run it\n', `    scripts: ${s}\n`) })]);
  scr('flowmap', `{postDeploy: a${P}b}`);
  scr('flowmap-dq', `{postDeploy: "a${P}b"}`);
  scr('flowmap-end', `{postDeploy: a${P}}`);
  scr('flowmap-key', `{postDeploy${P}: x}`);
  scr('flowmap-afterbrace', `{${P}postDeploy: x}`);
  scr('flowmap-ml', `{postDeploy:\n      a${P}b}`);
  // keys (under deployAs[0])
  const key = (name, line) => out.push([`key:${name}`, base(undefined, { app: APP.replace('    endpoint: /\n', `    endpoint: /\n${line}\n`) })]);
  key('plain', `    a${P}b: x`);
  key('plain-start', `    ${P}a: x`);
  key('plain-end', `    a${P}: x`);
  key('dq', `    "a${P}b": x`);
  key('sq', `    'a${P}b': x`);
  key('explicit', `    ? a${P}b\n    : x`);
  key('explicit-dq', `    ? "a${P}b"\n    : x`);
  key('anchored', `    &k${P} a: x`);
  // comments
  out.push(['comment:line', `# a${P}b\n${base()}`]);
  out.push(['comment:indented', base(undefined, { post: `  # ${P}\n` })]);
  out.push(['comment:trailing', base(`${DESC}d # ${P}`)]);
  out.push(['comment:trailing-tight', base(`${DESC}d #${P}`)]);
  out.push(['comment:after-key', base(undefined, { app: APP.replace('    configuration:\n', `    configuration: # ${P}\n`) })]);
  // document markers
  out.push(['doc:start-after', `---${P}\n${base()}`]);
  out.push(['doc:start-after-space', `--- ${P}\n${base()}`]);
  out.push(['doc:start-before', `${P}---\n${base()}`]);
  out.push(['doc:start-comment', `--- # ${P}\n${base()}`]);
  out.push(['doc:end-after', `${base()}...${P}\n`]);
  out.push(['doc:end-before', `${base()}${P}...\n`]);
  out.push(['doc:end-space', `${base()}... ${P}\n`]);
  out.push(['doc:file-start', `${P}${base()}`]);
  out.push(['doc:file-end', `${base()}${P}`]);
  out.push(['doc:file-end-nonl', `${base().slice(0, -1)}${P}`]);
  // directives
  out.push(['dir:yaml-after', `%YAML 1.2${P}\n---\n${base()}`]);
  out.push(['dir:yaml-after-space', `%YAML 1.2 ${P}\n---\n${base()}`]);
  out.push(['dir:yaml-mid', `%YAML${P} 1.2\n---\n${base()}`]);
  out.push(['dir:tag', `%TAG !e! tag:x${P}:\n---\n${base()}`]);
  out.push(['dir:comment-before', `# c${P}\n%YAML 1.2\n---\n${base()}`]);
  out.push(['dir:twice', `%YAML 1.2\n%YAML 1.2${P}\n---\n${base()}`]);
  // line ends / starts
  out.push(['eol:deployAs', base().replace('deployAs:\n', `deployAs:${P}\n`)]);
  out.push(['eol:name', base().replace('name: ab\n', `name: ab${P}\n`)]);
  out.push(['eol:endpoint', base().replace('endpoint: /\n', `endpoint: /${P}\n`)]);
  out.push(['sol:deployAs', base().replace('deployAs:\n', `${P}deployAs:\n`)]);
  out.push(['sol:indent', base().replace('    applicationType', `    ${P}applicationType`)]);
  out.push(['sol:before-dash', base().replace('  - name', `  ${P}- name`)]);
  out.push(['sol:after-colon', base().replace('name: ab', `name:${P}ab`)]);
  out.push(['sol:before-colon', base().replace('name: ab', `name${P}: ab`)]);
  out.push(['blank-line', base().replace('deployAs:\n', `deployAs:\n${P}\n`)]);
  out.push(['blank-line-indented', base().replace('deployAs:\n', `deployAs:\n   ${P}\n`)]);
  return out;
}

/** Positions in a corpus text: [kind, offset]. */
function corpusPositions(text) {
  const out = [['fileStart', 0], ['fileEnd', text.length]];
  let off = 0;
  for (const line of text.split('\n')) {
    const ind = line.length - line.trimStart().length;
    out.push(['lineStart', off]);
    if (ind) out.push(['afterIndent', off + ind]);
    const dash = /^\s*- /.exec(line);
    if (dash) out.push(['afterDash', off + dash[0].length]);
    const colon = line.search(/:( |$)/);
    if (colon > 0 && !line.trimStart().startsWith('#')) {
      out.push(['beforeColon', off + colon]);
      out.push(['afterColon', off + colon + 1]);
      if (line[colon + 1] === ' ' && line.length > colon + 2) {
        out.push(['valueStart', off + colon + 2]);
        out.push(['valueMid', off + colon + 2 + Math.floor((line.length - colon - 2) / 2)]);
      }
    }
    const hash = line.indexOf('#');
    if (hash >= 0) out.push(['inComment', off + hash + 1]);
    out.push(['lineEnd', off + line.length]);
    off += line.length + 1;
  }
  return out.filter(([, o]) => o <= text.length);
}

// ---- Payloads -------------------------------------------------------------------------------
const PAYLOADS = {
  nul: ['\0', '\0\0', ' \0', '\0 ', '\0#'],
  bom: ['\uFEFF', '\uFEFF\uFEFF', ' \uFEFF', '\uFEFF ', '\uFEFF#'],
  cr: ['\r', '\r\r', ' \r', '\r ', '\r#', '\r\r\n'],
  esc: [
    '\\ud83d\\ude00', '\\uD83D\\uDE00', '\\ud800', '\\udc00', '\\uDBFF\\uDFFF', '\\ude00\\ud83d', '\\U0000D800', '\\U0000DFFF',
    '\\ud83d\\U0000DE00', '\\U0000D83D\\uDE00', '\\\\ud83d\\ude00', '\\\\\\ud83d\\ude00', '\\\\\\\\ud800', '\\ud83d\\u0041', '\\ud83d\\x41',
    '\\ud83dx', '\\ud83d\\ud83d\\ude00', '\\uD8', '\\ud83d\\ude0', '\\uFFFD', '\\ud83d\\ude00\\ud83d\\ude00', '\\u00e9\\ud83d\\ude00',
    '\\U0001F600', '\\ud83d\\u', '\\ud83d\\', '\\N\\ud800', '\\ud83d\\t\\ude00', '\\ud83d \\ude00', '\\ud83d\\ude00\\\\', '\\uDFFF\\uDFFF',
    '\\ud83D\\uDe00', '\\ud83d\\uDBFF', '\\x41\\ud800', '\\ud800\\ud800',
  ],
  combo: ['\0\uFEFF\r', '\\ud83d\\ude00\0', '\r\\ud800', '\uFEFF\\ud83d\\ude00\r', '\t\0', '\0\t', '\uFEFF\t', '\r\t', '\\ud800\uFEFF\\udc00', '\0\\ud83d\0\\ude00', '\r\\ud83d\\ude00\r'],
};

// ---- Families -------------------------------------------------------------------------------
async function payloadFamilies() {
  for (const [family, list] of Object.entries(PAYLOADS)) {
    for (const P of list) for (const [name, text] of contexts(P)) await check(family, name, text, `P=${JSON.stringify(P)}`);
    // corpus: raw injection at sampled positions
    const rawList = family === 'esc' ? [] : list;
    for (const { f, text } of corpus) {
      const pos = corpusPositions(text);
      for (const P of rawList) for (const [kind, o] of sample(pos, 14)) await check(family, `corpus:${kind}`, splice(text, o, o, P), `${f} @${o} P=${JSON.stringify(P)}`);
    }
  }
  // CR as the line break
  for (const { f, text } of corpus) {
    const nl = [...text.matchAll(/\n/g)].map((m) => m.index);
    for (const o of sample(nl, 10)) await check('cr', 'corpus:lf-as-cr', splice(text, o, o + 1, '\r'), `${f} @${o}`);
    for (const o of sample(nl, 4)) await check('cr', 'corpus:cr-before-crlf', splice(text, o, o, '\r\r'), `${f} @${o}`);
    await check('cr', 'corpus:all-cr', text.replace(/\n/g, '\r'), f);
    await check('cr', 'corpus:crlf-plus-lone', text.replace(/\n/g, '\r\n') + '\r', f);
    await check('cr', 'corpus:file-end', text + '\r', f);
    await check('cr', 'corpus:file-end-nonl', text.replace(/\n+$/, '') + '\r', f);
  }
  for (const [name, text] of [
    ['after-colon', base(`${DESC.trimEnd()}\rx`)],
    ['after-colon-space', base(`${DESC.trimEnd()}\r x`)],
    ['after-dash', base(undefined, { head: 'inheritAs:\n  apiClient:\n    scopes:\n      -\rscope_a\n' })],
    ['after-qmark', base(undefined, { app: APP.replace('    endpoint: /\n', '    ?\rendpoint\n    : /\n') })],
    ['flow-after-comma', base(undefined, { head: 'inheritAs:\n  apiClient:\n    scopes: [a,\rb]\n' })],
    ['flow-after-open', base(undefined, { head: 'inheritAs:\n  apiClient:\n    scopes: [\ra]\n' })],
    ['flow-map-colon', base(undefined, { app: APP.replace('    scripts:\n      postDeploy: run it\n', '    scripts: {postDeploy:\rx}\n') })],
    ['before-hash', base(`${DESC}x\r# c`)],
    ['space-cr-hash', base(`${DESC}x \r# c`)],
    ['after-anchor', base(`${DESC}&a\rx`)],
    ['after-tag', base(`${DESC}!!str\rx`)],
    ['after-dq', base(`${DESC}"x"\r`)],
    ['after-dq-comment', base(`${DESC}"x"\r# c`)],
    ['after-sq', base(`${DESC}'x'\r`)],
    ['after-block-header', base(`${DESC}|\r\n            x`)],
    ['block-header-cr', base(`${DESC}|\r            x`)],
    ['doc-start-cr', `---\r${base()}`],
    ['doc-end-cr', `${base()}...\r`],
    ['value-trailing-cr', base(`${DESC}x\r`)],
    ['value-trailing-cr-space', base(`${DESC}x\r `)],
    ['key-cr-colon', base(`          description\r: x`)],
  ]) await check('cr', `ws:${name}`, text);
  const b = base();
  for (const [i] of [...b.matchAll(/\n/g)].map((m) => [m.index]).entries()) {
    const o = [...b.matchAll(/\n/g)][i].index;
    await check('cr', 'synth:lf-as-cr', splice(b, o, o + 1, '\r'), `line ${i + 1}`);
    await check('cr', 'synth:lf-as-crcr', splice(b, o, o + 1, '\r\r'), `line ${i + 1}`);
  }
  // Escapes in corpus string scalars: rewritten double-quoted (and single, plain) with the escape inside
  for (const { f, text } of corpus) {
    let doc;
    try {
      doc = YAML.parseDocument(text);
    } catch {
      continue;
    }
    const scalars = [];
    YAML.visit(doc, {
      Scalar(k, node) {
        if (typeof node.value === 'string' && node.range && k === 'value' && !node.value.includes('\n') && node.type === 'PLAIN') scalars.push(node);
      },
    });
    for (const node of sample(scalars, 5))
      for (const E of sample(PAYLOADS.esc, 12)) {
        const v = node.value;
        const at = Math.floor(rng() * (v.length + 1));
        const dqBody = JSON.stringify(v).slice(1, -1);
        const dqAt = JSON.stringify(v.slice(0, at)).slice(1, -1).length;
        const inner = dqBody.slice(0, dqAt) + E + dqBody.slice(dqAt);
        const [a, z] = node.range;
        await check('esc', 'corpus:dq', splice(text, a, z, `"${inner}"`), `${f} ${JSON.stringify(v)}`);
        await check('esc', 'corpus:sq', splice(text, a, z, `'${(v.slice(0, at) + E + v.slice(at)).replace(/'/g, "''")}'`), f);
        if (at > 0) await check('esc', 'corpus:plain', splice(text, a, z, v.slice(0, at) + E + v.slice(at)), f);
      }
  }
}

async function tabFamily() {
  const F = 'tab';
  const variants = [':\t', ':\t\t', ':\t ', ': \t', ':\t \t'];
  // every `key: value` line of the corpus and of the base doc
  for (const { f, text } of [...corpus, { f: 'base', text: base() }]) {
    const lines = text.split('\n');
    const idx = lines.map((l, i) => i).filter((i) => /^\s*(- )?[^:#\s][^:#]*: +\S/.test(lines[i]));
    for (const i of sample(idx, 12))
      for (const v of variants) await check(F, `kv${JSON.stringify(v)}`, lines.map((l, j) => (j === i ? l.replace(/: +(?=\S)/, v) : l)).join('\n'), `${f} line ${i + 1}`);
    await check(F, 'kv-all', lines.map((l) => (/^\s*#/.test(l) ? l : l.replace(/^(\s*(?:- )?[^:#\s][^:#]*): +(?=\S)/, '$1:\t'))).join('\n'), f);
    const keyOnly = lines.map((l, i) => i).filter((i) => /^\s*(- )?[^:#\s][^:#]*:\s*$/.test(lines[i]));
    for (const i of sample(keyOnly, 4)) {
      for (const tail of ['\t', '\t# c', '\t\t# c', ' \t# c', '\t#c'])
        await check(F, `keyonly${JSON.stringify(tail)}`, lines.map((l, j) => (j === i ? l.replace(/:\s*$/, ':' + tail) : l)).join('\n'), `${f} line ${i + 1}`);
    }
  }
  const ind = ' '.repeat(12);
  const D = DESC.replace(': ', ':');
  const cases = [
    ['desc-tab', base(`${D}\tx`)],
    ['desc-tab-dash', base(`${D}\t-x`)],
    ['desc-tab-digit', base(`${D}\t1x`)],
    ['desc-tab-dq', base(`${D}\t"x"`)],
    ['desc-tab-sq', base(`${D}\t'x'`)],
    ['desc-tab-block', base(`${D}\t|\n${ind}x`)],
    ['desc-tab-block2', base(`${D}\t>-\n${ind}x`)],
    ['desc-tab-anchor', base(`${D}\t&a x`)],
    ['desc-tab-tag', base(`${D}\t!!str x`)],
    ['desc-tab-flow', base(`${D}\t[x]`)],
    ['desc-tab-comment', base(`${D}\t# c\n${ind}x`)],
    ['desc-tabtab', base(`${D}\t\tx`)],
    ['desc-tab-ml-plain', base(`${D}\tx\n${ind}y`)],
    ['desc-tab-ml-plain-tabcont', base(`${D}\tx\n${ind}\ty`)],
    ['desc-ml-plain-tab-indent', base(`${DESC}x\n${ind}\ty`)],
    ['flowmap', base(undefined, { app: APP.replace('    scripts:\n      postDeploy: run it\n', '    scripts: {postDeploy:\tx}\n') })],
    ['flowmap-tabtab', base(undefined, { app: APP.replace('    scripts:\n      postDeploy: run it\n', '    scripts: {postDeploy:\t\tx}\n') })],
    ['flowmap-dqkey', base(undefined, { app: APP.replace('    scripts:\n      postDeploy: run it\n', '    scripts: {"postDeploy":\tx}\n') })],
    ['flowmap-ml', base(undefined, { app: APP.replace('    scripts:\n      postDeploy: run it\n', '    scripts: {\n      postDeploy:\tx\n    }\n') })],
    ['flowmap-ml-dash', base(undefined, { app: APP.replace('    scripts:\n      postDeploy: run it\n', '    scripts: {\n      postDeploy:\t-x\n    }\n') })],
    ['flowseq-pair', base(undefined, { head: 'inheritAs:\n  apiClient:\n    scopes: [a:\tb]\n' })],
    ['explicit-key', base(undefined, { app: APP.replace('    endpoint: /\n', '    ? endpoint\n    :\t/\n') })],
    ['explicit-key-letter', base(undefined, { app: APP.replace('  - name: ab\n', '  - ? name\n    :\tab\n') })],
    ['explicit-key-inline', base(undefined, { app: APP.replace('  - name: ab\n', '  - ? name:\tab\n') })],
    ['dq-key', base(undefined, { app: APP.replace('  - name: ab\n', '  - "name":\tab\n') })],
    ['sq-key', base(undefined, { app: APP.replace('  - name: ab\n', "  - 'name':\tab\n") })],
    ['dq-key-space', base(undefined, { app: APP.replace('  - name: ab\n', '  - "name" :\tab\n') })],
    ['anchored-key', base(undefined, { app: APP.replace('  - name: ab\n', '  - &k name:\tab\n') })],
    ['tagged-key', base(undefined, { app: APP.replace('  - name: ab\n', '  - !!str name:\tab\n') })],
    ['key-with-hash', base(undefined, { app: APP.replace('  - name: ab\n', '  - name: ab\n    a#b:\tc\n') })],
    ['key-with-colon', base(undefined, { app: APP.replace('  - name: ab\n', '  - name: ab\n    a:b:\tc\n') })],
    ['key-with-quote', base(undefined, { app: APP.replace('  - name: ab\n', "  - name: ab\n    a'b:\tc\n") })],
    ['dash-tab-key', base(undefined, { app: APP.replace('  - name: ab\n', '  -\tname: ab\n') })],
    ['dash-space-tab-key', base(undefined, { app: APP.replace('  - name: ab\n', '  - \tname: ab\n') })],
    ['dash-dash-tab', base(undefined, { head: 'inheritAs:\n  apiClient:\n    scopes:\n      - - a:\tb\n' })],
    ['value-tab-after-space', base(`${DESC}\tx`)],
    ['key-tab-before-colon', base(`          description\t: x`)],
    ['tab-before-comment', base(`${DESC}x\t# c`)],
    ['tab-trailing', base(`${DESC}x\t`)],
    // block scalar content holding `k:\tv`, where the line scan may take it for a key line
    ['block-kv', base(`${DESC}|\n${ind}k:\tv`)],
    ['block-tag-kv', base(`${DESC}!!str |\n${ind}k:\tv`)],
    ['block-anchor-kv', base(`${DESC}&a |\n${ind}k:\tv`)],
    ['block-anchor-kv2', base(`${DESC}&a >-\n${ind}x\n${ind}k:\tv`)],
    ['block-tag-tabcontent', base(`${DESC}!!str |\n${ind}\tx`)],
    ['block-anchor-tabcontent', base(`${DESC}&a |\n${ind}\tx`)],
    ['block-tabcontent', base(`${DESC}|\n${ind}\tx`)],
    ['block-tabcontent-2nd', base(`${DESC}|\n${ind}x\n${ind}\ty`)],
    ['block-indicator-kv', base(`${DESC}|2\n${ind}k:\tv`)],
    ['block-comment-header-kv', base(`${DESC}| # c\n${ind}k:\tv`)],
    ['dash-block-shallow', base(undefined, { head: 'inheritAs:\n  apiClient:\n    scopes:\n      - |\n       k:\tv\n' })],
    ['dash-block-shallow-tab', base(undefined, { head: 'inheritAs:\n  apiClient:\n    scopes:\n      - |\n       \tv\n' })],
    ['dash-folded-shallow', base(undefined, { head: 'inheritAs:\n  apiClient:\n    scopes:\n      - >-\n       x\n       k:\tv\n' })],
    // quoted multi-line scalars with a property before them
    ['dq-anchor-kv', base(`${DESC}&a "x\n${ind}k:\tv"`)],
    ['dq-tag-kv', base(`${DESC}!!str "x\n${ind}k:\tv"`)],
    ['sq-anchor-kv', base(`${DESC}&a 'x\n${ind}k:\tv'`)],
    ['dq-anchor-tabcont', base(`${DESC}&a "x\n${ind}\ty"`)],
    ['dq-tag-tabcont', base(`${DESC}!!str "x\n${ind}\ty"`)],
    ['sq-tag-tabcont', base(`${DESC}!t 'x\n${ind}\ty'`)],
    ['dq-tabcont', base(`${DESC}"x\n${ind}\ty"`)],
    ['dq-kv', base(`${DESC}"x\n${ind}k:\tv"`)],
    ['dq-escquote-kv', base(`${DESC}"x\\"\n${ind}k:\tv"`)],
    ['sq-dbl-kv', base(`${DESC}'it''s\n${ind}k:\tv'`)],
    ['dq-inner-sq-kv', base(`${DESC}"it's\n${ind}k:\tv"`)],
    // flow collections that confuse the line scan, then a tab after a later colon
    ...[['hash', '[a#b]'], ['apos', "[it's]"], ['dquote', '[a"b]'], ['hash-sp', '[a, b] # [c'], ['dq-bracket', '["]"]'], ['sq-bracket', "[']']"], ['nested', '[[a], {b: c}]'], ['brace-in-plain', '[a}b]'], ['url', '[http://x#y]']].flatMap(([n, flow]) => [
      [`flow-${n}-then-tab`, base(`${D}\tx`, { head: `inheritAs:\n  apiClient:\n    scopes: ${flow}\n` })],
      [`flow-${n}-then-tabindent`, base(undefined, { head: `inheritAs:\n  apiClient:\n    scopes: ${flow}\n`, post: '\tfoo: bar\n' })],
      [`flow-${n}-then-tabdash`, base(undefined, { head: `inheritAs:\n  apiClient:\n    scopes: ${flow}\n`, app: APP.replace('  - name: ab\n', '  -\tname: ab\n') })],
    ]),
    ['plain-with-quote-then-tab', base(`${D}\tx`, { app: APP.replace('      postDeploy: run it\n', "      postDeploy: it's \"q\n") })],
    ['dq-unclosed-in-comment', base(`${D}\tx`, { app: APP.replace('      postDeploy: run it\n', '      postDeploy: run # "it\n') })],
    ['sq-value-apos-inside-then-tab', base(`${D}\tx`, { app: APP.replace('      postDeploy: run it\n', "      postDeploy: 'a' # it's\n") })],
    ['sq-close-then-more', base(`${D}\tx`, { app: APP.replace('      postDeploy: run it\n', "      postDeploy: 'a\n        b' # it's\n") })],
    ['dq-close-then-quote', base(`${D}\tx`, { app: APP.replace('      postDeploy: run it\n', '      postDeploy: "a\n        b" # "\n') })],
    ['block-then-tab', base(`${D}\tx`, { app: APP.replace('      postDeploy: run it\n', '      postDeploy: |\n        a\n\n        b\n') })],
    ['block-keep-blank-then-tab', base(`${D}\tx`, { app: APP.replace('      postDeploy: run it\n', '      postDeploy: |+\n        a\n\n') })],
    ['block-tabbed-blank', base(`${DESC}|\n${ind}a\n\t\n${ind}b`)],
    ['block-tabbed-blank-deeper', base(`${DESC}|\n${ind}a\n${ind}\t\n${ind}b`)],
    ['block-header-tab', base(`${DESC}|\t\n${ind}a`)],
    ['block-header-tab-comment', base(`${DESC}|\t# c\n${ind}a`)],
    ['yaml11-tab', `%YAML 1.1\n---\n${base(`${D}\tx`)}`],
    ['doc-start-tab', `---\t\n${base(`${D}\tx`)}`],
    ['doc-start-tab-inline', `---\tinheritAs: 1\n`],
    ['several-on-line', base(`${D}\t"a\\ud83d\\ude00\0\uFEFF" #\t\r`)],
    ['tab-then-nul', base(`${D}\t\0x`)],
    ['tab-then-bom', base(`${D}\t\uFEFFx`)],
    ['tab-then-cr', base(`${D}\t\rx`)],
  ];
  for (const [name, text] of cases) await check(F, name, text);
}

async function directiveFamily() {
  const F = 'directive';
  const lines = ['%YAML 1.1', '%YAML 1.2', '%YAML 1.3', '%YAML 2.0', '%YAML 1.1 # c', '%YAML\t1.1', '%YAML  1.1', '%YAML 1.1\t', '%TAG !e! tag:x:', '# c', '', '%FOO bar', '%YAML 1.1.0', '%YAML 1.10', '%YAML', '%YAML 1.1 1.2', ' %YAML 1.1'];
  const bodies = [
    ['required-yes', base(undefined, { app: APP + '          required: yes\n' }).replace(/\n$/, '') + `\n${DESC}d\n`],
    ['desc-1_000', base(`${DESC}1_000`)],
    ['desc-yes', base(`${DESC}yes`)],
    ['desc-0o17', base(`${DESC}0o17`)],
    ['type-0x1F', baseType('    applicationType: 0x1F')],
  ];
  // fix 'required-yes': description must follow key
  bodies[0][1] = base(`${DESC}d\n          required: yes`);
  const prologues = new Set();
  for (const a of lines) {
    prologues.add([a]);
    for (const b of lines) {
      prologues.add([a, b]);
      if (rng() < 0.15) for (const c of lines) prologues.add([a, b, c]);
    }
  }
  for (const p of prologues) {
    if (!p.some((l) => l.startsWith('%'))) continue;
    for (const marker of ['---', '--- # c', '---\t']) {
      const [bn, body] = bodies[Math.floor(rng() * bodies.length)];
      await check(F, `prologue/${bn}${marker === '---' ? '' : '/' + marker}`, `${p.join('\n')}\n${marker}\n${body}`, JSON.stringify(p));
    }
  }
  for (const [bn, body] of bodies) {
    for (const p of [['%YAML 1.1', '%YAML 1.3'], ['%YAML 1.1', '%YAML 2.0'], ['%YAML 1.1', '%YAML 1.1.0'], ['%YAML 1.1', '%YAML 1.1 1.2'], ['%YAML 1.1 1.2', '%YAML 1.1'], ['%YAML 1.1.0', '%YAML 1.1'], ['%YAML 1.1', '%YAML 1.1'], ['%YAML 1.1', '%TAG ! !', '%YAML 1.1'], ['%TAG !e! a:', '%TAG !e! b:', '%YAML 1.1'], ['%YAML 1.1 # c', '%YAML 1.1'], ['%YAML 1.1', '%YAML 1.1 # c'], ['%YAML 1.1\r', '%YAML 1.1'], ['%YAML 1.1\uFEFF', '%YAML 1.1'], ['%YAML 1.1', '%YAML 1.1\uFEFF'], ['%YAML 1.1\0', '%YAML 1.1']])
      await check(F, `pair/${bn}`, `${p.join('\n')}\n---\n${body}`, JSON.stringify(p));
    for (const pre of ['\uFEFF', '\n', '# c\n', '\uFEFF# c\n', ' \n', '\t\n']) {
      await check(F, `pre/${bn}`, `${pre}%YAML 1.1\n---\n${body}`, JSON.stringify(pre));
      await check(F, `pre-twice/${bn}`, `${pre}%YAML 1.2\n%YAML 1.1\n---\n${body}`, JSON.stringify(pre));
    }
    await check(F, `no-marker/${bn}`, `%YAML 1.1\n${body}`);
    await check(F, `twice-no-marker/${bn}`, `%YAML 1.2\n%YAML 1.1\n${body}`);
    await check(F, `after-end/${bn}`, `${body}...\n%YAML 1.1\n---\n`);
    await check(F, `marker-after/${bn}`, `%YAML 1.1\n--- ${body.split('\n')[0]}\n${body.split('\n').slice(1).join('\n')}`);
    await check(F, `bom-between/${bn}`, `%YAML 1.1\n\uFEFF---\n${body}`);
    await check(F, `crlf/${bn}`, `%YAML 1.2\r\n%YAML 1.1\r\n---\r\n${body.replace(/\n/g, '\r\n')}`);
    await check(F, `cr/${bn}`, `%YAML 1.2\r%YAML 1.1\r---\r${body}`);
    await check(F, `nul/${bn}`, `%YAML 1.2\0\n%YAML 1.1\n---\n${body}`);
  }
  for (const { f, text } of corpus) {
    for (const p of [['%YAML 1.1'], ['%YAML 1.2', '%YAML 1.1'], ['%YAML 1.1', '%YAML 1.2'], ['%YAML 1.1', '# c', '%YAML 1.1'], ['%YAML 1.1', '%YAML 1.3'], ['# c', '%YAML 1.1']])
      await check(F, `corpus/${p.length}`, `${p.join('\n')}\n---\n${text.replace(/^---[^\n]*\n/, '')}`, `${f} ${JSON.stringify(p)}`);
  }
}

/** YAML 1.1 plain scalars: generated from pieces. */
function yaml11Scalars() {
  const out = new Set();
  const signs = ['', '+', '-'];
  const digitsets = ['0', '1', '7', '8', '9', '10', '017', '08', '1_0', '_1', '1_', '__', '_', '0_1', '19', '20', '21', '00', '999999999999999999999', '9007199254740993', 'a', 'F', 'fF', '1a'];
  for (const s of signs)
    for (const p of ['', '0b', '0o', '0x', '0', '0B', '0X', '0b_', '0x_'])
      for (const d of digitsets) out.add(`${s}${p}${d}`);
  for (const s of signs)
    for (const w of ['', '0', '1', '1_0', '_', '12', '0_'])
      for (const f of ['', '.', '.5', '.0', '._', '.5_', '.50', '.5.5'])
        for (const e of ['', 'e3', 'E-2', 'e+1', 'e', 'e_1', 'e03', 'e400', 'E+0', 'e-400', 'e1.5']) out.add(`${s}${w}${f}${e}`);
  for (const s of signs)
    for (const h of ['0', '1', '12', '1_2', '190', '_1', '01'])
      for (const t of [':0', ':5', ':59', ':60', ':05', ':5:30', ':30:00', ':61', ':059', ':5_0', ':', ':30.5', ':30.', ':30._5', ':30.5.5', ':0:0.0', ':30e3', ':30.5e1', ':1:1:1:1'])
        out.add(`${s}${h}${t}`);
  for (const w of ['y', 'Y', 'n', 'N', 'yes', 'Yes', 'YES', 'yES', 'no', 'No', 'NO', 'nO', 'on', 'On', 'ON', 'oN', 'off', 'Off', 'OFF', 'oFF', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'fALSE',
    '~', 'null', 'Null', 'NULL', 'nULL', '', '.inf', '.Inf', '.INF', '.iNF', '-.inf', '+.inf', '-.Inf', '+.INF', '.nan', '.NaN', '.NAN', '-.nan', '+.nan', '.nAn', 'inf', 'nan', 'Infinity', '-Infinity', 'NaN',
    '=', '<<', '-', '+', '.', '..', '0.', '-0', '+0', '-0.0', '0e0', '-0e0', '0x0', '-0x0', '0b0', '-0b0', '00', '-00', '1,000', '1 000', '1__000', '0o', '0b', '0x', 'yes please', 'y es',
    '2001-12-14', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5', '2001-12-14 21:59:43', '2001-12-15T02:59:43.1Z', '2001-12-14 1:2', '2001-12-14-5', '2001-1-1', '2001-123-1', '2001-12-14 \t21:59:43',
    '2001-12-14\t21:59:43', '2001-12-14T21:59:43 +05:00', '2001-12-14T21:59:43+0530', '2001-12-14T21:59', '2001-12', '20011-12-14', '2001-12-14T', '2001-12-14 ', '2001-12-14x', '2001-12-14T21:59:43.1234Z', '2001-12-14T21:59:43Z+1',
    '2001-12-14.5', '2001-12-14:1', '2001-12-14T21:59:43+1', '2001-02-30', '2001-13-01', '0001-01-01', '9999-99-99', '2001-12-14T25:61:61', '2001-12-14t1:2:3', '2001-12-14T21:59:43 Z', '2001-12-14T21:59:43.Z']) out.add(w);
  return [...out];
}
async function yaml11Family() {
  const F = 'yaml11';
  const scalars = yaml11Scalars();
  const pre = '%YAML 1.1\n---\n';
  for (const s of scalars) {
    await check(F, 'plain/type', pre + baseType(`    applicationType: ${s}`), JSON.stringify(s));
    await check(F, 'plain/desc', pre + base(`${DESC}${s}`), JSON.stringify(s));
    await check(F, 'plain/interval', pre + `deployAs:\n  - name: ab\n    applicationType: service\n    endpoint: /\n    healthCheck:\n      path: /h\n      intervalSeconds: ${s}\n`, JSON.stringify(s));
    await check(F, 'plain/required', pre + base(`${DESC}d\n          required: ${s}`), JSON.stringify(s));
    await check(F, 'flow-seq/scopes', pre + base(undefined, { head: `inheritAs:\n  apiClient:\n    scopes: [${s}]\n` }), JSON.stringify(s));
    await check(F, 'key', pre + base(undefined, { app: APP.replace('    endpoint: /\n', `    endpoint: /\n    ${s}: x\n`) }), JSON.stringify(s));
    if (rng() < 0.35)
      for (const tag of ['!!int', '!!float', '!!bool', '!!null', '!!str'])
        for (const q of ['', '"']) await check(F, `tagged${tag}${q ? '-dq' : ''}`, pre + baseType(`    applicationType: ${tag} ${q}${s}${q}`), JSON.stringify(s));
    for (const tag of ['!!int', '!!bool', '!!float']) {
      if (tag !== '!!bool') await check(F, `tagged-verdict${tag}`, pre + `deployAs:\n  - name: ab\n    applicationType: service\n    endpoint: /\n    healthCheck:\n      path: /h\n      intervalSeconds: ${tag} ${s}\n`, JSON.stringify(s));
      else await check(F, `tagged-verdict${tag}`, pre + base(`${DESC}d\n          required: ${tag} ${s}`), JSON.stringify(s));
    }
    if (rng() < 0.2) await check(F, 'core/key', base(undefined, { app: APP.replace('    endpoint: /\n', `    endpoint: /\n    ${s}: x\n`) }), JSON.stringify(s));
    if (rng() < 0.2) await check(F, 'core/type', baseType(`    applicationType: ${s}`), JSON.stringify(s));
  }
  // corpus under %YAML 1.1, with values replaced
  for (const { f, text } of corpus) {
    await check(F, 'corpus/as-is', pre + text.replace(/^---[^\n]*\n/, ''), f);
    const lines = text.split('\n');
    const idx = lines.map((l, i) => i).filter((i) => /^\s*(- )?(description|intervalSeconds|timeoutSeconds|required|default|minBackoffSeconds|maxAttempts|postDeploy): +\S/.test(lines[i]));
    for (const i of sample(idx, 6))
      for (const s of sample(scalars, 6)) await check(F, 'corpus/value', pre + lines.map((l, j) => (j === i ? l.replace(/: +\S.*$/, `: ${s}`) : l)).join('\n'), `${f} line ${i + 1} ${JSON.stringify(s)}`);
  }
}

// ---- Minimise verdict disagreements (drop lines while the two verdicts stay as they are) ----
const strip = (m) => String(m ?? '').replace(/\(?line \d+, column \d+\)?|at line \d+, column \d+|\d+/g, '#');
const reason = (r, off) => `${strip(r.errors[0]?.message)}|${strip(off.message)}`;
async function minimise(text, want) {
  want.reason = await verdicts(text).then(({ o, off }) => reason(o.r, off));
  let lines = text.split('\n');
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i < lines.length; i++) {
      const t = [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n');
      const { o, off } = await verdicts(t);
      if (!o.thrown && o.r.valid === want.ours && off.valid === want.official && !deliberate(o.r) && reason(o.r, off) === want.reason) {
        lines = t.split('\n');
        changed = true;
        i--;
      }
    }
  }
  return lines.join('\n');
}

const t0 = Date.now();
await payloadFamilies();
await tabFamily();
await directiveFamily();
await yaml11Family();

// ---- Report ---------------------------------------------------------------------------------
console.log(`# ${[...stats.values()].reduce((a, s) => a + s.cases, 0)} cases in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log('family    cases  verdict  value  position  throws  internal  deliberate  bothYamlErr');
for (const [f, s] of stats) console.log(`${f.padEnd(9)} ${String(s.cases).padStart(5)}  ${String(s.verdict).padStart(7)}  ${String(s.value).padStart(5)}  ${String(s.pos).padStart(8)}  ${String(s.throws).padStart(6)}  ${String(s.internal).padStart(8)}  ${String(s.deliberate).padStart(10)}  ${String(s.bothYamlErr).padStart(11)}`);
const byClass = new Map();
for (const x of findings) {
  const k = `${x.kind} | ${x.family} | ${x.sub}`;
  if (!byClass.has(k)) byClass.set(k, []);
  byClass.get(k).push(x);
}
console.log('\n# disagreement classes (kind | family | context): count');
for (const [k, list] of [...byClass].sort()) console.log(`${String(list.length).padStart(5)}  ${k}`);
if (SHOW > 0) {
  console.log('\n# shortest examples');
  for (const [k, list] of [...byClass].sort()) {
    if (/we-refuse-yaml|yaml2-refuses/.test(k)) continue;
    const ex = [...list].sort((a, b) => a.text.length - b.text.length).slice(0, SHOW);
    for (const x of ex) {
      let text = x.text;
      if (x.kind === 'verdict') text = await minimise(text, { ours: x.ours, official: x.official });
      const { kind, family, sub, note, text: _t, ...rest } = x;
      console.log(`${k}  ${note}\n  ${JSON.stringify(text)}\n  ${JSON.stringify(rest).slice(0, 400)}`);
    }
  }
}
if (OUT) writeFileSync(OUT, JSON.stringify(findings, null, 1));
