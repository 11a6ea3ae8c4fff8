// Hostile JS values and oversized inputs against every public function of both builds (Node and
// web), in every argument position: no call may throw anything but a misuse Error (a payload
// position never throws), every report stays within the budgets of docs/api-notes.md, and after
// each class of inputs the instance is alive, its externref table has not grown past the
// warm-up size and its memory is at most 64 MiB. Also: the reproducer of the instance that died
// after ~1,000 throwing inputs, recovery from a trap (web/guard.js), and the exact budgets.
//
// Each build runs in a worker thread (both at once), so that a class that hangs or runs for
// minutes can be stopped: a class gets its deadline (60 s, a hang guard; 120 s for the huge inputs, the budgets
// and the loop), then the worker is ended, the class fails, and a new worker goes on with the
// next classes. The workers get the main thread's
// stack size (about 1 MB): with the 4 MB default of workers a JS stack overflow costs 20 times
// more. HOSTILE_ISOLATE=1 gives every class a fresh worker (to see which classes fail on their
// own rather than after an earlier one); HOSTILE_ONLY=regex runs only the matching tasks;
// HOSTILE_DEADLINE_MS changes the base deadline; HOSTILE_SHOW=n shows n problem lines per task.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker, isMainThread, workerData, parentPort } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { pkgDir, loadBuild, publicFunctions, JS_ONLY } from './pkgdir.mjs';
import { mulberry32 } from './seeded.mjs';
const { SHAPES, REPORTS } = await import(new URL('web/guard.js', pkgDir));

const MiB = 1024 * 1024;
const LIMITS = { memory: 64 * MiB, issues: 1001, param: 201, message: 1001 };
// A hang guard, not a speed target (speed is measured in bench/robustness.mjs): generous
// enough for a loaded 2-core machine.
const CLASS_DEADLINE_MS = Number(process.env.HOSTILE_DEADLINE_MS ?? 60000);
// Fewer generated cases than this (per build) means the generator lost coverage.
const CASE_FLOOR = 3900;
const SMALL_CLASS_MIN_CALLS = 300; // small classes are repeated up to this many calls, so a leak of one externref per call shows
const LOOP_CALLS = 2100;

// ---- Fixtures ------------------------------------------------------------------------------
const fixtures = new URL('../fixtures/', import.meta.url);
const defs = JSON.parse(readFileSync(new URL('defs/connectors.json', fixtures), 'utf8'));
const VALID_YAML = readFileSync(new URL('../../examples/connect-yaml/valid/connect.yaml', import.meta.url), 'utf8');
const STAGED_DRAFT = JSON.parse(readFileSync(new URL('../../examples/connector-staged-draft.json', import.meta.url), 'utf8'));
const clone = (v) => structuredClone(v);

const TRACKER_C = '550e8400-e29b-41d4-a716-446655440001';
const TRACKER_E = '550e8400-e29b-41d4-a716-446655440010';
const VALID = {
  draft: () => clone(defs.validDraft),
  update: () => ({ version: 4, actions: [{ action: 'redeploy', skipScripts: false, configurationValues: [
    { applicationName: 'service', standardConfiguration: [{ key: 'CTP_REGION', value: 'us-central1.gcp' }], securedConfiguration: [{ key: 'CTP_CLIENT_SECRET', value: 's' }] }],
  globalConfiguration: { standardConfiguration: [{ key: 'PROJECT_KEY', value: 'shop-2' }], securedConfiguration: [] } }] }),
  connectorUpdate: () => ({ version: 7, actions: [{ action: 'setName', name: 'Renamed' }, { action: 'setSupportedRegions', regions: ['europe-west1.gcp'] }] }),
  buildInput: () => ({ connector: { key: 'shop-connector' }, region: 'europe-west1.gcp',
    values: { service: { CTP_REGION: 'europe-west1.gcp', CTP_CLIENT_SECRET: 's' } }, globalValues: { PROJECT_KEY: 'shop', SHARED_SECRET: 's' } }),
  trayConnector: () => ({ name: 'acme-tmdb', version: '1.0', tags: ['service'], service: { name: 'tmdb', version: '1' } }),
  // The list response (an object: hostile members are put beside `data`, where JSON keeps them).
  records: () => ({ data: [{ componentId: TRACKER_C, environmentId: TRACKER_E, environmentName: 'prod', version: 'v1', status: 'succeeded', deployedAt: '2026-12-01T10:00:00Z' }], total: 1 }),
  report: () => ({ valid: false, errors: [{ code: 'InvalidField', message: "Field 'key' is invalid.", path: '/key', field: 'key', invalidValue: 'a b' }], warnings: [] }),
};

// Every function's arguments: role and a plausible valid value per position. Roles: 'value' and
// 'json' never throw; 'yaml' never throws for a string; the others may throw a misuse Error.
// `nest` is the valid structure hostile values are put inside when `valid` is not an object.
const SPECS = {
  connectYamlSchema: [{ role: 'any', valid: () => undefined }],
  validateKey: [{ role: 'value', valid: () => 'ab' }],
  validateProjectIdentifier: [{ role: 'value', valid: () => 'europe-west1.gcp:shop-prod' }],
  canRedeploy: [{ role: 'value', valid: () => 'Deployed' }],
  validateConnectYaml: [{ role: 'yaml', valid: () => VALID_YAML }],
  parseConnectYaml: [{ role: 'yaml', valid: () => VALID_YAML }],
  validateDeploymentDraft: [{ role: 'json', valid: VALID.draft },
    { role: 'context', valid: () => undefined, nest: () => ({ connectYaml: defs.shopYaml, connector: clone(defs.shopConnector) }) }],
  validateDeploymentUpdate: [{ role: 'json', valid: VALID.update },
    { role: 'context', valid: () => undefined, nest: () => ({ deployment: clone(defs.shopDeployment), connectYaml: defs.shopYaml }) }],
  validateConnectorStagedDraft: [{ role: 'json', valid: () => clone(STAGED_DRAFT) }],
  validateConnectorUpdate: [{ role: 'json', valid: VALID.connectorUpdate },
    { role: 'context', valid: () => undefined, nest: () => ({ connectorStaged: clone(defs.shopStaged) }) }],
  buildDeploymentDraft: [{ role: 'json', valid: VALID.buildInput },
    { role: 'source', valid: () => defs.shopYaml, nest: () => clone(defs.shopConnector) }],
  buildConnectorUpdateActions: [{ role: 'object', valid: () => clone(defs.shopStaged) }, { role: 'object', valid: () => clone(defs.privateStaged) }],
  applyConnectorUpdate: [{ role: 'object', valid: () => clone(defs.shopStaged) }, { role: 'json', valid: VALID.connectorUpdate }],
  checkTransition: [{ role: 'machine', valid: () => 'connectDeployment' }, { role: 'value', valid: () => 'Draft' }, { role: 'value', valid: () => 'Queued' }],
  allowedTransitions: [{ role: 'machine', valid: () => 'connectDeployment' }, { role: 'any', valid: () => 'Deployed' }],
  toErrorResponse: [{ role: 'any', valid: VALID.report }],
  validateTrayConnector: [{ role: 'json', valid: VALID.trayConnector }],
  trayDeployPath: [{ role: 'value', valid: () => 'acme-tmdb' }, { role: 'value', valid: () => '1.0' }],
  trayStatusPath: [{ role: 'value', valid: () => 'acme-tmdb' }, { role: 'value', valid: () => '1.0' }, { role: 'value', valid: () => 'latest' }],
  // A zip of 604 bytes: a body without warnings of its own.
  validateTrayDeployRequest: [{ role: 'json', valid: () => ({ connectorSourceCode: Buffer.from([0x50, 0x4b, 3, 4, ...new Array(600).fill(0)]).toString('base64') }) }, { role: 'json', valid: VALID.trayConnector }],
  validateTrayDeploymentResponse: [{ role: 'json', valid: () => ({ id: TRACKER_C, deploymentStatus: 'Deployed', connectorName: 'acme-tmdb', connectorVersion: '1.0' }) }],
  validateTrackerDeployment: [{ role: 'json', valid: () => ({ componentId: TRACKER_C, environmentId: TRACKER_E, version: 'v1', metadata: { run: 1 } }) }],
  validateTrackerStatusUpdate: [{ role: 'json', valid: () => ({ status: 'in_progress' }) }, { role: 'any', valid: () => 'pending' }],
  normalizeTrackerQuery: [{ role: 'json', valid: () => ({ skip: 0, take: 20, status: 'succeeded' }) }],
  trackerMatrix: [{ role: 'json', valid: VALID.records }],
  trackerLatest: [{ role: 'json', valid: VALID.records }, { role: 'value', valid: () => TRACKER_C }],
};
// A function the table does not know yet: three positions that may throw a misuse Error.
const UNKNOWN_SPEC = [{ role: 'any', valid: () => undefined }, { role: 'any', valid: () => undefined }, { role: 'any', valid: () => undefined }];
// Which functions answer with a Report, and which wrap one: the guard's own tables.
const REPORT_FNS = new Set([...REPORTS].filter((fn) => fn !== '__forceTrap'));
const WRAPPED = Object.fromEntries(Object.entries(SHAPES).map(([fn, shape]) => [fn, Object.keys(shape(null)).find((k) => k !== 'report')]));

