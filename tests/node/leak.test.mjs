// Secured values never leave the library (API.md §3): a generated test. From the shape of every
// payload that can hold a secret (DeploymentDraft, redeploy DeploymentUpdate, the input of
// buildDeploymentDraft), a unique sentinel is put in every secret position, in many forms (a
// string, a number, inside arrays and objects), and every container on the way to it is
// replaced by every wrong container type that still holds it; with and without each context
// kind (connectYaml, connector, deployment, connectorStaged), as a JS value, as JSON text and as
// malformed JSON text. No sentinel may appear in JSON.stringify(result) (of buildDeploymentDraft:
// anything but its `draft`), in toErrorResponse(report), in a thrown error's message, or in the
// CLI's stdout and stderr. Both builds (Node and web) are checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pkgDir, loadBuilds } from './pkgdir.mjs';
import { mulberry32 } from './seeded.mjs';

// Fewer tries than these means the generator lost coverage.
const API_FLOOR = 58_000;
const CLI_FLOOR = 2_700;

const defs = JSON.parse(readFileSync(new URL('../fixtures/defs/connectors.json', import.meta.url), 'utf8'));
const builds = await loadBuilds();
const clone = (v) => structuredClone(v);
const isObj = (v) => typeof v === 'object' && v !== null;

// ---- Sentinels ---------------------------------------------------------------------------------
// Any of these fragments in an output is a leak (also of a sentinel cut short, from either end).
const LEAK = /SENTI|NTINEL|-Zq8|98765432/;
let serial = 0;
const sentinel = () => { serial++; return { s: `SENTINEL-${serial}-Zq8`, n: 98765432100000 + serial }; };

// ---- The payloads and their secret positions ---------------------------------------------------
const draftBase = () => ({
  key: 'shop-deployment', connector: { key: 'shop-connector' }, region: 'europe-west1.gcp',
  configurations: [
    { applicationName: 'service', standardConfiguration: [{ key: 'CTP_REGION', value: 'europe-west1.gcp' }], securedConfiguration: [{ key: 'CTP_CLIENT_SECRET', value: 'plain-1' }] },
    { applicationName: 'events', standardConfiguration: [], securedConfiguration: [{ key: 'WEBHOOK_TOKEN', value: 'plain-2' }] },
    { applicationName: 'nightly', standardConfiguration: [], securedConfiguration: [] },
  ],
  globalConfiguration: { standardConfiguration: [{ key: 'PROJECT_KEY', value: 'shop' }], securedConfiguration: [{ key: 'SHARED_SECRET', value: 'plain-3' }] },
});
const updateBase = () => ({ version: 4, actions: [{ action: 'redeploy', configurationValues: [
  { applicationName: 'service', standardConfiguration: [{ key: 'CTP_REGION', value: 'us-central1.gcp' }], securedConfiguration: [{ key: 'CTP_CLIENT_SECRET', value: 'plain-1' }] }],
globalConfiguration: { standardConfiguration: [{ key: 'PROJECT_KEY', value: 'shop-2' }], securedConfiguration: [{ key: 'SHARED_SECRET', value: 'plain-3' }] } }] });
const buildBase = () => ({ connector: { key: 'shop-connector' }, region: 'europe-west1.gcp',
  values: { service: { CTP_REGION: 'europe-west1.gcp', CTP_CLIENT_SECRET: 'plain-1' }, events: { WEBHOOK_TOKEN: 'plain-2' } },
  globalValues: { PROJECT_KEY: 'shop', SHARED_SECRET: 'plain-3' } });

