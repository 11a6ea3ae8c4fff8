// JavaScript helpers of src/bindings.rs, imported by the wasm module (wasm-bindgen copies this
// file into the package as a snippet). Each one does in a single call what would otherwise take
// several crossings of the boundary, which cost more than the work (docs/decisions.md,
// "DeploymentDraft speed").

//
// None of these functions may throw: a JS exception that unwinds through wasm leaks the
// shadow stack (the instance dies after about a thousand of them) and an externref slot. So
// every function that touches a value of the caller's (getters, Proxy traps, toJSON) catches
// everything, and describes what went wrong in words of its own, never in the caller's text.

const encoder = new TextEncoder();

/** Writes `text` as UTF-8 into wasm memory at `ptr` (`len` bytes free); the bytes written. */
export function encodeInto(text, memory, ptr, len) {
  return encoder.encodeInto(text, new Uint8Array(memory.buffer, ptr, len)).written;
}

/** At most how many UTF-8 bytes `text` takes (asked only for long strings, before they are
 * copied): 3 for a unit from U+0800 on, a surrogate included (a pair takes 4, a lone one 3). */
export function utf8Bound(text) {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x800) bytes += 2;
    else if (c >= 0x80) bytes += 1;
  }
  return bytes;
}

/** The first `max` UTF-16 units of `text` (an argument that is no payload cannot need more). */
export function head(text, max) {
  return text.length > max ? text.slice(0, max) : text;
}

// Marks an Error as API misuse: the package's guard rethrows it as it is, and treats any
// other exception out of the module as a failure of the module (web/guard.js).
const MISUSE = Symbol.for('connect-preflight.misuse');

/** An Error for API misuse (not bad input), marked for the guard. */
export function misuseError(message) {
  const error = new Error(message);
  Object.defineProperty(error, MISUSE, { value: true });
  return error;
}

/** Whether `value` is an array; false for a revoked Proxy (Array.isArray throws on one). */
export function isArray(value) {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/** A non-string argument that is no payload, as JSON of its kind: scalars as themselves,
 * containers as empty ones (they are described by their type only), anything else null. */
export function plainJson(value) {
  switch (typeof value) {
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'object':
      return value === null ? 'null' : isArray(value) ? '[]' : '{}';
    default:
      return 'null'; // undefined, bigint, symbol, function
  }
}

let failure = '';

/** JSON.stringify(value) that never throws: the text, or undefined, and then `takeFailure()`
 * says why. Binary data is refused before it is serialized (a 10 MB Uint8Array would become
 * 30 MB of text). */
export function jsonText(value) {
  try {
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
      failure = 'it is binary data (an ArrayBuffer or typed array), not a JSON value';
      return undefined;
    }
    const text = JSON.stringify(value);
    // Nothing to send: a request with this body would have none (the API's InvalidJsonInput).
    if (text === undefined) failure = `${wordsFor(value)}, which JSON.stringify writes nothing for`;
    return text;
  } catch (error) {
    failure = describeFailure(error);
    return undefined;
  }
}

// What a value JSON.stringify writes nothing for is, in our words.
function wordsFor(value) {
  switch (typeof value) {
    case 'undefined':
      return 'it is undefined';
    case 'function':
      return 'it is a function';
    case 'symbol':
      return 'it is a symbol';
    default:
      return 'its toJSON returns undefined, a function or a symbol';
  }
}

/** Why the last `jsonText` returned undefined. */
export function takeFailure() {
  const why = failure;
  failure = '';
  return why;
}

// What JSON.stringify threw, in our words: a thrown value is the caller's (a toJSON can throw
// anything, a secret included), so only its kind is read, and reading it may throw too.
function describeFailure(error) {
  try {
    const message = error instanceof Error && typeof error.message === 'string' ? error.message : '';
    if (error instanceof RangeError) return 'it is nested too deeply, or too large, for JSON';
    if (/circular/i.test(message)) return 'it is cyclic (an object that contains itself)';
    if (/BigInt/.test(message)) return 'it holds a BigInt, which JSON cannot represent';
    if (/revoked/.test(message)) return 'it is or holds a revoked Proxy';
  } catch {
    // fall through: the thrown value itself throws when looked at
  }
  return 'reading it threw an exception (a getter, a Proxy trap or a toJSON method)';
}