// ---- Hostile values --------------------------------------------------------------------------
const OWN = new WeakSet(); // every object we throw, to recognise it if it comes back out
const own = (v) => { if ((typeof v === 'object' && v !== null) || typeof v === 'function') OWN.add(v); return v; };
const TRAPS = Object.getOwnPropertyNames(Reflect).filter((k) => typeof Reflect[k] === 'function');
const allThrowing = Object.fromEntries(TRAPS.map((trap) => [trap, () => { throw own(new Error(`HOSTILE ${trap} trap`)); }]));
const revoked = (target = {}) => { const r = Proxy.revocable(target, {}); r.revoke(); return r.proxy; };
// What a getter, a trap or toJSON throws.
const THROWN = {
  'an Error': () => own(new Error('HOSTILE error')),
  'a TypeError': () => own(new TypeError('HOSTILE type error')),
  'a string': () => 'HOSTILE string',
  'a number': () => 4242,
  undefined: () => undefined,
  null: () => null,
  'a Symbol': () => Symbol('HOSTILE'),
  'a BigInt': () => 77n,
  'an Error whose message getter throws': () => { const e = new Error('x'); Object.defineProperty(e, 'message', { get() { throw own(new Error('HOSTILE message getter')); } }); return own(e); },
  'an Error whose message is an object': () => { const e = new Error('x'); Object.defineProperty(e, 'message', { value: { HOSTILE: true } }); return own(e); },
  'an Error whose message is a Symbol': () => { const e = new Error('x'); Object.defineProperty(e, 'message', { value: Symbol('m') }); return own(e); },
  'an Error that is a throwing Proxy': () => own(new Proxy(new Error('x'), allThrowing)),
  'a revoked Proxy': () => revoked(),
  'a plain object with a message': () => own({ message: 'HOSTILE object' }),
};
const TYPED = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array];
class Custom { constructor() { this.a = 1; } }
const EXOTIC = {
  Map: () => new Map([['a', 1]]), Set: () => new Set([1]), WeakMap: () => new WeakMap(), 'invalid Date': () => new Date(NaN), Date: () => new Date(0),
  RegExp: () => /x/g, Promise: () => Promise.resolve(1), function: () => () => 1, 'class instance': () => new Custom(), Error: () => new Error('e'),
  'boxed string': () => new String('ab'), 'boxed number': () => new Number(1), 'null prototype': () => Object.create(null),
  'frozen array': () => Object.freeze([1, 2]), generator: () => (function* g() { yield 1; })(), WeakRef: () => new WeakRef({}),
  'toJSON returning a BigInt': () => ({ toJSON: () => 5n }), 'toJSON returning a revoked Proxy': () => ({ toJSON: () => revoked() }),
  'toJSON returning itself': () => { const o = { toJSON: () => o }; return o; }, NaN: () => NaN, Infinity: () => -Infinity,
  'lone surrogate': () => '\ud800', 'array with holes': () => [1, , 3], 'array with a toJSON that throws': () => Object.assign([1], { toJSON() { throw own(new Error('HOSTILE')); } }),
};
function deep(n, arrays) {
  let v = {};
  for (let i = 0; i < n; i++) v = arrays && i % 2 ? [v] : { a: v };
  return v;
}
const DEEP = { 1e4: deep(1e4, true), 1e5: deep(1e5, false) };
const lazy = (f) => { let v; return () => (v ??= f()); };
const BIG = {
  s10: lazy(() => 'x'.repeat(1e7)),
  s11: lazy(() => 'y'.repeat(11e6)),
  typed: lazy(() => new Uint8Array(1e7)),
  sparse: lazy(() => new Array(1e6)),
  array: lazy(() => Array.from({ length: 1e6 }, (_, i) => i)),
  keys: lazy(() => Object.fromEntries(Array.from({ length: 1e6 }, (_, i) => [`f${i}`, i]))),
};