// A secured key moved to the standard block: secret only where the context declares it.
const toStandard = (app, key) => { app.securedConfiguration = app.securedConfiguration.filter((e) => e.key !== key); app.standardConfiguration.push({ key, value: 'plain' }); };
// Each slot: the base, how to prepare it, the path of the secret, and whether it is secret only
// when a context declares the key secured (`declared`).
const A = ['actions', 0];
const SLOTS = {
  draft: {
    base: draftBase, backup: [['globalConfiguration', 'securedConfiguration', 0, 'value'], ['configurations', 0, 'securedConfiguration', 0, 'value']],
    slots: {
      'securedConfiguration value': { path: ['configurations', 0, 'securedConfiguration', 0, 'value'] },
      'securedConfiguration value of an undeclared key': { prepare: (b) => b.configurations[0].securedConfiguration.push({ key: 'UNDECLARED', value: 'x' }), path: ['configurations', 0, 'securedConfiguration', 1, 'value'] },
      'securedConfiguration value of an unknown application': { prepare: (b) => b.configurations.push({ applicationName: 'ghost-app', standardConfiguration: [], securedConfiguration: [{ key: 'GHOST', value: 'x' }] }), path: ['configurations', 3, 'securedConfiguration', 0, 'value'] },
      'extra field of a securedConfiguration entry': { path: ['configurations', 0, 'securedConfiguration', 0, 'note'] },
      'standard value of a key declared secured': { declared: true, prepare: (b) => toStandard(b.configurations[0], 'CTP_CLIENT_SECRET'), path: ['configurations', 0, 'standardConfiguration', 1, 'value'] },
      'standard value of an optional key declared secured': { declared: true, prepare: (b) => toStandard(b.configurations[1], 'WEBHOOK_TOKEN'), path: ['configurations', 1, 'standardConfiguration', 0, 'value'] },
      'global securedConfiguration value': { path: ['globalConfiguration', 'securedConfiguration', 0, 'value'] },
      'global standard value of a key declared secured': { declared: true, prepare: (b) => toStandard(b.globalConfiguration, 'SHARED_SECRET'), path: ['globalConfiguration', 'standardConfiguration', 1, 'value'] },
    },
  },
  update: {
    base: updateBase, backup: [[...A, 'globalConfiguration', 'securedConfiguration', 0, 'value'], [...A, 'configurationValues', 0, 'securedConfiguration', 0, 'value']],
    slots: {
      'redeploy securedConfiguration value': { path: [...A, 'configurationValues', 0, 'securedConfiguration', 0, 'value'] },
      'redeploy securedConfiguration value of an application not deployed': { prepare: (b) => b.actions[0].configurationValues.push({ applicationName: 'ghost-app', standardConfiguration: [], securedConfiguration: [{ key: 'GHOST', value: 'x' }] }), path: [...A, 'configurationValues', 1, 'securedConfiguration', 0, 'value'] },
      'redeploy standard value of a key declared secured': { declared: true, prepare: (b) => toStandard(b.actions[0].configurationValues[0], 'CTP_CLIENT_SECRET'), path: [...A, 'configurationValues', 0, 'standardConfiguration', 1, 'value'] },
      'redeploy global securedConfiguration value': { path: [...A, 'globalConfiguration', 'securedConfiguration', 0, 'value'] },
      'redeploy global standard value of a key declared secured': { declared: true, prepare: (b) => toStandard(b.actions[0].globalConfiguration, 'SHARED_SECRET'), path: [...A, 'globalConfiguration', 'standardConfiguration', 1, 'value'] },
    },
  },
  build: {
    base: buildBase, backup: [['globalValues', 'SHARED_SECRET'], ['values', 'service', 'CTP_CLIENT_SECRET']],
    slots: {
      'values.<app>.<secured key>': { path: ['values', 'service', 'CTP_CLIENT_SECRET'] },
      'values.<app>.<optional secured key>': { path: ['values', 'events', 'WEBHOOK_TOKEN'] },
      'globalValues.<secured key>': { path: ['globalValues', 'SHARED_SECRET'] },
    },
  },
};

// The secret itself, in every form (s: the string sentinel, n: the numeric one).
const LEAVES = {
  string: ({ s }) => s,
  number: ({ n }) => n,
  'negative number': ({ n }) => -n,
  fraction: ({ n }) => n + 0.5,
  'numeric string': ({ n }) => String(n),
  'array of it': ({ s }) => [s],
  'array of strings': ({ s }) => ['first', s, 'last'],
  'object holding it': ({ s }) => ({ value: s }),
  'nested arrays': ({ s, n }) => [[s, n]],
  'objects in arrays': ({ s }) => ({ a: [{ b: s }] }),
  'a [KEY, value] pair': ({ s }) => ['CTP_CLIENT_SECRET', s],
  'long string (300 chars)': ({ s }) => `${s}${'x'.repeat(300)}`,
  'long string ending in it': ({ s }) => `${'x'.repeat(300)}${s}`,
  'padded with blanks': ({ s }) => `   ${s}\t `,
  'with a newline': ({ s }) => `first line\n${s}`,
  'with a lone surrogate': ({ s }) => `${s}\ud800`,
  'with quotes and backslashes': ({ s }) => `"${s}"\\`,
};

// A container on the way to the secret, replaced by a container of the wrong type holding it.
const flat = (v) => (typeof v === 'string' ? v : JSON.stringify(v));
const FORMS = {
  'a string holding it': (c) => JSON.stringify(c),
  'an object map {KEY: secret}': (c) => (Array.isArray(c)
    ? Object.fromEntries(c.map((it, i) => [isObj(it) ? (it.key ?? it.applicationName ?? String(i)) : String(i), isObj(it) && 'value' in it ? it.value : it]))
    : 'key' in c && 'value' in c ? { [c.key]: c.value } : Object.fromEntries(Object.entries(c).map(([k, v]) => [k, flat(v)]))),
  'an array of strings': (c) => (Array.isArray(c) ? c.map((it) => (isObj(it) && 'key' in it ? `${it.key}=${flat(it.value)}` : flat(it))) : Object.entries(c).map(([k, v]) => `${k}=${flat(v)}`)),
  'an array of pairs': (c) => (Array.isArray(c) ? c.map((it, i) => (isObj(it) && 'key' in it ? [it.key, it.value] : [isObj(it) ? (it.applicationName ?? String(i)) : String(i), it])) : Object.entries(c)),
  'a number': (c, sent) => sent.n,
  'a boolean (the secret elsewhere)': () => true,
  'null (the secret elsewhere)': () => null,
  'a nested array': (c) => [[c]],
};