/** The Report with no error and no warning: a new object each time (callers may change it). */
export function cleanReport() {
  return { valid: true, errors: [], warnings: [] };
}

// The names (codes, param names) the wasm instance has sent, by index (src/report/wire.rs).
const wireNames = [];

/** The Report object of a report wire string (src/report/wire.rs says the format): the same
 * fields in the same order as the report's JSON, in a fraction of JSON.parse's time. */
export function reportFromWire(wire) {
  let at = 0;
  const number = () => {
    const c = wire.charCodeAt(at++);
    if (c !== 0xe000) return c;
    return wire.charCodeAt(at++) * 4194304 + wire.charCodeAt(at++) * 2048 + wire.charCodeAt(at++);
  };
  const text = () => {
    const units = number();
    return wire.slice(at, (at += units));
  };
  wireNames.length = number(); // a replaced instance starts its table again
  for (let fresh = number(); fresh > 0; fresh--) wireNames.push(text());
  const errorCount = number();
  const warningCount = number();
  const issues = (count) => {
    const list = new Array(count);
    for (let n = 0; n < count; n++) {
      const issue = { code: wireNames[number()], message: text(), path: text() };
      const line = number();
      const column = number();
      if (line > 0) issue.line = line - 1;
      if (column > 0) issue.column = column - 1;
      for (let params = number(); params > 0; params--) {
        const name = wireNames[number()];
        const value = number() === 0 ? text() : JSON.parse(text());
        // Param names are ours; even so, '__proto__' would set the prototype, not a field.
        if (name === '__proto__') Object.defineProperty(issue, name, { value, enumerable: true, writable: true, configurable: true });
        else issue[name] = value;
      }
      list[n] = issue;
    }
    return list;
  };
  const errors = issues(errorCount);
  return { valid: errorCount === 0, errors, warnings: issues(warningCount) };
}

// ---- A DeploymentDraft object that is certainly clean --------------------------------------
//
// It answers only "clean" (no error, no warning without a context), by the rule table of
// src/connect/draft_rules.rs: the functions between the GENERATED marks below are written from
// that table (`BLESS=1 cargo test --lib draft_rules` rewrites them; the test fails when they
// are out of step), so a field or a rule is stated once, in Rust. Each kind of rule is one
// helper here (isKey, isText, ...). Anything it is not sure of (an unknown field, a rule Rust
// checks such as a schedule or a retry policy, a non-plain object, a toJSON method, a lone
// surrogate, ...) returns false, and Rust reads the object and writes the report. A property
// test (tests/node/draft-object.test.mjs) checks that an object called clean here gives the
// same report as its JSON text. (A table interpreted at run time was tried first: 1.5–2× the
// time of these functions on a draft object, docs/decisions.md.)

// The budgets of the JSON text an object makes (report::budget: MAX_INPUT_BYTES, MAX_NODES;
// the generated block below states them): a filter may call clean only what Rust would read
// as clean, and Rust refuses a payload whose JSON is over a budget. So each filter counts, at
// most, what the JSON of what it has seen takes, and declines past a budget: a string 6 bytes a
// UTF-16 unit (a control character is written \u00XX) and 48 for its quotes, name and comma; an
// object 512 bytes and 16 values (its number and boolean fields); an array one value.
let bytesLeft = 0;
let valuesLeft = 0;

function withinBudget(bytes, values) {
  bytesLeft -= bytes;
  valuesLeft -= values;
  return bytesLeft >= 0 && valuesLeft >= 0;
}

// The filters walk objects with for…in, which also visits inherited enumerable fields; JSON
// does not. With such a field on Object.prototype (a polluted page) no object is looked at.
function objectPrototypeIsPlain() {
  for (const name in Object.prototype) return false;
  return true;
}