// connect.yaml alias bombs: by nodes (billion laughs) and by bytes (one 0.7 MB scalar aliased).
const laughs = ['lol0: &a0 [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `lol${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`)].join('\n');
const BOMBS = {
  'billion laughs (9^9 nodes)': () => `${laughs}\n${VALID_YAML}`,
  'billion laughs inside deployAs': () => `deployAs:\n  - name: s1\n    applicationType: service\n    endpoint: /s\n    x-bomb: &b0 [y, y, y, y, y, y, y, y, y, y]\n${
    Array.from({ length: 7 }, (_, i) => `    x-b${i + 1}: &b${i + 1} [${Array(10).fill(`*b${i}`).join(', ')}]`).join('\n')}\n`,
  '0.7 MB scalar aliased 2 times': () => `big: &big "${'z'.repeat(700_000)}"\ncopies: [*big, *big]\n${VALID_YAML}`,
  '0.7 MB scalar aliased 64 times': () => `big: &big "${'z'.repeat(700_000)}"\ncopies: [${Array(64).fill('*big').join(', ')}]\n${VALID_YAML}`,
  '0.7 MB scalar aliased as a description': () => `x: &d "${'w'.repeat(700_000)}"\n${VALID_YAML.replace("the payment provider's API key", '*d')}`.replace('description: *d', 'description: *d\n          x-again: [*d, *d]'),
};

// Long application names multiplied by many keys, with and without a connect.yaml declaring them.
const longName = (n) => 'a'.repeat(n);
const manyEntries = (prefix, n) => Array.from({ length: n }, (_, i) => ({ key: `${prefix}_${i}`, value: 'v' }));
const yamlDeclaring = (name, keys) => `deployAs:\n  - name: ${name}\n    applicationType: service\n    endpoint: /s\n    configuration:\n      standardConfiguration:\n${
  Array.from({ length: keys }, (_, i) => `        - key: STD_${i}\n          description: d\n          required: true\n`).join('')}      securedConfiguration:\n${
  Array.from({ length: keys }, (_, i) => `        - key: SEC_${i}\n          description: d\n          required: true\n`).join('')}`;
const yamlKeys = (len, count) => `deployAs:\n  - name: app\n    applicationType: service\n    endpoint: /s\n    configuration:\n      standardConfiguration:\n${
  Array.from({ length: count }, (_, i) => `        - key: K${'k'.repeat(len)}${i}\n          description: d\n`).join('')}`;
const draftWithApp = (name, n) => ({ connector: { key: 'shop-connector' }, region: 'europe-west1.gcp',
  configurations: [{ applicationName: name, standardConfiguration: manyEntries('UNKNOWN_STD', n), securedConfiguration: manyEntries('UNKNOWN_SEC', n) }] });

// ---- Placing a value inside a structure --------------------------------------------------------
const isObj = (v) => typeof v === 'object' && v !== null;
function pathsOf(root, maxDepth) {
  const out = [];
  const walk = (v, path) => {
    if (path.length >= maxDepth || !isObj(v)) return;
    for (const k of Array.isArray(v) ? v.keys() : Object.keys(v)) {
      out.push([...path, k]);
      walk(v[k], [...path, k]);
    }
  };
  walk(root, []);
  return out;
}
function parentOf(root, path) {
  let v = root;
  for (const k of path.slice(0, -1)) v = v[k];
  return v;
}
const setAt = (root, path, value) => { parentOf(root, path)[path.at(-1)] = value; return root; };
const getterAt = (root, path, thrown) => {
  Object.defineProperty(parentOf(root, path), path.at(-1), { enumerable: true, configurable: true, get() { const t = thrown(); throw t; } });
  return root;
};
function sample(rng, list, n) {
  const copy = [...list];
  const out = [];
  while (out.length < n && copy.length) out.push(copy.splice(Math.floor(rng() * copy.length), 1)[0]);
  return out;
}
const hash = (s) => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 7);
const pathLabel = (p) => `/${p.join('/')}`;

// ---- The classes ---------------------------------------------------------------------------
// Each class gives, for one position (ctx), a list of [label, make]; make() returns the argument.
// ctx: { base() (a fresh valid structure), paths (its paths of depth 1..3), rng, role, spec }.
function nested(ctx, n = 2) {
  const byDepth = [1, 2, 3].map((d) => sample(ctx.rng, ctx.paths.filter((p) => p.length === d), d === 1 ? 1 : n));
  return byDepth.flat();
}
const anyThrown = (rng) => { const names = Object.keys(THROWN); return names[Math.floor(rng() * names.length)]; };
const SMALL = {
  'throwing getter': (ctx) => [
    ...Object.entries(THROWN).map(([what, thrown]) => [`root getter throws ${what}`, () => getterAt(ctx.base(), ctx.paths[0], thrown)]),
    ...nested(ctx).map((p) => { const what = anyThrown(ctx.rng); return [`getter at ${pathLabel(p)} throws ${what}`, () => getterAt(ctx.base(), p, THROWN[what])]; }),
  ],
  'Proxy whose every trap throws': (ctx) => [
    ['root (object target)', () => new Proxy({}, allThrowing)], ['root (array target)', () => new Proxy([], allThrowing)],
    ['root (function target)', () => new Proxy(() => 1, allThrowing)], ['root (over the valid value)', () => new Proxy(ctx.base(), allThrowing)],
    ...nested(ctx).map((p) => [`at ${pathLabel(p)}`, () => setAt(ctx.base(), p, new Proxy(isObj(parentOf(ctx.base(), p)[p.at(-1)]) ? {} : [], allThrowing))]),
  ],
  'Proxy with one throwing trap': (ctx) => TRAPS.map((trap) => {
    const what = anyThrown(ctx.rng);
    return [`${trap} throws ${what}`, () => new Proxy(ctx.base(), { [trap]() { throw THROWN[what](); } })];
  }),
  'revoked Proxy': (ctx) => [
    ['root (object)', () => revoked({})], ['root (array)', () => revoked([])], ['root (function)', () => revoked(() => 1)],
    ...nested(ctx, 3).map((p) => [`at ${pathLabel(p)}`, () => setAt(ctx.base(), p, revoked(ctx.rng() < 0.5 ? {} : []))]),
  ],
  'throwing toJSON': (ctx) => [
    ...Object.entries(THROWN).map(([what, thrown]) => [`root toJSON throws ${what}`, () => Object.assign(ctx.base(), { toJSON() { throw thrown(); } })]),
    ...nested(ctx).map((p) => { const what = anyThrown(ctx.rng); return [`toJSON at ${pathLabel(p)} throws ${what}`, () => setAt(ctx.base(), p, { toJSON() { throw THROWN[what](); } })]; }),
  ],
  cyclic: (ctx) => [
    ['root refers to itself', () => { const r = ctx.base(); r.self = r; return r; }],
    ['root array holds itself', () => { const a = [ctx.base()]; a.push(a); return a; }],
    ...nested(ctx).map((p) => [`${pathLabel(p)} refers to the root`, () => { const r = ctx.base(); return setAt(r, p, { back: r }); }]),
    ...nested(ctx, 1).map((p) => [`${pathLabel(p)} refers to its parent`, () => { const r = ctx.base(); return setAt(r, p, [parentOf(r, p)]); }]),
  ],
  BigInt: (ctx) => [
    ['root 10n', () => 10n], ['root -(2^80)', () => -(2n ** 80n)], ['root Object(1n)', () => Object(1n)],
    ...nested(ctx, 3).map((p) => [`${pathLabel(p)} = 123n`, () => setAt(ctx.base(), p, 123n)]),
  ],
  Symbol: (ctx) => [
    ['root Symbol()', () => Symbol('s')], ['root Symbol.iterator', () => Symbol.iterator], ['root Object(Symbol())', () => Object(Symbol('b'))],
    ...nested(ctx, 3).map((p) => [`${pathLabel(p)} = Symbol()`, () => setAt(ctx.base(), p, Symbol('n'))]),
    ['a Symbol-keyed throwing getter', () => { const r = ctx.base(); if (isObj(r)) Object.defineProperty(r, Symbol('k'), { enumerable: true, get() { throw own(new Error('HOSTILE')); } }); return r; }],
  ],
  'typed arrays and buffers': (ctx) => [
    ...TYPED.map((T) => [`root ${T.name}(16)`, () => new T(16)]),
    ['root DataView', () => new DataView(new ArrayBuffer(8))], ['root ArrayBuffer', () => new ArrayBuffer(8)],
    ['root SharedArrayBuffer', () => new SharedArrayBuffer(8)], ['root Buffer', () => Buffer.from('ab')],
    ...nested(ctx, 3).map((p) => { const T = TYPED[Math.floor(ctx.rng() * TYPED.length)]; return [`${pathLabel(p)} = ${T.name}(4)`, () => setAt(ctx.base(), p, new T(4))]; }),
    ...nested(ctx, 1).map((p) => [`${pathLabel(p)} = ArrayBuffer`, () => setAt(ctx.base(), p, new ArrayBuffer(4))]),
  ],
  'exotic objects': (ctx) => [
    ...Object.entries(EXOTIC).map(([what, make]) => [`root ${what}`, make]),
    ...nested(ctx, 3).map((p) => { const names = Object.keys(EXOTIC); const what = names[Math.floor(ctx.rng() * names.length)]; return [`${pathLabel(p)} = ${what}`, () => setAt(ctx.base(), p, EXOTIC[what]())]; }),
  ],
  'deep objects (10^4 and 10^5)': (ctx) => [
    ['root depth 10^4', () => DEEP[1e4]], ['root depth 10^5', () => DEEP[1e5]],
    ...nested(ctx, 1).flatMap((p) => [[`${pathLabel(p)} depth 10^4`, () => setAt(ctx.base(), p, DEEP[1e4])], [`${pathLabel(p)} depth 10^5`, () => setAt(ctx.base(), p, DEEP[1e5])]]),
  ],
  'connect.yaml alias bombs': (ctx) => Object.entries(BOMBS).map(([what, make]) => [what, () => (ctx.role === 'context' ? { connectYaml: make() } : make())]),
};
// Large classes: one position per function (rotating over the positions from class to class).
const LARGE = {
  'string 10 MB': () => BIG.s10(),
  'string 11 MB': () => BIG.s11(),
  'Uint8Array(1e7)': () => BIG.typed(),
  'sparse array new Array(1e6)': () => BIG.sparse(),
  'array of 10^6 numbers': () => BIG.array(),
  'object with 10^6 keys': () => BIG.keys(),
};
const LARGE_NAMES = Object.keys(LARGE);
const ADDED = []; // the keys of a valid value merged into BIG.keys() for the call running
const OTHER_TASKS = ['long application name x many keys', '10^6 unknown top-level fields'];
const CLASSES = [...Object.keys(SMALL), ...LARGE_NAMES, ...OTHER_TASKS];
// The functions the guard answers in JS for a clean payload object (web/guard.js).
const PREFILTERED = new Set(['validateDeploymentDraft', 'validateConnectorStagedDraft', 'validateTrayConnector', 'validateTrayDeployRequest',
  'validateTrayDeploymentResponse', 'validateTrackerDeployment', 'validateTrackerStatusUpdate']);