function parentOf(root, path) {
  let v = root;
  for (const k of path.slice(0, -1)) { if (!isObj(v)) return undefined; v = v[k]; }
  return isObj(v) ? v : undefined;
}
const getAt = (root, path) => parentOf(root, path)?.[path.at(-1)];
const setAt = (root, path, value) => { const p = parentOf(root, path); if (!p) return false; p[path.at(-1)] = value; return true; };
const holds = (v) => LEAK.test(JSON.stringify(v) ?? '');

/** Every payload variant of a kind: { kind, slot, declared, variant, value, sent }. */
function variants(kind) {
  const { base, backup, slots } = SLOTS[kind];
  const out = [];
  for (const [slot, { path, prepare, declared = false }] of Object.entries(slots)) {
    const fresh = () => { const b = base(); prepare?.(b); return b; };
    for (const [leaf, make] of Object.entries(LEAVES)) {
      const sent = sentinel();
      const v = fresh();
      setAt(v, path, make(sent));
      out.push({ kind, slot, declared, variant: `the secret as ${leaf}`, value: v, sent });
    }
    for (let depth = 1; depth < path.length; depth++) {
      const at = path.slice(0, depth);
      for (const [form, make] of Object.entries(FORMS)) {
        const sent = sentinel();
        const v = fresh();
        setAt(v, path, sent.s);
        const original = getAt(v, at);
        const replaced = make(clone(original), sent);
        if (JSON.stringify(replaced) === JSON.stringify(original)) continue; // already of that type
        setAt(v, at, replaced);
        if (!holds(v)) {
          // The secret went with the container: put one where it still can be.
          const spare = backup.find((b) => !b.slice(0, depth).every((k, i) => k === at[i]) && parentOf(v, b));
          if (!spare || !setAt(v, spare, sent.s)) continue;
        }
        const name = typeof at.at(-1) === 'number' ? `${at.at(-2)}[${at.at(-1)}]` : at.at(-1);
        out.push({ kind, slot, declared, variant: `${name} as ${form}`, value: v, sent });
      }
    }
  }
  return out;
}

// ---- Encodings -------------------------------------------------------------------------------
function firstToken(text, sent) {
  const hits = [sent.s, String(sent.n)].map((t) => [text.indexOf(t), t]).filter(([i]) => i >= 0).sort((a, b) => a[0] - b[0]);
  return hits[0];
}
// The JSON string literal around position i, as [start quote, index after the end quote], or
// null when i is not inside a string (a number).
function literalAround(text, i) {
  let start = -1;
  for (let j = 0; j < text.length; j++) {
    const c = text[j];
    if (start < 0) {
      if (j >= i) return null;
      if (c === '"') start = j;
    } else if (c === '\\') j++;
    else if (c === '"') {
      if (j >= i) return [start, j + 1];
      start = -1;
    }
  }
  return start >= 0 ? [start, text.length] : null;
}
const insert = (t, at, what) => `${t.slice(0, at)}${what}${t.slice(at)}`;
const malformed = (how) => (v, sent) => {
  const t = JSON.stringify(v, null, 2);
  const [i, tok] = firstToken(t, sent);
  const lit = literalAround(t, i);
  return how(t, i, tok, lit);
};
const ENCODINGS = {
  'JS value': (v) => v,
  'JSON text': (v) => JSON.stringify(v, null, 2),
  'JSON text cut right after the secret': malformed((t, i, tok) => t.slice(0, i + tok.length)),
  'JSON text with a bad escape after the secret': malformed((t, i, tok) => insert(t, i + tok.length, '\\q')),
  'JSON text with a bad escape before the secret': malformed((t, i) => insert(t, i, '\\x')),
  'JSON text with a bad token after the secret': malformed((t, i, tok, lit) => insert(t, lit ? lit[1] : i + tok.length, ' @')),
  'JSON text with a bad token before the secret': malformed((t, i, tok, lit) => insert(t, lit ? lit[0] : i, '@ ')),
};
const TEXT_ENCODINGS = Object.keys(ENCODINGS).filter((e) => e !== 'JS value');

// ---- Contexts ---------------------------------------------------------------------------------
const SPEC = builds[0].api.parseConnectYaml(defs.shopYaml).spec;
const CONTEXTS = {
  'no context': undefined,
  connectYaml: { connectYaml: defs.shopYaml },
  connector: { connector: defs.shopConnector },
  deployment: { deployment: defs.shopDeployment },
  connectorStaged: { connectorStaged: defs.shopStaged },
};
const SOURCES = { connectYaml: defs.shopYaml, connector: defs.shopConnector, 'deployment.connector': defs.shopDeployment.connector, connectorStaged: defs.shopStaged, ConnectSpec: SPEC };