// Each filter's start: a fresh budget, a plain Object.prototype.
function startFilter() {
  bytesLeft = MAX_INPUT_BYTES;
  valuesLeft = MAX_NODES;
  return objectPrototypeIsPlain();
}

// checks::key_problem: 2 to 256 of [A-Za-z0-9_-]. (Loops, not regular expressions: a regex
// call costs more than the whole loop on strings this short.)
function isKey(value) {
  if (typeof value !== 'string' || value.length < 2 || value.length > 256 || !withinBudget(6 * value.length + 48, 1)) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const ok = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;
    if (!ok) return false;
  }
  return true;
}

// Not blank by checks::is_blank (JS trim's whitespace); conservatively, one printable ASCII character that is not a space.
function isVisible(value) {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c > 32 && c < 127) return true;
  }
  return false;
}

// JSON text of a lone surrogate is not valid UTF-8 for serde_json: such strings go to Rust.
function isText(value) {
  return typeof value === 'string' && withinBudget(6 * value.length + 48, 1) && value.isWellFormed();
}

// What JSON.stringify writes as the same fields: a plain object or array with no toJSON
// anywhere JSON.stringify would find one (an own one that for…in does not see because it is
// not enumerable, an inherited one, one a Proxy's get trap answers). Array.isArray sees
// through a Proxy, as JSON does: one whose getPrototypeOf calls an array an object is JSON's
// array, whatever for…in finds in it.
function isPlainObject(value) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && value.toJSON === undefined && withinBudget(512, 16);
}

function isPlainArray(value) {
  return Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype && value.toJSON === undefined && withinBudget(2, 1);
}

// Whether `o` is a plain object whose field `name` JSON writes (own and enumerable) and is true:
// a neighbour a rule reads by name (a field that is not enumerable is read by name, but JSON
// leaves it out, and so does the check of the text). JSON lists the fields as Object.keys
// does, which a Proxy's ownKeys answers: it may hide a field its descriptor shows.
function isWrittenTrue(o, name) {
  return isPlainObject(o) && Object.prototype.propertyIsEnumerable.call(o, name) && o[name] === true &&
    Object.keys(o).includes(name);
}

/** Whether `draft` is a DeploymentDraft with no error and no warning; false means "not sure"
 * (and so does anything that throws while it is read: Rust then reports it). */
export function isCleanDraftObject(draft) {
  try {
    return startFilter() && isCleanDraft(draft);
  } catch {
    return false;
  }
}

// GENERATED by src/connect/draft_rules.rs (js_filter): do not edit.
const isCleanDraft_SET_0 = new Set(['europe-west1.gcp', 'us-central1.gcp', 'australia-southeast1.gcp', 'us-east-2.aws', 'eu-central-1.aws']);
const isCleanDraft_SET_1 = new Set(['preview', 'sandbox', 'production']);

function isCleanDraft(o) {
  return isCleanDraftShape0(o);
}

function isCleanDraftShape0(o) {
  if (!isPlainObject(o)) return false;
  let required = 0;
  for (const name in o) {
    let v;
    switch (name) {
      case 'key':
        v = o.key;
        if (!(isKey(v))) return false;
        break;
      case 'connector':
        v = o.connector;
        if (!(isCleanDraftShape1(v))) return false; required++;
        break;
      case 'region':
        v = o.region;
        if (!(isCleanDraft_SET_0.has(v))) return false; required++;
        break;
      case 'type':
        v = o.type;
        if (!(isCleanDraft_SET_1.has(v) && (v === 'preview') === isWrittenTrue(o.connector, 'staged'))) return false;
        break;
      case 'configurations':
        v = o.configurations;
        if (!(isCleanDraftList2(v))) return false; required++;
        break;
      case 'globalConfiguration':
        v = o.globalConfiguration;
        if (!(isCleanDraftShape3(v))) return false;
        break;
      default:
        return false;
    }
  }
  return required === 3;
}