const ALL_TASKS = [...CLASSES, 'budgets', `${LOOP_CALLS} throwing inputs in a row`, 'trap and recovery (guard)'];
// HOSTILE_ONLY=regex runs only the matching tasks (for debugging; the case floor then fails).
const TASKS = process.env.HOSTILE_ONLY ? ALL_TASKS.filter((t) => new RegExp(process.env.HOSTILE_ONLY).test(t)) : ALL_TASKS;

function positions(fns) {
  return fns.flatMap((fn, f) => (SPECS[fn] ?? UNKNOWN_SPEC).map((spec, pos) => ({ fn, f, pos, spec, all: SPECS[fn] ?? UNKNOWN_SPEC })));
}
const validArgs = (all) => all.map((s) => s.valid());
function ctxFor({ fn, pos, spec }, cls) {
  const nestBase = spec.nest ?? (isObj(spec.valid()) ? spec.valid : () => ({ value: spec.valid(), inner: { value: spec.valid(), list: [spec.valid()] } }));
  return { base: nestBase, paths: pathsOf(nestBase(), 3), rng: mulberry32(hash(`${cls}|${fn}|${pos}`)), role: spec.role, spec };
}

/** Every case of a class: { fn, pos, role, label, args() }. */
function casesOf(cls, fns) {
  const out = [];
  const add = (p, label, make) => out.push({ fn: p.fn, pos: p.pos, role: p.spec.role, label, args: () => { const a = validArgs(p.all); a[p.pos] = make(); return a; } });
  if (SMALL[cls]) {
    for (const p of positions(fns)) for (const [label, make] of SMALL[cls](ctxFor(p, cls))) add(p, label, make);
  } else if (LARGE[cls]) {
    const k = LARGE_NAMES.indexOf(cls);
    fns.forEach((fn, f) => {
      const all = SPECS[fn] ?? UNKNOWN_SPEC;
      const pos = (k + f) % all.length;
      const p = { fn, pos, spec: all[pos], all };
      add(p, `${cls} at #${pos + 1}`, () => { const v = LARGE[cls](); return p.spec.role === 'context' && typeof v === 'string' ? { connectYaml: v } : v; });
    });
  } else if (cls === 'long application name x many keys') {
    for (const n of [1e5, 1e6]) {
      const name = longName(n);
      const tag = n === 1e5 ? '100 KB' : '1 MB';
      const call = (fn, label, ...args) => { if (fns.includes(fn)) out.push({ fn, pos: 0, role: 'json', label: `${tag} name, ${label}`, args: () => args.map((a) => (typeof a === 'function' ? a() : a)) }); };
      const yaml = lazy(() => yamlDeclaring(name, 750));
      const draft = lazy(() => draftWithApp(name, 1500));
      call('validateDeploymentDraft', '1,500+1,500 keys, no context', draft);
      call('validateDeploymentDraft', '1,500+1,500 keys, shop connect.yaml', draft, () => ({ connectYaml: defs.shopYaml }));
      call('validateDeploymentDraft', '1,500+1,500 unknown keys, 750+750 missing, connect.yaml declaring the name', draft, () => ({ connectYaml: yaml() }));
      call('validateDeploymentDraft', 'as JSON text, connect.yaml declaring the name', () => JSON.stringify(draft()), () => ({ connectYaml: yaml() }));
      call('validateDeploymentDraft', '1,000 entries all with that name', () => ({ ...draft(), configurations: Array(1000).fill({ applicationName: name, standardConfiguration: [], securedConfiguration: [] }) }));
      call('validateDeploymentDraft', '1,200 entries, every key of the name too long', () => ({ ...draft(), configurations: [{ applicationName: 'service', standardConfiguration: Array.from({ length: 1200 }, (_, i) => ({ key: `${name.slice(0, n / 100)}${i}`, value: 'v' })), securedConfiguration: [] }] }), () => ({ connectYaml: defs.shopYaml }));
      call('validateDeploymentUpdate', 'redeploy of 1,500+1,500 keys, deployment + connect.yaml declaring the name',
        () => ({ version: 4, actions: [{ action: 'redeploy', configurationValues: draft().configurations }] }), () => ({ deployment: clone(defs.shopDeployment), connectYaml: yaml() }));
      call('validateDeploymentUpdate', 'redeploy of 1,500+1,500 keys, no context', () => ({ version: 4, actions: [{ action: 'redeploy', configurationValues: draft().configurations }] }), undefined);
      const values = () => Object.fromEntries([...manyEntries('STD', 750), ...manyEntries('SEC', 750), ...manyEntries('UNKNOWN', 1500)].map((e) => [e.key, 7]));
      call('buildDeploymentDraft', 'values of 3,000 keys, shop source', () => ({ connector: { key: 'c' }, region: 'europe-west1.gcp', values: { [name]: values() } }), defs.shopYaml);
      call('validateConnectYaml', 'connect.yaml with 750+750 keys', yaml);
      call('parseConnectYaml', 'connect.yaml with 750+750 keys', yaml);
      call('validateConnectYaml', `1,000 keys of ${n / 200} characters`, () => yamlKeys(n / 200, 1000));
      call('parseConnectYaml', `1,000 keys of ${n / 200} characters`, () => yamlKeys(n / 200, 1000));
      for (const fn of fns) if (!['validateDeploymentDraft', 'validateDeploymentUpdate', 'buildDeploymentDraft', 'validateConnectYaml', 'parseConnectYaml'].includes(fn)) {
        const all = SPECS[fn] ?? UNKNOWN_SPEC;
        out.push({ fn, pos: 0, role: all[0].role, label: `${tag} name, the whole draft by mistake`, args: () => { const a = validArgs(all); a[0] = draft(); return a; } });
      }
    }
  } else if (cls === '10^6 unknown top-level fields') {
    for (const p of positions(fns)) {
      if (p.pos !== 0 && p.spec.role !== 'json') continue; // one position per function (the payload where there is one)
      if (p.pos === 0 && (p.all.some((s) => s.role === 'json') && p.spec.role !== 'json')) continue;
      out.push({ fn: p.fn, pos: p.pos, role: p.spec.role, label: 'valid value plus 10^6 unknown fields', args: () => {
        const a = validArgs(p.all);
        const big = BIG.keys();
        for (const k of ADDED.splice(0)) delete big[k];
        const v = a[p.pos];
        if (isObj(v)) { ADDED.push(...Object.keys(v)); Object.assign(big, v); }
        a[p.pos] = big;
        return a;
      } });
    }
  }
  return out;
}