// ---- Running and recording ------------------------------------------------------------------
const tally = { tried: 0, leaked: 0, threw: 0, leaks: [] };
function where(result) {
  const reports = [];
  if (isObj(result) && Array.isArray(result.errors)) reports.push(result);
  else if (isObj(result?.report)) reports.push(result.report);
  for (const r of reports) for (const issue of [...(r.errors ?? []), ...(r.warnings ?? [])]) {
    for (const [k, v] of Object.entries(issue)) if (holds(v) || (typeof v === 'string' && LEAK.test(v))) return `${issue.code}.${k}`;
  }
  return 'elsewhere in the result';
}
function leakSnippet(text) {
  const m = LEAK.exec(text);
  return m ? text.slice(Math.max(0, m.index - 60), m.index + 40) : '';
}
/** One call; records a leak with its class. `keep` picks what of the result must be clean. */
function attempt(build, cls, fn, args, keep = (r) => r) {
  tally.tried++;
  let result;
  try {
    result = build.api[fn](...args);
  } catch (e) {
    tally.threw++;
    const message = e instanceof Error ? String(e.message) : String(e);
    if (LEAK.test(message)) record(build, cls, fn, 'a thrown error message', message);
    return;
  }
  const kept = keep(result);
  const out = JSON.stringify(kept) ?? '';
  if (LEAK.test(out)) return record(build, cls, fn, where(kept), out);
  const report = isObj(kept) && Array.isArray(kept.errors) ? kept : kept?.report;
  if (isObj(report) && Array.isArray(report.errors)) {
    let response;
    try { response = JSON.stringify(build.api.toErrorResponse(report)) ?? ''; } catch (e) { response = ''; }
    if (LEAK.test(response)) record(build, cls, fn, 'toErrorResponse(report)', response);
  }
}
function record(build, cls, fn, at, text) {
  tally.leaked++;
  tally.leaks.push({ build: build.name, fn, at, snippet: leakSnippet(text), ...cls });
}

function summarize(leaks) {
  if (leaks.length === 0) return '';
  const count = (key) => {
    const m = new Map();
    for (const l of leaks) m.set(key(l), (m.get(key(l)) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1]);
  };
  const lines = [`${leaks.length} leaks`];
  const table = (title, key, max = 25) => {
    const rows = count(key);
    lines.push(`  by ${title}:`);
    for (const [k, n] of rows.slice(0, max)) lines.push(`    ${String(n).padStart(6)}  ${k}`);
    if (rows.length > max) lines.push(`    … ${rows.length - max} more`);
  };
  table('function and slot', (l) => `${l.fn} › ${l.slot}`);
  table('form', (l) => String(l.variant).replace(/^\S+ as /, '<container> as ').replace(/^the secret as /, 'the secret as '), 30);
  table('context', (l) => l.context ?? '-');
  table('encoding', (l) => l.encoding ?? '-');
  table('where it appeared', (l) => l.at, 15);
  table('build', (l) => l.build);
  lines.push('  examples:');
  for (const l of leaks.filter((_, i) => i % Math.ceil(leaks.length / 6) === 0).slice(0, 6)) {
    lines.push(`    [${l.build}] ${l.fn} ${l.slot} / ${l.variant} / ${l.context ?? '-'} / ${l.encoding ?? '-'} → ${l.at}: …${l.snippet}…`);
  }
  return lines.join('\n');
}
function assertNoLeak(leaks, what) {
  assert.equal(leaks.length, 0, `${what}: secrets leaked\n${summarize(leaks)}`);
}

const ALL = { draft: variants('draft'), update: variants('update'), build: variants('build') };
const since = () => { const n = tally.leaks.length; return () => tally.leaks.slice(n); };

test('the generator: every variant holds its secret, every malformed text is malformed', () => {
  let n = 0;
  for (const list of Object.values(ALL)) {
    for (const v of list) {
      assert.ok(holds(v.value), `${v.kind} ${v.slot} / ${v.variant} holds no sentinel`);
      for (const encoding of TEXT_ENCODINGS) {
        const text = ENCODINGS[encoding](clone(v.value), v.sent);
        assert.ok(LEAK.test(text), `${v.slot} / ${v.variant} / ${encoding}: no sentinel in the text`);
        if (encoding !== 'JSON text') assert.throws(() => JSON.parse(text), SyntaxError, `${v.slot} / ${v.variant} / ${encoding} is valid JSON`);
        n++;
      }
    }
  }
  console.log(`${Object.values(ALL).reduce((a, l) => a + l.length, 0)} payload variants (${Object.entries(ALL).map(([k, l]) => `${k}: ${l.length}`).join(', ')}), ${n} texts`);
});