function isCleanDraftShape1(o) {
  if (!isPlainObject(o)) return false;
  let required = 0;
  let named = false;
  for (const name in o) {
    let v;
    switch (name) {
      case 'id':
        v = o.id;
        if (!(isText(v) && isVisible(v))) return false; named = true;
        break;
      case 'key':
        v = o.key;
        if (!(isKey(v))) return false; named = true;
        break;
      case 'version':
        v = o.version;
        if (!(Number.isSafeInteger(v) && v >= 1)) return false;
        break;
      case 'staged':
        v = o.staged;
        if (!(typeof v === 'boolean')) return false;
        break;
      default:
        return false;
    }
  }
  return required === 0 && named;
}

function isCleanDraftShape2(o) {
  if (!isPlainObject(o)) return false;
  let required = 0;
  for (const name in o) {
    let v;
    switch (name) {
      case 'applicationName':
        v = o.applicationName;
        if (!(isKey(v))) return false; required++;
        break;
      case 'standardConfiguration':
        v = o.standardConfiguration;
        if (!(isCleanDraftList4(v))) return false; required++;
        break;
      case 'securedConfiguration':
        v = o.securedConfiguration;
        if (!(isCleanDraftList5(v))) return false; required++;
        break;
      case 'schedule':
        v = o.schedule;
        if (!(false)) return false;
        break;
      case 'retryPolicy':
        v = o.retryPolicy;
        if (!(false)) return false;
        break;
      default:
        return false;
    }
  }
  return required === 3;
}

function isCleanDraftShape3(o) {
  if (!isPlainObject(o)) return false;
  let required = 0;
  for (const name in o) {
    let v;
    switch (name) {
      case 'standardConfiguration':
        v = o.standardConfiguration;
        if (!(isCleanDraftList4(v))) return false;
        break;
      case 'securedConfiguration':
        v = o.securedConfiguration;
        if (!(isCleanDraftList5(v))) return false;
        break;
      default:
        return false;
    }
  }
  return required === 0;
}

function isCleanDraftShape4(o) {
  if (!isPlainObject(o)) return false;
  let required = 0;
  for (const name in o) {
    let v;
    switch (name) {
      case 'key':
        v = o.key;
        if (!(isText(v) && isVisible(v))) return false; required++;
        break;
      case 'value':
        v = o.value;
        if (!(isText(v))) return false; required++;
        break;
      default:
        return false;
    }
  }
  return required === 2;
}

function isCleanDraftShape5(o) {
  if (!isPlainObject(o)) return false;
  let required = 0;
  for (const name in o) {
    let v;
    switch (name) {
      case 'key':
        v = o.key;
        if (!(isText(v) && isVisible(v))) return false; required++;
        break;
      case 'value':
        v = o.value;
        if (!(isText(v))) return false; required++;
        break;
      default:
        return false;
    }
  }
  return required === 2;
}

function isCleanDraftList2(v) {
  if (!isPlainArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!isCleanDraftShape2(v[i])) return false;
  return true;
}

function isCleanDraftList4(v) {
  if (!isPlainArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!isCleanDraftShape4(v[i])) return false;
  return true;
}

function isCleanDraftList5(v) {
  if (!isPlainArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!isCleanDraftShape5(v[i])) return false;
  return true;
}

// END GENERATED

// ---- Objects of the other payloads that are certainly clean --------------------------------
//
// As for the DeploymentDraft, but written from each system's field tables by one generator
// (src/report/table_fast.rs, `js_filter`; the same description of a clean value that the
// Node build's text walker follows): the functions between each pair of GENERATED marks
// (`BLESS=1 cargo test --lib` rewrites them). Each kind of rule is one helper here, stricter
// than Rust's predicate where that is simpler (printable ASCII only: then JS length, UTF-8
// bytes and characters agree, and no Unicode white space can hide). The tests in
// tests/node/*-object.test.mjs check each filter against Rust.