// ---- Checking one result ---------------------------------------------------------------------
const isReport = (r) => isObj(r) && typeof r.valid === 'boolean' && Array.isArray(r.errors) && Array.isArray(r.warnings);
const UNREADABLE = new Set(['throwing getter', 'Proxy whose every trap throws', 'revoked Proxy', 'throwing toJSON', 'cyclic', 'BigInt']);
// A misuse Error: exactly an Error (not a RuntimeError, TypeError, RangeError, ...) with a string message.
const isPlainError = (e) => { try { return e instanceof Error && Object.getPrototypeOf(e) === Error.prototype && typeof e.message === 'string'; } catch { return false; } };
const describeThrown = (e) => {
  try {
    if (e instanceof Error) return `${Object.getPrototypeOf(e)?.constructor?.name}: ${String(e.message).slice(0, 160)}`;
    return `a non-Error (${typeof e}: ${String(e).slice(0, 60)})`;
  } catch { return 'an unprintable value'; }
};

/** Problems with a report (budgets, invalidValue, InternalError), as [text, detail]. */
function reportProblems(r, where) {
  const out = [];
  if (!isReport(r)) return [[`${where} is not a Report`, JSON.stringify(r)?.slice(0, 100)]];
  if (r.valid !== (r.errors.length === 0)) out.push([`${where}: valid disagrees with errors`, `valid ${r.valid}, ${r.errors.length} errors`]);
  const all = [...r.errors, ...r.warnings];
  if (all.length > LIMITS.issues) out.push([`${where}: more than ${LIMITS.issues} issues`, `${all.length} issues`]);
  const tooMany = all.filter((i) => i?.code === 'TooManyIssues');
  if (tooMany.length > 1) out.push([`${where}: more than one TooManyIssues issue`, `${tooMany.length}`]);
  for (const t of tooMany) if (!Number.isInteger(t.omittedErrors) || !Number.isInteger(t.omittedWarnings)) out.push([`${where}: TooManyIssues without integer omittedErrors/omittedWarnings`, JSON.stringify(t).slice(0, 100)]);
  const seen = new Set();
  const once = (text, detail) => { if (!seen.has(text)) { seen.add(text); out.push([text, detail]); } };
  for (const issue of all.slice(0, 5000)) {
    if (!isObj(issue) || typeof issue.code !== 'string' || typeof issue.message !== 'string' || typeof issue.path !== 'string') { once(`${where}: an issue without code/message/path`, JSON.stringify(issue)?.slice(0, 100)); continue; }
    if (issue.code === 'InternalError') once(`${where}: InternalError`, issue.message.slice(0, 100));
    if (issue.message.length > LIMITS.message) once(`${where}: ${issue.code} message over ${LIMITS.message} chars`, `${issue.message.length} chars`);
    for (const [name, value] of Object.entries(issue)) {
      if (['code', 'message', 'path', 'line', 'column'].includes(name)) continue;
      if (name === 'invalidValue' && isObj(value)) once(`${where}: ${issue.code} invalidValue is ${Array.isArray(value) ? 'an array' : 'an object'}`, JSON.stringify(value)?.slice(0, 60));
      const strings = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((x) => typeof x === 'string') : [];
      for (const str of strings) if (str.length > LIMITS.param) { once(`${where}: ${issue.code} param ${name} over ${LIMITS.param} chars`, `${str.length} chars`); break; }
    }
  }
  return out;
}

function wasmState(build) {
  if (typeof build.glue.__exports === 'function') {
    const ex = build.glue.__exports();
    return { memory: ex.memory.buffer.byteLength, table: ex.__wbindgen_externrefs.length, exports: ex };
  }
  // The current web glue returns its live exports from initSync; used only to measure while
  // the contract's __exports() is missing (which is itself reported).
  if (build.name === 'web' && typeof build.glue.initSync === 'function') {
    try { const ex = build.glue.initSync(); return { memory: ex.memory.buffer.byteLength, table: ex.__wbindgen_externrefs.length, exports: ex, fallback: true }; } catch { /* dead */ }
  }
  return null;
}