// ---- The library ------------------------------------------------------------------------------
for (const [kind, fn] of [['draft', 'validateDeploymentDraft'], ['update', 'validateDeploymentUpdate']]) {
  test(`${fn}: a secret in every position, every form, every context and encoding`, () => {
    const mine = since();
    const before = tally.tried;
    for (const build of builds) {
      for (const v of ALL[kind]) {
        for (const [context, ctx] of Object.entries(CONTEXTS)) {
          if (v.declared && context === 'no context') continue; // without a context nothing says the key is secured
          for (const [encoding, encode] of Object.entries(ENCODINGS)) {
            attempt(build, { slot: v.slot, variant: v.variant, context, encoding }, fn, [encode(clone(v.value), v.sent), ctx]);
          }
        }
      }
    }
    console.log(`${fn}: ${tally.tried - before} placements tried, ${mine().length} leaked`);
    assertNoLeak(mine(), fn);
  });
}

test('buildDeploymentDraft: a secret in values and globalValues, every source; only the draft may hold it', () => {
  const mine = since();
  const before = tally.tried;
  for (const build of builds) {
    for (const v of ALL.build) {
      for (const [context, source] of Object.entries(SOURCES)) {
        for (const [encoding, encode] of Object.entries(ENCODINGS)) {
          attempt(build, { slot: v.slot, variant: v.variant, context: `source ${context}`, encoding }, 'buildDeploymentDraft', [encode(clone(v.value), v.sent), source],
            (r) => (isObj(r) ? { ...r, draft: undefined } : r));
        }
      }
    }
  }
  console.log(`buildDeploymentDraft: ${tally.tried - before} placements tried, ${mine().length} leaked`);
  assertNoLeak(mine(), 'buildDeploymentDraft');
});

test('a whole payload given by mistake to the single-value checks', () => {
  // Non-string values only: a string given to validateKey is a key, echoed (cut) by design; a
  // non-string is described by its type only.
  const mine = since();
  const before = tally.tried;
  const calls = {
    validateKey: (p) => [p], validateProjectIdentifier: (p) => [p], canRedeploy: (p) => [p],
    'checkTransition (from)': (p) => ['connectDeployment', p, 'Queued'], 'checkTransition (to)': (p) => ['connectDeployment', 'Draft', p],
    'checkTransition (machine)': (p) => [p, 'Draft', 'Queued'], 'allowedTransitions (from)': (p) => ['connectDeployment', p],
  };
  for (const build of builds) {
    for (const v of [...ALL.draft, ...ALL.update, ...ALL.build]) {
      for (const [name, args] of Object.entries(calls)) {
        const fn = name.split(' ')[0];
        if (typeof build.api[fn] !== 'function') continue;
        for (const encoding of ['JS value']) attempt(build, { slot: `${v.kind}: ${v.slot}`, variant: v.variant, context: name, encoding }, fn, args(ENCODINGS[encoding](clone(v.value), v.sent)));
      }
    }
  }
  console.log(`single-value checks: ${tally.tried - before} placements tried, ${mine().length} leaked`);
  assertNoLeak(mine(), 'payload given to the wrong function');
});

// Context documents holding a secret under securedConfiguration (a Deployment fetched with its
// values, a ConnectorStaged with a stray value): the context's own issues must not show it.
function contextVariants() {
  const out = [];
  const put = (doc, path, form) => {
    const sent = sentinel();
    const d = clone(doc);
    const leafPath = [...path, 0, 'value'];
    setAt(d, leafPath, sent.s);
    if (form !== 'value') {
      const c = getAt(d, path);
      setAt(d, path, form === 'number' ? sent.n : FORMS[form](clone(c), sent));
    }
    return { d, sent, form };
  };
  const forms = ['value', ...Object.keys(FORMS).filter((f) => !/boolean|null/.test(f))];
  for (const form of forms) {
    out.push({ slot: 'deployment.applications[0].securedConfiguration', key: 'deployment', ...put(defs.shopDeployment, ['applications', 0, 'securedConfiguration'], form) });
    out.push({ slot: 'connector.configurations[0].securedConfiguration', key: 'connector', ...put(defs.shopConnector, ['configurations', 0, 'securedConfiguration'], form) });
    out.push({ slot: 'connectorStaged.configurations[0].securedConfiguration', key: 'connectorStaged', ...put(defs.shopStaged, ['configurations', 0, 'securedConfiguration'], form) });
    out.push({ slot: 'connector.globalConfiguration.securedConfiguration', key: 'connector', ...put(defs.shopConnector, ['globalConfiguration', 'securedConfiguration'], form) });
  }
  return out;
}
test('context documents holding a secret under securedConfiguration', () => {
  const mine = since();
  const before = tally.tried;
  for (const build of builds) {
    for (const c of contextVariants()) {
      const cls = { slot: c.slot, variant: `the context's securedConfiguration as ${c.form}`, context: c.key, encoding: 'JS value' };
      attempt(build, cls, 'validateDeploymentDraft', [draftBase(), { [c.key]: c.d }]);
      attempt(build, cls, 'validateDeploymentUpdate', [updateBase(), { [c.key]: c.d }]);
      if (c.key !== 'deployment') attempt(build, cls, 'buildDeploymentDraft', [buildBase(), c.d], (r) => (isObj(r) ? { ...r, draft: undefined } : r));
    }
  }
  console.log(`context documents: ${tally.tried - before} placements tried, ${mine().length} leaked`);
  assertNoLeak(mine(), 'context documents');
});