// Printable ASCII is \x21-\x7e. (Regular expressions here: on these strings V8's compiled
// ones took a third to a half of the time of the equivalent loops.)
// connector_staged::is_email: something, one '@', then a '.' with something on both sides.
const EMAIL = /^[\x21-\x3f\x41-\x7e]+@[\x21-\x3f\x41-\x7e]+\.[\x21-\x3f\x41-\x7e]+$/;
function isEmail(s) {
  return EMAIL.test(s);
}

// connector_staged::is_http_url: http(s)://, a host (not '/', '?' or '#' first), no white space
// or control character.
const HTTP_URL = /^https?:\/\/[\x21\x22\x24-\x2e\x30-\x3e\x40-\x7e][\x21-\x7e]*$/;
function isHttpUrl(s) {
  return HTTP_URL.test(s);
}

// The repository URL with no error and no warning: git@github.com:owner/repo.git
// (connector_staged::repository_host gives github.com, not HTTPS).
function isGithubSshUrl(s) {
  if (!s.startsWith('git@github.com:') || !s.endsWith('.git')) return false;
  let start = 15;
  if (s.startsWith('//', start)) start += 2;
  const end = s.length - 4;
  if (end <= start) return false;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    const ok = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 64 || c === 58 || c === 47 || c === 45 || c === 126;
    if (!ok) return false;
  }
  return true;
}

// connector_staged::tag_problem is None ('@{' needs no test: '{' is not allowed at all).
const TAG = /^[A-Za-z0-9][\w.@/-]{0,254}$/;
function isTag(s) {
  return TAG.test(s) && !(s.includes('..') || s.includes('//') || s.endsWith('.') || s.endsWith('/') || s.endsWith('.lock'));
}

// identifiers::is_clean_project_identifier: a Connect region, ':', and a project key of 2 to 36
// of [A-Za-z0-9_-]. (CONNECT_REGIONS is in the ConnectorStagedDraft's generated block.)
let projectIdentifier = null;
function isProjectIdentifier(s) {
  projectIdentifier ??= new RegExp(`^(?:${CONNECT_REGIONS.map((r) => r.replaceAll('.', '\\.')).join('|')}):[\\w-]{2,36}$`);
  return projectIdentifier.test(s);
}

// tray::connector::is_kebab: lower-case letters and digits in words joined by single dashes.
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
function isKebab(s) {
  return KEBAB.test(s);
}

// deployments::is_clean_source_code: standard base64 on one line, padded, of a zip (it starts
// with PK\x03\x04 or PK\x05\x06) of at least 512 bytes.
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
function isZipBase64(s) {
  if (s.length % 4 !== 0 || !BASE64.test(s)) return false;
  const pads = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  if ((s.length / 4) * 3 - pads < 512) return false;
  const head = atob(s.slice(0, 8));
  return head.startsWith('PK\x03\x04') || head.startsWith('PK\x05\x06');
}

// checker::is_uuid: 8-4-4-4-12 hexadecimal digits.
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
function isUuid(s) {
  return UUID.test(s);
}

// records::is_commit_sha: 7 to 40 hexadecimal digits.
const COMMIT_SHA = /^[0-9a-fA-F]{7,40}$/;
function isCommitSha(s) {
  return COMMIT_SHA.test(s);
}

// A rule whose test is not written here (an RFC 3339 date-time): Rust answers.
function notCheckedHere() {
  return false;
}

// A plain array of strings that each pass `test` (null: any string); with `unique`, none twice
// (a long list is left to Rust: no quadratic loop here).
function isStringList(v, test, unique) {
  if (!isPlainArray(v) || (unique && v.length > 64)) return false;
  for (let i = 0; i < v.length; i++) {
    const s = v[i];
    if (!isText(s) || (test !== null && !test(s))) return false;
    if (unique) for (let j = 0; j < i; j++) if (v[j] === s) return false;
  }
  return true;
}

// An object whose JSON is what it looks like all the way down (plain objects and arrays,
// strings, finite numbers, booleans, null), not deeper than 64 levels; its contents are not
// checked by any rule, but JSON must be able to carry them.
function isPlainJsonObject(v) {
  return isPlainObject(v) && isPlainJson(v, 64);
}