// ---- The worker: runs tasks on one build ------------------------------------------------------
async function worker({ buildName, tasks }) {
  const build = await loadBuild(buildName);
  const { api } = build;
  const fns = publicFunctions(api);
  const post = (m) => parentPort.postMessage(m);
  const counts = Object.fromEntries(CLASSES.map((c) => [c, casesOf(c, fns).length]));
  post({ type: 'hello', fns, counts, unknown: fns.filter((f) => !SPECS[f]) });

  // Warm-up: every function with valid arguments, a few times; then the table's size is the baseline.
  const warm = () => { for (const p of positions(fns)) if (p.pos === 0) for (let i = 0; i < 3; i++) try { api[p.fn](...validArgs(p.all)); } catch { /* misuse for unknown functions */ } };
  warm();
  const baseline = wasmState(build);

  for (const task of tasks) {
    post({ type: 'start', task });
    const problems = new Map(); // text -> { count, example }
    let answerProblems = 0; // problems with an answer itself (not the memory it left behind)
    const problem = (text, example = '') => {
      const p = problems.get(text) ?? { count: 0, example: String(example).slice(0, 240) };
      p.count++;
      problems.set(text, p);
      if (!text.startsWith('wasm memory')) answerProblems++;
    };
    const stats = { calls: 0, maxMemory: 0, maxTable: 0 };
    const measure = (label) => {
      const s = wasmState(build);
      if (!s) return;
      stats.maxMemory = Math.max(stats.maxMemory, s.memory);
      stats.maxTable = Math.max(stats.maxTable, s.table);
      if (s.memory > LIMITS.memory) problem('wasm memory above 64 MiB (it never shrinks: the first call named is the one that grew it)', `${(s.memory / MiB).toFixed(0)} MiB after ${label}`);
    };
    const call = (c, label) => {
      let args;
      try { args = c.args(); } catch (e) { problem(`the test could not build the arguments: ${describeThrown(e)}`, label); return { ok: false }; }
      stats.calls++;
      let result;
      try {
        result = api[c.fn](...args);
      } catch (e) {
        const mustAnswer = c.role === 'value' || c.role === 'json' || (c.role === 'yaml' && typeof args[c.pos] === 'string');
        let what;
        if (OWN.has(e) || (typeof e === 'string' && e.startsWith('HOSTILE'))) what = `let the input's own exception through (${describeThrown(e)})`;
        else if (!isPlainError(e)) what = `threw ${describeThrown(e)}`;
        else if (e.code === 'InternalError') what = `threw InternalError (${String(e.message).slice(0, 80)})`;
        else if (mustAnswer) what = `threw on a payload: ${String(e.message).slice(0, 80)}`;
        if (what) problem(`${c.fn}#${c.pos + 1} ${what.replace(/\d+/g, 'N')}`, label);
        measure(label);
        return { ok: !what, threw: true };
      }
      const report = REPORT_FNS.has(c.fn) ? result : WRAPPED[c.fn] ? result?.report : isReport(result) ? result : isReport(result?.report) ? result.report : undefined;
      if (REPORT_FNS.has(c.fn) || WRAPPED[c.fn]) {
        if (WRAPPED[c.fn] && !(isObj(result) && WRAPPED[c.fn] in result)) problem(`${c.fn}#${c.pos + 1} result has no ${WRAPPED[c.fn]}`, label);
        for (const [text, detail] of reportProblems(report, `${c.fn}#${c.pos + 1}`)) problem(text, `${detail}: ${label}`);
        if (c.unreadable && (c.role === 'value' || c.role === 'json') && isReport(report) && report.valid) problem(`${c.fn}#${c.pos + 1} called an unreadable input valid`, label);
      } else if (report) {
        for (const [text, detail] of reportProblems(report, `${c.fn}#${c.pos + 1}`)) problem(text, `${detail}: ${label}`);
      }
      measure(label);
      return { ok: true, result, report };
    };
    const alive = (when) => {
      try {
        const r = api.validateKey('ab');
        if (r?.valid !== true) problem(`validateKey('ab') is not valid ${when}`, JSON.stringify(r)?.slice(0, 200));
      } catch (e) { problem(`the instance is dead ${when}: validateKey('ab') threw ${describeThrown(e)}`); }
    };
    const finish = (extra = {}) => {
      alive('after the class');
      const s = wasmState(build);
      if (!s || s.fallback) problem('glue.__exports() is missing: the wasm memory and the externref table cannot be read (the new contract has it)');
      if (s) { stats.maxTable = Math.max(stats.maxTable, s.table); stats.maxMemory = Math.max(stats.maxMemory, s.memory); }
      if (baseline && stats.maxTable > baseline.table) problem(`externref table grew from ${baseline.table} (after the warm-up) to ${stats.maxTable}`);
      post({ type: 'done', task, stats: { ...stats, baselineTable: baseline?.table, ...extra }, problems: [...problems].map(([text, p]) => ({ text, ...p })) });
    };
    try { api.validateKey('ab'); } catch (e) { problem(`the instance was already dead when this task started (${describeThrown(e)})`); }

    if (CLASSES.includes(task)) {
      const cases = casesOf(task, fns);
      for (const c of cases) c.unreadable = UNREADABLE.has(task) && !/Symbol-keyed/.test(c.label);
      const small = !!SMALL[task];
      let round = 0;
      do {
        for (const c of cases) {
          if (!small) post({ type: 'at', task, label: `${c.fn}#${c.pos + 1} ${c.label}` });
          call(c, `${c.fn}#${c.pos + 1} ${c.label}`);
        }
        round++;
      } while (small && stats.calls < SMALL_CLASS_MIN_CALLS && round < 10);
      if (ADDED.length) { const big = BIG.keys(); for (const k of ADDED.splice(0)) delete big[k]; }
      finish({ cases: cases.length });
    } else if (task === 'budgets') {
      budgets(api, fns, call, problem, (t) => post({ type: 'at', task, label: t }));
      finish();
    } else if (task.endsWith('throwing inputs in a row')) {
      const makers = {
        'throwing getter in a draft': () => getterAt(VALID.draft(), ['configurations', 0, 'securedConfiguration'], THROWN['an Error']),
        'revoked Proxy in a draft': () => setAt(VALID.draft(), ['connector'], revoked()),
        'revoked Proxy as the draft': () => revoked(),
        'toJSON throwing an Error whose message is not a string': () => ({ toJSON() { throw THROWN['an Error whose message is an object'](); } }),
        'toJSON throwing an Error whose message getter throws': () => ({ toJSON() { throw THROWN['an Error whose message getter throws'](); } }),
      };
      const payloadFns = positions(fns).filter((p) => p.spec.role === 'json');
      for (const [what, make] of Object.entries(makers)) {
        let firstBad = -1;
        for (let i = 0; i < LOOP_CALLS; i++) {
          const p = i % 2 ? payloadFns[(i >> 1) % payloadFns.length] : payloadFns.find((q) => q.fn === 'validateDeploymentDraft') ?? payloadFns[0];
          const c = { fn: p.fn, pos: p.pos, role: 'json', unreadable: true, args: () => { const a = validArgs(p.all); a[p.pos] = make(); return a; } };
          const before = answerProblems;
          const r = call(c, `${what}, call ${i + 1}`);
          if ((!r.ok || answerProblems > before) && firstBad < 0) { firstBad = i; problem(`${what}: the first bad answer came at call ${i + 1} of ${LOOP_CALLS}`); }
        }
        alive(`after ${LOOP_CALLS} calls with ${what}`);
      }
      finish();
    } else if (task.startsWith('trap and recovery')) {
      await trapTask(build, fns, problem);
      finish();
    }
  }
}