// A key declared secured under an application the checks cannot use (its type unknown or
// `assets`, its name no string or missing): still a secret. Generated: every way of breaking
// each application of the shop connector × the connect.yaml and resource contexts × every
// declared slot (a secured key's value sent in a standard block).
const BREAKS = {
  'applicationType unknown': (app) => app.replace(/applicationType: \w+/, 'applicationType: nope'),
  'applicationType assets': (app) => app.replace(/applicationType: \w+/, 'applicationType: assets'),
  'applicationType a number': (app) => app.replace(/applicationType: \w+/, 'applicationType: 7'),
  'name a number': (app) => app.replace(/name: [\w-]+/, 'name: 123'),
  'name a list': (app) => app.replace(/name: [\w-]+/, 'name: [a, b]'),
  'name missing': (app) => app.replace(/name: [\w-]+\n    /, ''),
  'name with a space': (app) => app.replace(/name: ([\w-]+)/, "name: '$1 x'"),
};
function brokenContexts() {
  const [head, ...apps] = defs.shopYaml.split(/^(?=  - name)/m);
  const [lastApp, inherit] = apps.at(-1).split(/^(?=inheritAs)/m);
  apps[apps.length - 1] = lastApp;
  const out = [];
  for (const [how, breakIt] of Object.entries(BREAKS)) {
    for (let i = 0; i < apps.length; i++) {
      const yaml = head + apps.map((a, j) => (j === i ? breakIt(a) : a)).join('') + inherit;
      assert.notEqual(yaml, defs.shopYaml, `${how} changed nothing`);
      const resource = clone(defs.shopConnector);
      const app = resource.configurations[i];
      if (/name/.test(how)) app.applicationName = how === 'name missing' ? undefined : 123;
      else app.applicationType = 'nope';
      out.push([`connectYaml, application ${i} ${how}`, { connectYaml: yaml }]);
      out.push([`connector, application ${i} ${how}`, { connector: resource }]);
      out.push([`connectorStaged, application ${i} ${how}`, { connectorStaged: resource }]);
    }
  }
  return out;
}
test('keys declared secured under broken applications are secrets', () => {
  const mine = since();
  const before = tally.tried;
  const contexts = brokenContexts();
  for (const build of builds) {
    for (const [kind, fn] of [['draft', 'validateDeploymentDraft'], ['update', 'validateDeploymentUpdate']]) {
      for (const v of ALL[kind].filter((x) => x.declared)) {
        for (const [context, ctx] of contexts) {
          for (const encoding of ['JS value', 'JSON text']) {
            attempt(build, { slot: v.slot, variant: v.variant, context, encoding }, fn, [ENCODINGS[encoding](clone(v.value), v.sent), ctx]);
          }
        }
      }
    }
    for (const v of ALL.build) {
      for (const [context, ctx] of contexts.filter(([c]) => c.startsWith('connectYaml'))) {
        attempt(build, { slot: v.slot, variant: v.variant, context, encoding: 'JS value' }, 'buildDeploymentDraft', [clone(v.value), ctx.connectYaml],
          (r) => (isObj(r) ? { ...r, draft: undefined } : r));
      }
    }
  }
  console.log(`broken applications: ${contexts.length} contexts, ${tally.tried - before} placements tried, ${mine().length} leaked`);
  assert.ok(tally.tried - before > 20_000, 'the generator lost coverage');
  assertNoLeak(mine(), 'broken applications');
});

// The secret as a member name of a secured entry (or of an entry of a key declared secured):
// such names are reported without the name.
test('a secret as the name of a member of a secured entry', () => {
  const mine = since();
  const before = tally.tried;
  for (const build of builds) {
    for (const [context, ctx] of Object.entries(CONTEXTS)) {
      for (const [slot, path] of [['securedConfiguration entry', ['configurations', 0, 'securedConfiguration', 0]],
        ['global securedConfiguration entry', ['globalConfiguration', 'securedConfiguration', 0]]]) {
        for (const value of [1, 'x', null, [], {}]) {
          const sent = sentinel();
          const draft = draftBase();
          parentOf(draft, [...path, 'key'])[sent.s] = value;
          for (const [encoding, encode] of [['JS value', (v) => v], ['JSON text', (v) => JSON.stringify(v)]]) {
            attempt(build, { slot, variant: `a member named by the secret, holding ${JSON.stringify(value)}`, context, encoding }, 'validateDeploymentDraft', [encode(draft), ctx]);
          }
          const update = updateBase();
          const at = ['actions', 0, slot.startsWith('global') ? 'globalConfiguration' : 'configurationValues', ...(slot.startsWith('global') ? [] : [0]), 'securedConfiguration', 0];
          parentOf(update, [...at, 'key'])[sent.s] = value;
          attempt(build, { slot: `redeploy ${slot}`, variant: 'a member named by the secret', context, encoding: 'JS value' }, 'validateDeploymentUpdate', [update, ctx]);
        }
      }
    }
  }
  console.log(`member names: ${tally.tried - before} placements tried, ${mine().length} leaked`);
  assertNoLeak(mine(), 'member names');
});