function isPlainJson(v, depth) {
  switch (typeof v) {
    case 'string':
      return isText(v);
    case 'number':
      return Number.isFinite(v) && withinBudget(48, 1);
    case 'boolean':
      return withinBudget(48, 1);
    case 'object':
      if (v === null) return withinBudget(48, 1);
      if (depth === 0) return false;
      if (isPlainArray(v)) {
        for (let i = 0; i < v.length; i++) if (!isPlainJson(v[i], depth - 1)) return false;
        return true;
      }
      if (!isPlainObject(v)) return false;
      // A member name here is anyone's (a metadata key): its length counts, and JSON of a lone
      // surrogate in it is not UTF-8 for serde_json.
      for (const name in v) {
        if (!withinBudget(6 * name.length, 0) || !name.isWellFormed() || !isPlainJson(v[name], depth - 1)) return false;
      }
      return true;
    default:
      return false; // undefined, a function, a symbol, a BigInt: JSON drops or refuses them
  }
}

/** The filter of the API function `name` (a key of CLEAN_OBJECT_FILTERS, e.g.
 * 'validateTrayConnector'): value → whether it is a payload of that function with no error and
 * no warning; false means "not sure" (and so does anything that throws while it is read: Rust
 * then reports it). The guard asks once per function, so that no call looks a filter up by
 * name. */
export function cleanObjectFilter(name) {
  const filter = CLEAN_OBJECT_FILTERS[name];
  if (filter === undefined) throw new Error(`connect-preflight: no object filter for ${name}`);
  return (value) => {
    try {
      return startFilter() && filter(value);
    } catch {
      return false;
    }
  };
}

// GENERATED by src/report/table_fast.rs (js_filter): do not edit.
const MAX_INPUT_BYTES = 5242880;
const MAX_NODES = 250000;
const CONNECT_REGIONS = ['europe-west1.gcp', 'us-central1.gcp', 'australia-southeast1.gcp', 'us-east-2.aws', 'eu-central-1.aws'];
const isCleanConnectorStagedDraft_SET_0 = new Set(['tax', 'marketplace', 'oms', 'psp', 'pim', 'promotion', 'search', 'erp', 'crm', 'email', 'analytics', 'shipping', 'giftcard', 'other']);
const isCleanConnectorStagedDraft_SET_1 = new Set(['europe-west1.gcp', 'us-central1.gcp', 'australia-southeast1.gcp', 'us-east-2.aws', 'eu-central-1.aws']);
const isCleanConnectorStagedDraft_SET_0_has = (s) => isCleanConnectorStagedDraft_SET_0.has(s);
const isCleanConnectorStagedDraft_SET_1_has = (s) => isCleanConnectorStagedDraft_SET_1.has(s);

function isCleanConnectorStagedDraft(o) {
  return isCleanConnectorStagedDraftShape0(o);
}

function isCleanConnectorStagedDraftShape0(o) {
  if (!isPlainObject(o)) return false;
  let required = 0;
  for (const name in o) {
    let v;
    switch (name) {
      case 'key':
        v = o.key;
        if (!(isText(v) && isKey(v))) return false;
        break;
      case 'name':
        v = o.name;
        if (!(isText(v) && isVisible(v))) return false; required++;
        break;
      case 'description':
        v = o.description;
        if (!(isText(v))) return false;
        break;
      case 'integrationTypes':
        v = o.integrationTypes;
        if (!(isStringList(v, isCleanConnectorStagedDraft_SET_0_has, true))) return false;
        break;
      case 'creator':
        v = o.creator;
        if (!(isCleanConnectorStagedDraftShape1(v))) return false; required++;
        break;
      case 'repository':
        v = o.repository;
        if (!(isCleanConnectorStagedDraftShape2(v))) return false; required++;
        break;
      case 'supportedRegions':
        v = o.supportedRegions;
        if (!(isStringList(v, isCleanConnectorStagedDraft_SET_1_has, true))) return false;
        break;
      case 'privateProjects':
        v = o.privateProjects;
        if (!(isStringList(v, isProjectIdentifier, true))) return false;
        break;
      case 'documentationUrl':
        v = o.documentationUrl;
        if (!(isText(v) && isHttpUrl(v))) return false;
        break;
      default:
        return false;
    }
  }
  return required === 3;
}

