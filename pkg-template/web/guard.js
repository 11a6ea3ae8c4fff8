// The guard every public function goes through, in both builds (the Node entry require()s
// this module too). The wasm module is compiled with panic = abort, so a bug that panics, or
// any other trap, leaves the instance dead for the rest of the page: every later call would
// fail. The guard notices, instantiates a fresh module from the bytes already loaded, and
// answers the call that failed with an `InternalError` report; the next call works.
//
// API misuse is an Error the module returns on purpose (marked by src/bindings.js): it is
// rethrown unchanged. Anything else thrown out of the module means the module failed.

const MISUSE = Symbol.for('connect-preflight.misuse');

// The result shape of each function that answers with a Report, so that a failure can be
// answered in the same shape. The other functions throw an Error with code 'InternalError'.
export const SHAPES = {
  buildDeploymentDraft: (report) => ({ draft: null, report }),
  applyConnectorUpdate: (report) => ({ connectorStaged: null, report }),
  parseConnectYaml: (report) => ({ spec: null, report }),
  trayDeployPath: (report) => ({ path: null, report }),
  trayStatusPath: (report) => ({ path: null, report }),
  normalizeTrackerQuery: (report) => ({ query: null, search: null, report }),
  trackerMatrix: (report) => ({ matrix: null, report }),
  trackerLatest: (report) => ({ latest: null, report }),
};
export const REPORTS = new Set([
  'validateKey', 'validateProjectIdentifier', 'validateConnectYaml', 'validateDeploymentDraft',
  'validateDeploymentUpdate', 'validateConnectorStagedDraft', 'validateConnectorUpdate',
  'canRedeploy', 'checkTransition', '__forceTrap',
  'validateTrayConnector', 'validateTrayDeployRequest', 'validateTrayDeploymentResponse',
  'validateTrackerDeployment', 'validateTrackerStatusUpdate',
]);

// The functions whose payload object is looked at in JS first (src/bindings.js, filters written
// from the Rust tables): a certainly clean one is answered here, with no JSON.stringify and no
// crossing; anything else (and any payload with a context, a connector or a current status
// beside it) goes to the module, which writes the report. Each: filters → (first argument,
// second) → clean? (made once, when the guard is: a call looks nothing up by name).
const byName = (name) => (f) => f.cleanObjectFilter(name);
const PREFILTERS = {
  validateDeploymentDraft: (f) => (draft, context) => context == null && f.isCleanDraftObject(draft),
  validateConnectorStagedDraft: byName('validateConnectorStagedDraft'),
  validateTrayConnector: byName('validateTrayConnector'),
  validateTrayDeployRequest: (f) => {
    const clean = f.cleanObjectFilter('validateTrayDeployRequest');
    return (body, connectorJson) => connectorJson == null && clean(body);
  },
  validateTrayDeploymentResponse: byName('validateTrayDeploymentResponse'),
  validateTrackerDeployment: byName('validateTrackerDeployment'),
  validateTrackerStatusUpdate: (f) => {
    const clean = f.cleanObjectFilter('validateTrackerStatusUpdate');
    return (update, current) => current == null && clean(update);
  },
};

// The most parameters an export of the glue takes: the guard passes that many, not a rest
// array (an allocation per call, 15 ns of a 50 ns clean call). Checked when the guard is made.
const MAX_PARAMS = 3;

const MESSAGE = 'connect-preflight failed on this input (a bug: please report it with the input); the module was restarted, and the next call works.';

function isMisuse(error) {
  try {
    return error !== null && typeof error === 'object' && error[MISUSE] === true;
  } catch {
    return false;
  }
}

function internalError(error) {
  const issue = { code: 'InternalError', message: MESSAGE, path: '' };
  // Only the engine's own words (e.g. "unreachable"): a thrown value may be the caller's.
  try {
    if (error instanceof WebAssembly.RuntimeError && typeof error.message === 'string') issue.detail = error.message.slice(0, 200);
  } catch {
    // nothing to add
  }
  return issue;
}

/**
 * Guarded versions of the glue's exports: `glue` is the wasm-bindgen module, extended by
 * scripts/build-pkg.sh with `__exports()` (the live wasm exports, undefined before init) and
 * `__reinstantiate()` (a fresh instance of the same module).
 */
export function guard(glue) {
  const api = {};
  let ready = false; // once the module is there it stays: a failed instance is replaced
  for (const name of Object.keys(glue)) {
    if (typeof glue[name] !== 'function' || name.startsWith('__wbg') || name === 'initSync' || name === 'default'
      || name === '__exports' || name === '__reinstantiate') continue;
    const fn = glue[name];
    if (fn.length > MAX_PARAMS) throw new Error(`connect-preflight: ${name} takes ${fn.length} parameters; the guard passes ${MAX_PARAMS}`);
    const prefilter = PREFILTERS[name]?.(glue.__filters);
    api[name] = function guarded(a, b, c) {
      if (!ready) {
        if (glue.__exports() === undefined) {
          throw new Error(`connect-preflight: call await init() first (or initSync(bytes)), then ${name}()`);
        }
        ready = true;
      }
      if (prefilter !== undefined && prefilter(a, b)) return glue.__filters.cleanReport();
      try {
        return fn(a, b, c);
      } catch (error) {
        if (isMisuse(error)) throw error;
        glue.__reinstantiate();
        const issue = internalError(error);
        const report = { valid: false, errors: [issue], warnings: [] };
        if (SHAPES[name]) return SHAPES[name](report);
        if (REPORTS.has(name)) return report;
        const failure = new Error(MESSAGE);
        failure.code = 'InternalError';
        throw failure;
      }
    };
  }
  return api;
}
