// The property test of a JS object filter (src/bindings.js: isCleanDraftObject,
// isCleanConnectorObject), shared by the tests of each payload: seeded random edits of clean
// payloads with odd JS values; the report for the object must equal the report for its JSON
// text (positions aside), and whatever the filter calls clean must have an empty report from
// the text path, which never uses the filter.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { mulberry32 } from './seeded.mjs';

// The filters themselves, the very module instance the package's wasm imports.
const snippets = new URL('../../node_modules/connect-preflight/nodejs/snippets/', import.meta.url);
const crate = readdirSync(snippets).find((d) => d.startsWith('connect-preflight'));
export const filters = await import(new URL(`${crate}/src/bindings.js`, snippets));

// A payload's text as a failure shows it: the first 600 characters (some are 5 MiB).
const shown = (text) => (text.length > 600 ? `${text.slice(0, 600)}… (${text.length} characters)` : text);

class Odd {}
const arrayWithToJSON = () => Object.assign([], { toJSON: () => [] });
/** Values that JSON treats differently from how they look, or that sit at a rule's edge;
 * each payload's test adds its own. */
export const ODD_VALUES = [
  () => '', () => ' ', () => '\u0085', () => '\u00a0x', () => 'a', () => 'ab', () => 'a b', () => 'x'.repeat(257), () => 'x'.repeat(256),
  () => 'lone \ud800', () => '\udc00', () => 'ÄÖ', () => 'K', () => 'tab\tin', () => 'quote"in', () => 'new\nline',
  () => 0, () => 1, () => 2, () => 1.5, () => -0, () => 2 ** 53, () => 1e300, () => NaN, () => Infinity, () => -1,
  () => true, () => false, () => null, () => undefined, () => [], () => ({}), () => Object.create(null),
  () => new Date(0), () => new String('ab'), () => ({ toJSON: () => 'ab' }), () => new Odd(), () => [, 'a'],
  arrayWithToJSON,
  // Nesting around the object filter's own depth (64) and the depth budget (128, MAX_DEPTH):
  // where a value lands decides whether its text is too deep, and both paths must agree.
  ...[63, 64, 65, 124, 125, 126, 127, 128].flatMap((depth) => [
    () => nested(depth, (v) => ({ a: v })),
    () => nested(depth, (v) => [v]),
  ]),
];
export { Odd };

function nested(depth, wrap) {
  let v = 1;
  for (let i = 0; i < depth; i++) v = wrap(v);
  return v;
}

// Every object and array inside `root`, with the root itself.
function containers(root) {
  const found = [];
  const walk = (v) => {
    if (typeof v !== 'object' || v === null || found.includes(v)) return;
    found.push(v);
    for (const k of Object.keys(v)) walk(v[k]);
  };
  walk(root);
  return found;
}

function edit(root, random, VALUES, FIELDS) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const all = containers(root);
  if (all.length === 0) return pick(VALUES)();
  const target = pick(all);
  const keys = Object.keys(target);
  const choice = random();
  try {
    if (choice < 0.4 && keys.length > 0) target[pick(keys)] = pick(VALUES)();
    else if (choice < 0.6 && keys.length > 0) delete target[pick(keys)];
    else if (choice < 0.8) Object.defineProperty(target, pick(FIELDS), { value: pick(VALUES)(), enumerable: true, configurable: true, writable: true });
    else if (Array.isArray(target)) target.push(structuredClone(target[0] ?? { key: 'C', value: 'c' }));
    else return pick(VALUES)(); // the whole draft replaced
  } catch {
    // a String object's characters, a frozen value: left as they are
  }
  return root;
}

// Text reports carry line and column; object reports cannot. An object JSON cannot carry (a
// lone surrogate) is InvalidJsonInput both ways, with messages that differ.
export const withoutPositions = (report) => {
  const strip = (issues) => issues.map(({ line, column, ...rest }) =>
    rest.code === 'InvalidJsonInput' ? { code: rest.code, path: rest.path } : rest);
  return { valid: report.valid, errors: strip(report.errors), warnings: strip(report.warnings) };
};


/**
 * The comparison both generators make, with its counts: the report for the object equals the
 * report for its JSON text (positions aside), and what the filter calls clean has an empty
 * report from the text path. When JSON.stringify throws (a BigInt, a cycle), the object's
 * report must say so and the filter must not call it clean. A string payload is JSON text to
 * the API, not a value, and is skipped, as is one with no JSON text (undefined).
 */
function comparer(validate, filter) {
  const counts = { cases: 0, calledClean: 0 };
  const compare = (payload) => {
    let text;
    try {
      text = JSON.stringify(payload);
    } catch {
      assert.equal(filter(payload), false);
      assert.equal(validate(payload).errors[0].code, 'InvalidJsonInput');
      return;
    }
    if (typeof payload === 'string' || typeof text !== 'string') return;
    counts.cases++;
    const fromText = validate(text);
    assert.deepEqual(withoutPositions(validate(payload)), withoutPositions(fromText), shown(text));
    if (filter(payload)) {
      counts.calledClean++;
      assert.deepEqual(fromText, { valid: true, errors: [], warnings: [] }, `called clean: ${shown(text)}`);
    }
  };
  return { counts, compare };
}

/**
 * Runs `count` seeded cases: each a template (from `templates()`, fresh each time) with one to
 * three edits (every 7th left clean). Returns how many cases ran and how many the filter
 * called clean, for the caller to assert that both sides were reached.
 */