// applyConnectorUpdate hands back the ConnectorStaged it was given, updated: a value the
// caller's copy carries under securedConfiguration (a ConnectorStaged holds none) is not in it.
test('applyConnectorUpdate: a ConnectorStaged carrying secured values', () => {
  const mine = since();
  const before = tally.tried;
  const updates = [{ version: 1, actions: [{ action: 'setName', name: 'renamed' }] }, { version: 1, actions: [{ action: 'addPrivateProject', privateProject: 'europe-west1.gcp:p' }] }];
  for (const build of builds) {
    for (const c of contextVariants().filter((x) => x.key !== 'deployment')) {
      for (const update of updates) {
        const staged = { ...clone(c.d), version: 1, private: true };
        const cls = { slot: c.slot, variant: `the resource's securedConfiguration as ${c.form}`, context: 'applyConnectorUpdate', encoding: 'JS value' };
        attempt(build, cls, 'applyConnectorUpdate', [staged, update]);
        attempt(build, cls, 'validateConnectorUpdate', [update, { connectorStaged: staged }]);
      }
    }
  }
  console.log(`applyConnectorUpdate: ${tally.tried - before} placements tried, ${mine().length} leaked`);
  assertNoLeak(mine(), 'applyConnectorUpdate');
});

// ---- The command-line tool -------------------------------------------------------------------
const bin = fileURLToPath(new URL('bin/connect-preflight.cjs', pkgDir));
const cli = { tried: 0, runs: 0, leaks: [] };