function isCleanConnectorStagedDraftShape1(o) {
  if (!isPlainObject(o)) return false;
  let required = 0;
  for (const name in o) {
    let v;
    switch (name) {
      case 'name':
        v = o.name;
        if (!(isText(v))) return false;
        break;
      case 'title':
        v = o.title;
        if (!(isText(v))) return false;
        break;
      case 'email':
        v = o.email;
        if (!(isText(v) && isEmail(v))) return false; required++;
        break;
      case 'company':
        v = o.company;
        if (!(isText(v))) return false;
        break;
      case 'logoUrl':
        v = o.logoUrl;
        if (!(isText(v) && isHttpUrl(v))) return false;
        break;
      case 'noOfContributors':
        v = o.noOfContributors;
        if (!(Number.isSafeInteger(v) && v >= 1)) return false;
        break;
      case 'supportUrl':
        v = o.supportUrl;
        if (!(isText(v) && isHttpUrl(v))) return false;
        break;
      default:
        return false;
    }
  }
  return required === 1;
}

function isCleanConnectorStagedDraftShape2(o) {
  if (!isPlainObject(o)) return false;
  let required = 0;
  for (const name in o) {
    let v;
    switch (name) {
      case 'url':
        v = o.url;
        if (!(isText(v) && isGithubSshUrl(v))) return false; required++;
        break;
      case 'tag':
        v = o.tag;
        if (!(isText(v) && isTag(v))) return false; required++;
        break;
      default:
        return false;
    }
  }
  return required === 2;
}

const isCleanTrayConnector_SET_0 = new Set(['1.0']);

function isCleanTrayConnector(o) {
  return isCleanTrayConnectorShape0(o);
}

function isCleanTrayConnectorShape0(o) {
  if (!isPlainObject(o)) return false;
  let required = 0;
  for (const name in o) {
    let v;
    switch (name) {
      case 'name':
        v = o.name;
        if (!(isText(v) && isKebab(v))) return false; required++;
        break;
      case 'version':
        v = o.version;
        if (!(isCleanTrayConnector_SET_0.has(v))) return false; required++;
        break;
      case 'title':
        v = o.title;
        if (!(isText(v))) return false;
        break;
      case 'description':
        v = o.description;
        if (!(isText(v))) return false;
        break;
      case 'service':
        v = o.service;
        if (!(isCleanTrayConnectorShape1(v))) return false;
        break;
      case 'tags':
        v = o.tags;
        if (!(isStringList(v, null, false))) return false;
        break;
      case 'isTrigger':
        v = o.isTrigger;
        if (!(typeof v === 'boolean')) return false;
        break;
      case 'rawHttp':
        v = o.rawHttp;
        if (!(isCleanTrayConnectorShape2(v))) return false;
        break;
      default:
        return false;
    }
  }
  return required === 2;
}

function isCleanTrayConnectorShape1(o) {
  if (!isPlainObject(o)) return false;
  let required = 0;
  for (const name in o) {
    let v;
    switch (name) {
      case 'name':
        v = o.name;
        if (!(isText(v))) return false;
        break;
      case 'version':
        v = o.version;
        if (!(isText(v))) return false;
        break;
      default:
        return false;
    }
  }
  return required === 0;
}

function isCleanTrayConnectorShape2(o) {
  if (!isPlainObject(o)) return false;
  let required = 0;
  for (const name in o) {
    let v;
    switch (name) {
      case 'enabled':
        v = o.enabled;
        if (!(typeof v === 'boolean')) return false; required++;
        break;
      default:
        return false;
    }
  }
  return required === 1;
}