export function objectMatchesText({ validate, filter, templates, values, fields, count, seed }) {
  validate({}); // the package configures the filters on its first use
  const { counts, compare } = comparer(validate, filter);
  const random = mulberry32(seed);
  for (let i = 0; i < count; i++) {
    const templateList = templates();
    let payload = templateList[i % templateList.length];
    const r = random();
    const edits = r < 0.6 ? 1 : r < 0.85 ? 2 : 3; // mostly one: a rule's edge alone
    for (let e = 0; e < edits && i % 7 !== 0; e++) payload = edit(payload, random, values, fields); // every 7th stays clean
    compare(payload);
  }
  return counts;
}

/**
 * Every position × every value: each member of each template (and a new member of each
 * object, named by `fields`) set to each of `values`, alone. Returns the counts as
 * `objectMatchesText` does.
 */
// Every object of a payload as the place it sits in (the root: parent null).
function slots(root) {
  const found = [{ parent: null, key: null, value: root }];
  const walk = (v) => {
    if (typeof v !== 'object' || v === null) return;
    for (const k of Object.keys(v)) {
      if (typeof v[k] === 'object' && v[k] !== null) {
        found.push({ parent: v, key: k, value: v[k] });
        walk(v[k]);
      }
    }
  };
  walk(root);
  return found;
}

class WithToJSON {
  toJSON() {
    return {};
  }
}

// What JSON.stringify sees that a walk over the fields does not: a toJSON that is not
// enumerable, one a Proxy's get trap answers, one inherited behind a Proxy that lies about its
// prototype. Each replaces one object of the payload.
const OBJECT_ATTACKS = [
  (o) => Object.defineProperty(o, 'toJSON', { value: () => ({}), enumerable: false }),
  (o) => Object.defineProperty(o, 'toJSON', { value: () => ({ ...o, extra: 1 }), enumerable: false }),
  (o) => new Proxy(o, { get: (t, k) => (k === 'toJSON' ? () => ({}) : t[k]) }),
  (o) => new Proxy(Object.assign(new WithToJSON(), o), { getPrototypeOf: () => Object.prototype }),
];

// A string of more UTF-8 bytes than a payload may have (report::budget::MAX_INPUT_BYTES).
const TOO_LARGE = 'a'.repeat(5 * 1024 * 1024 + 1);

export function everyPositionEveryValue({ validate, filter, templates, values, fields }) {
  const { counts, compare } = comparer(validate, filter);
  // Every object of every template, attacked.
  templates().forEach((_, t) => {
    slots(templates()[t]).forEach((_, s) => {
      for (const attack of OBJECT_ATTACKS) {
        const payload = templates()[t];
        const { parent, key, value } = slots(payload)[s];
        const attacked = attack(value);
        if (parent === null) compare(attacked);
        else {
          parent[key] = attacked;
          compare(payload);
        }
      }
    });
  });
  // Every field of every template inherited from a polluted Object.prototype instead of its own;
  // and every string field past the size budget.
  templates().forEach((template, t) => {
    for (const key of Object.keys(template)) {
      const payload = templates()[t];
      const own = payload[key];
      delete payload[key];
      Object.defineProperty(Object.prototype, key, { value: own, enumerable: true, configurable: true, writable: true });
      try {
        compare(payload);
      } finally {
        delete Object.prototype[key];
      }
    }
    slots(templates()[t]).forEach((_, s) => {
      for (const key of Object.keys(slots(templates()[t])[s].value)) {
        const payload = templates()[t];
        const { value } = slots(payload)[s];
        if (typeof value[key] !== 'string') continue;
        value[key] = TOO_LARGE;
        compare(payload);
      }
      // A member name past the budget (a metadata key is anyone's).
      const payload = templates()[t];
      const { value } = slots(payload)[s];
      if (!Array.isArray(value)) {
        value[TOO_LARGE] = 1;
        compare(payload);
      }
    });
  });
  // Proxies whose traps lie, the same way on every call (what a stateful trap answers is no
  // one value, so JSON's answer is not the filter's to match): every object and array behind
  // one whose getPrototypeOf names the other kind's prototype, and behind one whose ownKeys
  // hides each of its keys in turn while the descriptor and a read by name still show it.
  templates().forEach((_, t) => {
    slots(templates()[t]).forEach((_, s) => {
      const keys = Object.keys(slots(templates()[t])[s].value);
      const lies = [
        (o) => new Proxy(o, { getPrototypeOf: () => (Array.isArray(o) ? Object.prototype : Array.prototype) }),
        // The other kind holding the same fields: an array's named fields are for…in's, not JSON's.
        (o) => Array.isArray(o)
          ? new Proxy(Object.assign({}, o), { getPrototypeOf: () => Array.prototype })
          : new Proxy(Object.assign([], o), { getPrototypeOf: () => Object.prototype }),
        ...keys.map((hidden) => (o) => new Proxy(o, { ownKeys: (target) => Reflect.ownKeys(target).filter((k) => k !== hidden) })),
      ];
      for (const lie of lies) {
        const payload = templates()[t];
        const { parent, key, value } = slots(payload)[s];
        if (parent === null) compare(lie(value));
        else {
          parent[key] = lie(value);
          compare(payload);
        }
      }
    });
  });
  // Every field (its own and every known one) of every object and array × every value, as a
  // field JSON writes and as one it does not (not enumerable: for…in and JSON skip it, a read
  // by name sees it; the filters read fields by name).
  templates().forEach((template, t) => {
    containers(template).forEach((_, c) => {
      const keys = Object.keys(containers(templates()[t])[c]);
      for (const key of [...keys, ...fields]) {
        for (const value of values) {
          for (const enumerable of [true, false]) {
            const payload = templates()[t];
            const target = containers(payload)[c];
            if (Array.isArray(target) && !keys.includes(key)) continue;
            try {
              Object.defineProperty(target, key, { value: value(), enumerable, configurable: true, writable: true });
            } catch {
              continue;
            }
            compare(payload);
          }
        }
      }
    });
  });
  return counts;
}