// The exact budgets, on every position that reads JSON or connect.yaml text.
function budgets(api, fns, call, problem, at) {
  const jsonPositions = positions(fns).filter((p) => p.spec.role === 'json');
  const yamlPositions = positions(fns).filter((p) => p.spec.role === 'yaml');
  const expectOne = (p, label, value, code) => {
    at(`${p.fn} ${label}`);
    const r = call({ fn: p.fn, pos: p.pos, role: p.spec.role, args: () => { const a = validArgs(p.all); a[p.pos] = value(); return a; } }, `${p.fn} ${label}`);
    if (!r.ok || r.threw) return;
    const all = r.report ? [...r.report.errors, ...r.report.warnings] : [];
    if (all.length !== 1 || all[0].code !== code) problem(`${p.fn}#${p.pos + 1} ${label}: expected exactly one ${code} issue, got ${all.length ? all.slice(0, 3).map((i) => i.code).join(', ') + (all.length > 3 ? `, … (${all.length})` : '') : 'none'}`);
    return r;
  };
  const pad = (text, bytes) => text.replace(/}\s*$/, `${' '.repeat(bytes - Buffer.byteLength(text))}}`);
  for (const p of jsonPositions) {
    const valid = p.spec.valid();
    const text = JSON.stringify(valid);
    expectOne(p, 'valid JSON padded to 11,000,000 bytes', () => pad(text, 11_000_000), 'InvalidJsonInput');
    expectOne(p, 'valid JSON padded to 5,242,881 bytes', () => pad(text, 5 * MiB + 1), 'InvalidJsonInput');
    expectOne(p, 'JSON text of 2,700,000 two-byte characters (5.4 MB of UTF-8)', () => JSON.stringify({ ...valid, x: 'é'.repeat(2_700_000) }), 'InvalidJsonInput');
    expectOne(p, 'a JS object whose JSON is 11 MB', () => ({ ...valid, x: 'x'.repeat(11_000_000) }), 'InvalidJsonInput');
    expectOne(p, 'JSON text of 300,000 nodes', () => JSON.stringify({ ...valid, x: Array(300_000).fill(0) }), 'InvalidJsonInput');
    expectOne(p, 'a JS object of 300,000 nodes', () => ({ ...valid, x: Array(300_000).fill(0) }), 'InvalidJsonInput');
    expectOne(p, 'JSON text nested 200 deep', () => JSON.stringify({ ...valid, x: deep(200, true) }), 'InvalidJsonInput');
    expectOne(p, 'a JS object nested 200 deep', () => ({ ...valid, x: deep(200, false) }), 'InvalidJsonInput');
    // Under the budgets: read as usual.
    at(`${p.fn} 10,000,000 bytes`);
    const plain = call({ fn: p.fn, pos: p.pos, role: 'json', args: () => { const a = validArgs(p.all); a[p.pos] = text; return a; } }, `${p.fn} valid JSON`);
    const padded = call({ fn: p.fn, pos: p.pos, role: 'json', args: () => { const a = validArgs(p.all); a[p.pos] = pad(text, 5_000_000); return a; } }, `${p.fn} valid JSON padded to 5,000,000 bytes`);
    if (plain.report && padded.report && JSON.stringify(plain.report.errors.map((e) => e.code)) !== JSON.stringify(padded.report.errors.map((e) => e.code))) {
      problem(`${p.fn}#${p.pos + 1}: valid JSON padded to 5,000,000 bytes (under 5 MiB) is not read as usual: ${padded.report.errors.map((e) => e.code).join(', ')}`);
    }
    // 5,000 unknown fields: 1,000 issues and one TooManyIssues.
    at(`${p.fn} 5,000 unknown fields`);
    const many = call({ fn: p.fn, pos: p.pos, role: 'json', args: () => { const a = validArgs(p.all); a[p.pos] = { ...valid, ...Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`unknownField${i}`, i])) }; return a; } }, `${p.fn} 5,000 unknown fields`);
    if (many.report) {
      const all = [...many.report.errors, ...many.report.warnings];
      const t = all.filter((i) => i.code === 'TooManyIssues');
      const base = plain.report ? plain.report.errors.length + plain.report.warnings.length : 0;
      if (all.length !== 1001 || t.length !== 1 || t[0].omittedErrors + t[0].omittedWarnings + 1000 !== 5000 + base) {
        problem(`${p.fn}#${p.pos + 1} 5,000 unknown fields: expected 1,000 issues and one TooManyIssues (omitted ${5000 + base - 1000}), got ${all.length} issues${t.length ? `, omitted ${t[0].omittedErrors}+${t[0].omittedWarnings}` : ', no TooManyIssues'}`);
      }
    }
  }
  for (const p of yamlPositions) {
    expectOne(p, 'connect.yaml of 11 MB', () => `${VALID_YAML}# ${'c'.repeat(11_000_000)}\n`, 'InvalidYaml');
    expectOne(p, 'connect.yaml of 300,000 nodes', () => `${VALID_YAML}x-list: [${Array(300_000).fill('0').join(', ')}]\n`, 'InvalidYaml');
    expectOne(p, 'connect.yaml nested 200 deep', () => `${VALID_YAML}x-deep: ${'['.repeat(200)}${']'.repeat(200)}\n`, 'InvalidYaml');
    for (const [what, make] of Object.entries(BOMBS)) expectOne(p, what, make, 'InvalidYaml');
  }
  // Truncation: string params 200 characters plus '…', messages 1,000 plus '…', paths never cut.
  const r = api.validateKey('k'.repeat(5000));
  const issue = r.errors?.[0];
  if (issue?.invalidValue !== `${'k'.repeat(200)}…`) problem(`validateKey('k' x 5000): invalidValue is not the first 200 characters and '…' (${typeof issue?.invalidValue === 'string' ? `${issue.invalidValue.length} chars` : typeof issue?.invalidValue})`);
  const name = `field${'n'.repeat(5000)}`;
  const d = api.validateDeploymentDraft({ ...VALID.draft(), [name]: 1 });
  const unknown = d.warnings?.find((w) => w.code === 'UnknownField');
  if (unknown?.path !== `/${name}`) problem(`an unknown field with a 5,005-character name: path ${unknown ? `of ${unknown.path.length} chars` : 'missing'} (paths are never cut)`);
  if (unknown && unknown.field !== undefined && unknown.field !== `${name.slice(0, 200)}…`) problem(`an unknown field with a 5,005-character name: field param of ${String(unknown.field).length} chars, not 200 and '…'`);
}

async function trapTask(build, fns, problem) {
  const { api, glue } = build;
  if ('__forceTrap' in api) problem('the public entry exports __forceTrap (it must stay internal)');
  let guard;
  try { ({ guard } = await import(new URL('web/guard.js', pkgDir))); } catch (e) { problem(`web/guard.js cannot be imported: ${describeThrown(e)}`); return; }
  if (typeof guard !== 'function') { problem('web/guard.js exports no guard function'); return; }
  for (const name of ['__exports', '__reinstantiate']) if (typeof glue[name] !== 'function') problem(`glue.${name} is not a function`);
  // The guard wraps the glue's functions; the JS-only ones are not the glue's.
  const bound = fns.filter((fn) => !JS_ONLY.includes(fn));
  const g = guard(glue);
  for (const fn of bound) if (typeof g[fn] !== 'function') problem(`guard(glue) has no ${fn}`);
  if (typeof g.__forceTrap !== 'function') { problem('guard(glue) has no __forceTrap'); return; }
  const context = { connectYaml: defs.shopYaml };
  const before = api.validateDeploymentDraft(VALID.draft(), context);
  if (before.valid !== true) problem(`the fixtures' valid draft is not valid against shopYaml: ${JSON.stringify(before.errors.map((e) => e.code))}`);
  try { if (g.__forceTrap('no') !== undefined) problem("__forceTrap('no') does not return undefined"); } catch (e) { problem(`__forceTrap('no') threw ${describeThrown(e)}`); }
  for (let i = 0; i < 20; i++) {
    const exportsBefore = glue.__exports?.();
    let r;
    try { r = g.__forceTrap('trap'); } catch (e) { problem(`__forceTrap('trap') threw ${describeThrown(e)} instead of answering an InternalError report`); continue; }
    const ok = isReport(r) && r.valid === false && r.errors.length === 1 && r.warnings.length === 0
      && r.errors[0].code === 'InternalError' && typeof r.errors[0].message === 'string' && r.errors[0].message.length > 0 && r.errors[0].path === '';
    if (!ok) problem(`__forceTrap('trap') answered ${JSON.stringify(r)?.slice(0, 200)}, not { valid: false, errors: [InternalError at ''], warnings: [] }`);
    if (exportsBefore && glue.__exports?.() === exportsBefore) problem('after a trap the instance was not replaced (glue.__exports() is the same object)');
    try { if (api.validateKey('ab').valid !== true) problem('validateKey after a trap is not valid'); } catch (e) { problem(`validateKey after a trap threw ${describeThrown(e)}`); }
    try {
      const after = api.validateDeploymentDraft(VALID.draft(), context);
      assert.deepEqual(after, before);
    } catch (e) { problem(`validateDeploymentDraft after a trap: ${describeThrown(e).slice(0, 160)}`); }
  }
  // Misuse is not a failure inside wasm: it throws, and the instance is kept.
  const kept = glue.__exports?.();
  try { g.validateDeploymentDraft({}, 'context'); problem('misuse (a string context) did not throw through guard()'); } catch (e) {
    if (!(e instanceof Error) || !/context must be an object/.test(e.message)) problem(`misuse through guard() threw ${describeThrown(e)}`);
  }
  if (kept && glue.__exports?.() !== kept) problem('misuse re-instantiated the module');
  const s = wasmState(build);
  if (s && s.memory > LIMITS.memory) problem(`memory ${s.memory} after the traps`);

  // A failure in every function: answered in its own shape, the module replaced each time, then normal answers.
  let reinstantiated = 0;
  const fake = {};
  for (const k of Object.keys(glue)) fake[k] = glue[k];
  const failing = new Set(bound);
  fake.__reinstantiate = (...a) => { reinstantiated++; return glue.__reinstantiate(...a); };
  for (const fn of bound) fake[fn] = (...a) => { if (failing.has(fn)) { failing.delete(fn); throw new WebAssembly.RuntimeError('unreachable'); } return glue[fn](...a); };
  let gf;
  try { gf = guard(fake); } catch (e) { problem(`guard() of a glue copy threw ${describeThrown(e)}`); return; }
  for (const fn of bound) {
    const all = SPECS[fn];
    if (!all) continue;
    const before = reinstantiated;
    const args = validArgs(all);
    // A clean payload object is answered by the guard's pre-filter without the module
    // (web/guard.js, PREFILTERS): as JSON text it reaches the module, and the trap.
    if (PREFILTERED.has(fn) && typeof args[0] === 'object' && args[0] !== null) args[0] = JSON.stringify(args[0]);
    let r;
    let err;
    try { r = gf[fn](...args); } catch (e) { err = e; }
    const isInternal = (rep) => isReport(rep) && rep.valid === false && rep.errors.length === 1 && rep.errors[0].code === 'InternalError' && rep.errors[0].path === '' && rep.warnings.length === 0;
    if (REPORT_FNS.has(fn)) { if (!isInternal(r)) problem(`a trap in ${fn}: answered ${err ? `a throw (${describeThrown(err)})` : JSON.stringify(r)?.slice(0, 120)}, not the InternalError report`); }
    else if (WRAPPED[fn]) { if (!(isObj(r) && r[WRAPPED[fn]] === null && isInternal(r.report))) problem(`a trap in ${fn}: answered ${err ? `a throw (${describeThrown(err)})` : JSON.stringify(r)?.slice(0, 120)}, not { ${WRAPPED[fn]}: null, report: InternalError }`); }
    else if (!(err instanceof Error && err.code === 'InternalError')) problem(`a trap in ${fn}: ${err ? `threw ${describeThrown(err)} without code 'InternalError'` : 'did not throw'}`);
    if (reinstantiated !== before + 1) problem(`a trap in ${fn}: __reinstantiate called ${reinstantiated - before} times, not once`);
    try { const again = gf[fn](...validArgs(all)); if (REPORT_FNS.has(fn) && !isReport(again)) problem(`${fn} after its trap: not a report`); } catch (e) { problem(`${fn} after its trap threw ${describeThrown(e)}`); }
  }
}