function isCleanTrayDeployRequest(o) {
  return isCleanTrayDeployRequestShape0(o);
}

function isCleanTrayDeployRequestShape0(o) {
  if (!isPlainObject(o)) return false;
  let required = 0;
  for (const name in o) {
    let v;
    switch (name) {
      case 'connectorSourceCode':
        v = o.connectorSourceCode;
        if (!(isText(v) && isZipBase64(v))) return false; required++;
        break;
      default:
        return false;
    }
  }
  return required === 1;
}

const isCleanTrayDeploymentResponse_SET_0 = new Set(['Deploying', 'Deployed', 'Failed']);

function isCleanTrayDeploymentResponse(o) {
  return isCleanTrayDeploymentResponseShape0(o);
}

function isCleanTrayDeploymentResponseShape0(o) {
  if (!isPlainObject(o)) return false;
  let required = 0;
  for (const name in o) {
    let v;
    switch (name) {
      case 'id':
        v = o.id;
        if (!(isText(v) && isVisible(v))) return false; required++;
        break;
      case 'deploymentStatus':
        v = o.deploymentStatus;
        if (!(isCleanTrayDeploymentResponse_SET_0.has(v))) return false; required++;
        break;
      case 'connectorName':
        v = o.connectorName;
        if (!(isText(v) && isKebab(v))) return false; required++;
        break;
      case 'connectorVersion':
        v = o.connectorVersion;
        if (!(isText(v))) return false; required++;
        break;
      case 'repeatDeployment':
        v = o.repeatDeployment;
        if (!(v === false)) return false;
        break;
      default:
        return false;
    }
  }
  return required === 4;
}


function isCleanTrackerDeployment(o) {
  return isCleanTrackerDeploymentShape0(o);
}

function isCleanTrackerDeploymentShape0(o) {
  if (!isPlainObject(o)) return false;
  let required = 0;
  for (const name in o) {
    let v;
    switch (name) {
      case 'componentId':
        v = o.componentId;
        if (!(isText(v) && isUuid(v))) return false; required++;
        break;
      case 'environmentId':
        v = o.environmentId;
        if (!(isText(v) && isUuid(v))) return false; required++;
        break;
      case 'version':
        v = o.version;
        if (!(isText(v) && isVisible(v))) return false; required++;
        break;
      case 'deployedBy':
        v = o.deployedBy;
        if (!(isText(v))) return false;
        break;
      case 'commitSha':
        v = o.commitSha;
        if (!(isText(v) && isCommitSha(v))) return false;
        break;
      case 'description':
        v = o.description;
        if (!(isText(v))) return false;
        break;
      case 'metadata':
        v = o.metadata;
        if (!(isPlainJsonObject(v))) return false;
        break;
      default:
        return false;
    }
  }
  return required === 3;
}

const isCleanTrackerStatusUpdate_SET_0 = new Set(['pending', 'in_progress', 'succeeded', 'failed', 'rolled_back']);

function isCleanTrackerStatusUpdate(o) {
  return isCleanTrackerStatusUpdateShape0(o);
}

function isCleanTrackerStatusUpdateShape0(o) {
  if (!isPlainObject(o)) return false;
  let required = 0;
  for (const name in o) {
    let v;
    switch (name) {
      case 'status':
        v = o.status;
        if (!(isCleanTrackerStatusUpdate_SET_0.has(v))) return false; required++;
        break;
      default:
        return false;
    }
  }
  return required === 1;
}

const CLEAN_OBJECT_FILTERS = { validateConnectorStagedDraft: isCleanConnectorStagedDraft, validateTrayConnector: isCleanTrayConnector, validateTrayDeployRequest: isCleanTrayDeployRequest, validateTrayDeploymentResponse: isCleanTrayDeploymentResponse, validateTrackerDeployment: isCleanTrackerDeployment, validateTrackerStatusUpdate: isCleanTrackerStatusUpdate };
// END GENERATED