function sampleForCli(kind) {
  // One placement per (variant form, encoding), from a seeded choice of slots: every class once.
  const rng = mulberry32(kind === 'draft' ? 11 : 12);
  const groups = new Map();
  for (const v of ALL[kind]) {
    const form = v.variant.replace(/^\S+ as /, '');
    for (const encoding of TEXT_ENCODINGS) {
      const key = `${form}|${encoding}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push({ v, encoding });
    }
  }
  return [...groups.values()].map((list) => list[Math.floor(rng() * list.length)]);
}

function runCli(args, files, cls) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  cli.runs++;
  cli.tried += files.length;
  const out = `${r.stdout}\n${r.stderr}`;
  if (LEAK.test(out)) {
    // Which files leaked: the entries (json) or lines (text) holding a sentinel; or stderr.
    const leaked = new Map(); // path -> [where, text]
    let entries;
    try { entries = JSON.parse(r.stdout); } catch { entries = null; }
    if (Array.isArray(entries?.files)) {
      for (const e of entries.files) { const t = JSON.stringify(e); if (LEAK.test(t)) leaked.set(e.file, ['stdout', t]); }
    } else {
      for (const line of r.stdout.split('\n')) {
        if (!LEAK.test(line)) continue;
        const f = files.find((x) => line.startsWith(`${x.path}:`));
        if (!leaked.has(f?.path ?? '(no file named)')) leaked.set(f?.path ?? '(no file named)', ['stdout', line]);
      }
    }
    if (LEAK.test(r.stderr)) leaked.set(files.length === 1 ? files[0].path : '(stderr)', ['stderr', r.stderr]);
    for (const [path, [at, text]] of leaked) {
      const f = files.find((x) => x.path === path);
      cli.leaks.push({ build: 'cli', fn: `cli ${args[1]}`, at, snippet: leakSnippet(text), slot: '(unknown)', variant: '(unknown)', ...cls, ...f?.cls });
    }
  }
  return r;
}

test('the CLI: many placements in one invocation per kind, context and format; malformed context files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cp-leak-'));
  try {
    const ctxFiles = {
      'no context': [],
      '--connector connect.yaml': ['--connector', join(dir, 'connect.yaml')],
      '--connector connector.json': ['--connector', join(dir, 'connector.json')],
      '--deployment deployment.json': ['--deployment', join(dir, 'deployment.json')],
      '--connector-staged staged.json': ['--connector-staged', join(dir, 'staged.json')],
    };
    writeFileSync(join(dir, 'connect.yaml'), defs.shopYaml);
    writeFileSync(join(dir, 'connector.json'), JSON.stringify(defs.shopConnector, null, 2));
    writeFileSync(join(dir, 'deployment.json'), JSON.stringify(defs.shopDeployment, null, 2));
    writeFileSync(join(dir, 'staged.json'), JSON.stringify(defs.shopStaged, null, 2));
    const problems = [];
    for (const [kind, cliKind] of [['draft', 'deployment-draft'], ['update', 'deployment-update']]) {
      const all = sampleForCli(kind).map(({ v, encoding }, i) => {
        const path = join(dir, `${kind}-${i}.json`);
        writeFileSync(path, ENCODINGS[encoding](clone(v.value), v.sent));
        return { path, declared: v.declared, cls: { slot: v.slot, variant: v.variant, encoding } };
      });
      for (const [context, ctxArgs] of Object.entries(ctxFiles)) {
        // Without a context nothing says that a standard key is secured.
        const files = all.filter((f) => !(f.declared && context === 'no context'));
        for (const format of ['human', 'json', 'github', 'sarif', 'gitlab']) {
          const r = runCli(['validate', cliKind, ...ctxArgs, '--format', format, ...files.map((f) => f.path)], files, { context });
          // Every file must have been read: one status line or one JSON entry each (the other
          // formats list issues only, so they are searched for leaks, not counted).
          if (!['human', 'json'].includes(format)) continue;
          const seen = format === 'json'
            ? (() => { try { return JSON.parse(r.stdout).files.length; } catch { return -1; } })()
            : r.stdout.split('\n').filter((line) => /: (valid|invalid) \(\d+ errors?, \d+ warnings?\)$/.test(line)).length;
          if (seen !== files.length) problems.push(`${cliKind} ${context} --format ${format}: exit ${r.status}, ${seen} of ${files.length} files reported (${r.stderr.split('\n')[0].slice(0, 160)})`);
        }
      }
    }
    // Context files that are malformed JSON (or YAML) holding a secret.
    const malformed = [];
    const withSecret = (doc, path) => { const sent = sentinel(); const d = clone(doc); setAt(d, path, sent.s); return { d, sent }; };
    for (const [option, doc, path] of [
      ['--connector', defs.shopConnector, ['configurations', 0, 'securedConfiguration', 0, 'value']],
      ['--deployment', defs.shopDeployment, ['applications', 0, 'securedConfiguration', 0, 'value']],
      ['--connector-staged', defs.shopStaged, ['configurations', 0, 'securedConfiguration', 0, 'value']],
    ]) {
      for (const encoding of ['JSON text', ...TEXT_ENCODINGS]) {
        const { d, sent } = withSecret(doc, path);
        malformed.push({ option, encoding, text: ENCODINGS[encoding](d, sent) });
      }
    }
    const yamlSent = sentinel();
    const yamlBroken = defs.shopYaml.replace("description: the API client's secret", `description: the API client's secret\n          value: "${yamlSent.s}`);
    malformed.push({ option: '--connector', encoding: 'connect.yaml, an unterminated string after the secret', text: yamlBroken, file: 'connect.yaml' });
    malformed.push({ option: '--connector', encoding: 'connect.yaml, a tab after the secret', text: defs.shopYaml.replace("description: the API client's secret", `description: ${sentinel().s}\n\t  bad: [`), file: 'connect.yaml' });
    const payloads = { 'deployment-draft': join(dir, 'plain-draft.json'), 'deployment-update': join(dir, 'plain-update.json') };
    writeFileSync(payloads['deployment-draft'], JSON.stringify(draftBase()));
    writeFileSync(payloads['deployment-update'], JSON.stringify(updateBase()));
    malformed.forEach((m, i) => {
      const file = join(dir, `ctx-${i}-${m.file ?? 'context.json'}`);
      writeFileSync(file, m.text);
      const cliKind = m.option === '--deployment' ? 'deployment-update' : 'deployment-draft';
      for (const format of ['human', 'json', 'github', 'sarif', 'gitlab']) {
        runCli(['validate', cliKind, m.option, file, '--format', format, payloads[cliKind]], [{ path: payloads[cliKind] }],
          { slot: `context file ${m.option}`, variant: m.encoding, context: m.option, encoding: m.encoding });
      }
    });
    console.log(`CLI: ${cli.tried} placements in ${cli.runs} runs, ${cli.leaks.length} leaked`);
    assert.deepEqual(problems, [], 'the CLI did not report every file');
    assertNoLeak(cli.leaks, 'the CLI');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('totals: enough placements tried, none leaked', () => {
  const total = tally.tried + cli.tried;
  console.log(`leak test: ${tally.tried} library calls (${tally.threw} threw) and ${cli.tried} CLI placements tried; ${tally.leaked + cli.leaks.length} leaked`);
  assert.ok(tally.tried >= API_FLOOR, `only ${tally.tried} library placements tried (floor ${API_FLOOR})`);
  assert.ok(cli.tried >= CLI_FLOOR, `only ${cli.tried} CLI placements tried (floor ${CLI_FLOOR})`);
  assert.equal(tally.leaked + cli.leaks.length, 0, `leaks:\n${summarize([...tally.leaks, ...cli.leaks])}`);
  assert.ok(total > 0);
});