if (!isMainThread) {
  worker(workerData).catch((e) => parentPort.postMessage({ type: 'crash', error: describeThrown(e), stack: e?.stack }));
}

// ---- The main thread: one test per task, both builds at once ---------------------------------
// Small classes get the deadline; the classes of huge inputs (15 calls of up to 10^6 values or
// 10 MB each) and the budgets and loop tasks twice as long.
const deadline = (task) => (SMALL[task] || task.startsWith('trap') ? CLASS_DEADLINE_MS : CLASS_DEADLINE_MS * 2);

function runBuild(buildName) {
  const results = new Map(TASKS.map((t) => { let resolve; const promise = new Promise((r) => { resolve = r; }); return [t, { promise, resolve }]; }));
  let hello;
  const helloPromise = new Promise((r) => { hello = r; });
  const isolate = process.env.HOSTILE_ISOLATE === '1';
  const start = (tasks) => new Promise((resolveRun) => {
    if (tasks.length === 0) return resolveRun();
    const w = new Worker(new URL(import.meta.url), { workerData: { buildName, tasks: isolate ? [tasks[0]] : tasks }, resourceLimits: { maxOldGenerationSizeMb: 8192, stackSizeMb: 1 } });
    let current;
    let last = '';
    let timer;
    let done = false;
    const rest = () => tasks.slice(tasks.indexOf(current) + 1);
    const end = (remaining) => { if (done) return; done = true; clearTimeout(timer); w.terminate().then(() => start(remaining).then(resolveRun)); };
    w.on('message', (m) => {
      if (m.type === 'hello') hello(m);
      else if (m.type === 'start') {
        current = m.task;
        last = '';
        clearTimeout(timer);
        timer = setTimeout(() => {
          results.get(current).resolve({ timedOut: true, problems: [{ text: `did not finish within ${deadline(current) / 1000} s${last ? ` (the call running: ${last})` : ''}`, count: 1 }], stats: {} });
          end(rest());
        }, deadline(current));
      } else if (m.type === 'at') last = m.label.slice(0, 200);
      else if (m.type === 'done') {
        clearTimeout(timer);
        results.get(m.task).resolve(m);
        if (isolate || m.task === tasks.at(-1)) end(isolate ? tasks.slice(1) : []);
      } else if (m.type === 'crash') {
        hello({ fns: [], counts: {}, unknown: [], error: m.error });
        const left = current ? [current, ...rest()] : tasks;
        for (const t of left.slice(0, 1)) results.get(t).resolve({ problems: [{ text: `the worker crashed: ${m.error}`, count: 1 }], stats: {} });
        end(left.slice(1));
      }
    });
    const failed = (text) => {
      if (done) return;
      hello({ fns: [], counts: {}, unknown: [], error: text });
      const left = current ? [current, ...rest()] : tasks;
      results.get(left[0])?.resolve({ problems: [{ text, count: 1 }], stats: {} });
      end(left.slice(1));
    };
    w.on('error', (e) => failed(`the worker failed: ${describeThrown(e)}`));
    w.on('exit', (code) => failed(`the worker exited (code ${code})`));
  });
  start(TASKS);
  return { results, hello: helloPromise };
}

if (isMainThread) {
  const runs = { node: runBuild('node'), web: runBuild('web') };
  const started = Date.now();

  test('the generator covers every public function and position', async () => {
    const floors = [];
    for (const [name, run] of Object.entries(runs)) {
      const h = await run.hello;
      if (h.error) assert.fail(`${name}: the worker failed before generating: ${h.error}`);
      const total = Object.values(h.counts).reduce((a, b) => a + b, 0);
      console.log(`${name}: ${total} hostile cases over ${h.fns.length} functions (${Object.entries(h.counts).map(([c, n]) => `${c}: ${n}`).join('; ')})`);
      if (h.unknown.length) console.log(`${name}: functions without an argument table here, called with 'any' positions: ${h.unknown.join(', ')}`);
      floors.push([name, total]);
    }
    for (const [name, total] of floors) assert.ok(total >= CASE_FLOOR, `${name}: only ${total} cases generated (floor ${CASE_FLOOR})`);
  });

  for (const task of TASKS) {
    test(task, async () => {
      const lines = [];
      for (const [name, run] of Object.entries(runs)) {
        const r = await run.results.get(task).promise;
        const s = r.stats ?? {};
        if (s.calls !== undefined) console.log(`${name} › ${task}: ${s.calls} calls${s.baselineTable === undefined ? '' : `, max memory ${(s.maxMemory / MiB).toFixed(1)} MiB, max table ${s.maxTable} (warm-up ${s.baselineTable})`}`);
        for (const p of r.problems ?? []) lines.push(`[${name}] ${p.text}${p.count > 1 ? ` (×${p.count})` : ''}${p.example ? ` — e.g. ${p.example}` : ''}`);
      }
      const shown = lines.slice(0, Number(process.env.HOSTILE_SHOW ?? 40));
      assert.equal(lines.length, 0, `${lines.length} problems:\n${shown.join('\n')}${lines.length > shown.length ? `\n… and ${lines.length - shown.length} more` : ''}`);
    });
  }

  test('runtime', () => { console.log(`hostile.test.mjs: ${((Date.now() - started) / 1000).toFixed(1)} s`); });
}
