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
// beside it) goes to the module, which writes the report. Each: (filters, first argument, second) → clean?
const PREFILTERS = {
  validateDeploymentDraft: (f, draft, context) => context == null && f.isCleanDraftObject(draft),
  validateConnectorStagedDraft: (f, draft) => f.isCleanObject(draft, 'validateConnectorStagedDraft'),
  validateTrayConnector: (f, connector) => f.isCleanObject(connector, 'validateTrayConnector'),
  validateTrayDeployRequest: (f, body, connectorJson) => connectorJson == null && f.isCleanObject(body, 'validateTrayDeployRequest'),
  validateTrayDeploymentResponse: (f, response) => f.isCleanObject(response, 'validateTrayDeploymentResponse'),
  validateTrackerDeployment: (f, deployment) => f.isCleanObject(deployment, 'validateTrackerDeployment'),
  validateTrackerStatusUpdate: (f, update, current) => current == null && f.isCleanObject(update, 'validateTrackerStatusUpdate'),
};

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
  for (const name of Object.keys(glue)) {
    if (typeof glue[name] !== 'function' || name.startsWith('__wbg') || name === 'initSync' || name === 'default'
      || name === '__exports' || name === '__reinstantiate') continue;
    const prefilter = PREFILTERS[name];
    api[name] = function guarded(...args) {
      if (glue.__exports() === undefined) {
        throw new Error(`connect-preflight: call await init() first (or initSync(bytes)), then ${name}()`);
      }
      if (prefilter !== undefined && prefilter(glue.__filters, args[0], args[1])) return glue.__filters.cleanReport();
      try {
        return glue[name](...args);
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
