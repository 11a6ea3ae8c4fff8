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
    return text === undefined ? 'null' : text;
  } catch (error) {
    failure = describeFailure(error);
    return undefined;
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

// checks::key_problem: 2 to 256 of [A-Za-z0-9_-]. (Loops, not regular expressions: a regex
// call costs more than the whole loop on strings this short.)
function isKey(value) {
  if (typeof value !== 'string' || value.length < 2 || value.length > 256) return false;
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
  return typeof value === 'string' && value.isWellFormed();
}

// What JSON.stringify writes as the same fields. A toJSON of a plain object's own would be one
// of its fields, which the callers reject as unknown; an array's is looked for here.
function isPlainObject(value) {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isPlainArray(value) {
  return Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype && value.toJSON === undefined;
}

/** Whether `draft` is a DeploymentDraft with no error and no warning; false means "not sure"
 * (and so does anything that throws while it is read: Rust then reports it). */
export function isCleanDraftObject(draft) {
  try {
    return isCleanDraft(draft);
  } catch {
    return false;
  }
}

// GENERATED by src/connect/draft_rules.rs (js_filter): do not edit.
const SET_0 = new Set(['europe-west1.gcp', 'us-central1.gcp', 'australia-southeast1.gcp', 'us-east-2.aws', 'eu-central-1.aws']);
const SET_1 = new Set(['preview', 'sandbox', 'production']);

function isCleanDraft(draft) {
  return isCleanShape0(draft);
}

function isCleanShape0(o) {
  if (!isPlainObject(o)) return false;
  let required = 0;
  for (const name in o) {
    const v = o[name];
    switch (name) {
      case 'key':
        if (!(isKey(v))) return false;
        break;
      case 'connector':
        if (!(isCleanShape1(v))) return false; required++;
        break;
      case 'region':
        if (!(SET_0.has(v))) return false; required++;
        break;
      case 'type':
        if (!(SET_1.has(v) && (v === 'preview') === (isPlainObject(o.connector) && o.connector.staged === true))) return false;
        break;
      case 'configurations':
        if (!(isCleanList2(v))) return false; required++;
        break;
      case 'globalConfiguration':
        if (!(isCleanShape3(v))) return false;
        break;
      default:
        return false;
    }
  }
  return required === 3;
}

function isCleanShape1(o) {
  if (!isPlainObject(o)) return false;
  let required = 0;
  let named = false;
  for (const name in o) {
    const v = o[name];
    switch (name) {
      case 'id':
        if (!(isText(v) && isVisible(v))) return false; named = true;
        break;
      case 'key':
        if (!(isKey(v))) return false; named = true;
        break;
      case 'version':
        if (!(Number.isSafeInteger(v) && v >= 1)) return false;
        break;
      case 'staged':
        if (!(typeof v === 'boolean')) return false;
        break;
      default:
        return false;
    }
  }
  return required === 0 && named;
}

function isCleanShape2(o) {
  if (!isPlainObject(o)) return false;
  let required = 0;
  for (const name in o) {
    const v = o[name];
    switch (name) {
      case 'applicationName':
        if (!(isKey(v))) return false; required++;
        break;
      case 'standardConfiguration':
        if (!(isCleanList4(v))) return false; required++;
        break;
      case 'securedConfiguration':
        if (!(isCleanList5(v))) return false; required++;
        break;
      case 'schedule':
        if (!(false)) return false;
        break;
      case 'retryPolicy':
        if (!(false)) return false;
        break;
      default:
        return false;
    }
  }
  return required === 3;
}

function isCleanShape3(o) {
  if (!isPlainObject(o)) return false;
  let required = 0;
  for (const name in o) {
    const v = o[name];
    switch (name) {
      case 'standardConfiguration':
        if (!(isCleanList4(v))) return false;
        break;
      case 'securedConfiguration':
        if (!(isCleanList5(v))) return false;
        break;
      default:
        return false;
    }
  }
  return required === 0;
}

function isCleanShape4(o) {
  if (!isPlainObject(o)) return false;
  let required = 0;
  for (const name in o) {
    const v = o[name];
    switch (name) {
      case 'key':
        if (!(isText(v) && isVisible(v))) return false; required++;
        break;
      case 'value':
        if (!(isText(v))) return false; required++;
        break;
      default:
        return false;
    }
  }
  return required === 2;
}

function isCleanShape5(o) {
  if (!isPlainObject(o)) return false;
  let required = 0;
  for (const name in o) {
    const v = o[name];
    switch (name) {
      case 'key':
        if (!(isText(v) && isVisible(v))) return false; required++;
        break;
      case 'value':
        if (!(isText(v))) return false; required++;
        break;
      default:
        return false;
    }
  }
  return required === 2;
}

function isCleanList2(v) {
  if (!isPlainArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!isCleanShape2(v[i])) return false;
  return true;
}

function isCleanList4(v) {
  if (!isPlainArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!isCleanShape4(v[i])) return false;
  return true;
}

function isCleanList5(v) {
  if (!isPlainArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!isCleanShape5(v[i])) return false;
  return true;
}

// END GENERATED

// ---- A ConnectorStagedDraft object that is certainly clean ---------------------------------
//
// As for the DeploymentDraft: the functions between the GENERATED marks are written from the
// tables of src/connect/connector_staged.rs (`BLESS=1 cargo test --lib connector_staged`), and
// each kind of rule is one helper here, stricter than Rust's predicate where that is simpler
// (printable ASCII only: then JS length, UTF-8 bytes and characters agree, and no Unicode
// white space can hide; '@{' needs no test, '{' is not allowed at all). tests/node/connector-object.test.mjs checks it against Rust.

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

// connector_staged::tag_problem is None.
const TAG = /^[A-Za-z0-9][\w.@/-]{0,254}$/;
function isTag(s) {
  return TAG.test(s) && !(s.includes('..') || s.includes('//') || s.endsWith('.') || s.endsWith('/') || s.endsWith('.lock'));
}

// A plain array of strings of `allowed`, none twice.
function isUniqueList(v, allowed) {
  if (!isPlainArray(v)) return false;
  for (let i = 0; i < v.length; i++) {
    if (!allowed.has(v[i])) return false;
    for (let j = 0; j < i; j++) if (v[j] === v[i]) return false;
  }
  return true;
}

// identifiers::is_clean_project_identifier for each, none twice: a Connect region, ':', and a
// project key of 2 to 36 of [A-Za-z0-9_-].
let projectIdentifier = null;
function isProjectList(v, regions) {
  if (!isPlainArray(v) || v.length > 64) return false; // long lists: Rust (no quadratic loop here)
  projectIdentifier ??= new RegExp(`^(?:${[...regions].map((r) => r.replaceAll('.', '\\.')).join('|')}):[\\w-]{2,36}$`);
  for (let i = 0; i < v.length; i++) {
    const s = v[i];
    if (typeof s !== 'string' || !projectIdentifier.test(s)) return false;
    for (let j = 0; j < i; j++) if (v[j] === s) return false;
  }
  return true;
}

/** Whether `draft` is a ConnectorStagedDraft with no error and no warning; false means "not
 * sure" (and so does anything that throws while it is read: Rust then reports it). */
export function isCleanConnectorObject(draft) {
  try {
    return isCleanConnector(draft);
  } catch {
    return false;
  }
}

// GENERATED by src/connect/connector_staged.rs (js_filter): do not edit.
const CONNECTOR_REGIONS = new Set(['europe-west1.gcp', 'us-central1.gcp', 'australia-southeast1.gcp', 'us-east-2.aws', 'eu-central-1.aws']);
const CONNECTOR_INTEGRATION_TYPES = new Set(['tax', 'marketplace', 'oms', 'psp', 'pim', 'promotion', 'search', 'erp', 'crm', 'email', 'analytics', 'shipping', 'giftcard', 'other']);

function isCleanConnector(draft) {
  return isCleanConnectorShape0(draft);
}

function isCleanConnectorShape0(o) {
  if (!isPlainObject(o)) return false;
  let required = 0;
  for (const name in o) {
    const v = o[name];
    switch (name) {
      case 'key':
        if (!(isKey(v))) return false;
        break;
      case 'name':
        if (!(isText(v) && isVisible(v))) return false; required++;
        break;
      case 'description':
        if (!(isText(v))) return false;
        break;
      case 'integrationTypes':
        if (!(isUniqueList(v, CONNECTOR_INTEGRATION_TYPES))) return false;
        break;
      case 'creator':
        if (!(isCleanConnectorShape1(v))) return false; required++;
        break;
      case 'repository':
        if (!(isCleanConnectorShape2(v))) return false; required++;
        break;
      case 'supportedRegions':
        if (!(isUniqueList(v, CONNECTOR_REGIONS))) return false;
        break;
      case 'privateProjects':
        if (!(isProjectList(v, CONNECTOR_REGIONS))) return false;
        break;
      case 'documentationUrl':
        if (!(isText(v) && isHttpUrl(v))) return false;
        break;
      default:
        return false;
    }
  }
  return required === 3;
}

function isCleanConnectorShape1(o) {
  if (!isPlainObject(o)) return false;
  let required = 0;
  for (const name in o) {
    const v = o[name];
    switch (name) {
      case 'name':
        if (!(isText(v))) return false;
        break;
      case 'title':
        if (!(isText(v))) return false;
        break;
      case 'email':
        if (!(isText(v) && isEmail(v))) return false; required++;
        break;
      case 'company':
        if (!(isText(v))) return false;
        break;
      case 'logoUrl':
        if (!(isText(v) && isHttpUrl(v))) return false;
        break;
      case 'noOfContributors':
        if (!(Number.isSafeInteger(v) && v >= 1)) return false;
        break;
      case 'supportUrl':
        if (!(isText(v) && isHttpUrl(v))) return false;
        break;
      default:
        return false;
    }
  }
  return required === 1;
}

function isCleanConnectorShape2(o) {
  if (!isPlainObject(o)) return false;
  let required = 0;
  for (const name in o) {
    const v = o[name];
    switch (name) {
      case 'url':
        if (!(isText(v) && isGithubSshUrl(v))) return false; required++;
        break;
      case 'tag':
        if (!(isText(v) && isTag(v))) return false; required++;
        break;
      default:
        return false;
    }
  }
  return required === 2;
}

// END GENERATED
