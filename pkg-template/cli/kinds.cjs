'use strict';
// The kinds of file the command line checks (and the page's "check anything" view), each with
// what it is, its check, the context options it takes, and how a kind is told from a file's
// name and content. One place for both: the CLI requires this file, the page bundles it.

// The Connect kinds that take a context take all four of Connect's (a context document a
// check does not read is ignored, as the library ignores it).
const CONNECT_CONTEXT = ['connector', 'deployment', 'projectKey', 'connectorStaged'];

/** name → { what, check(api, text, context) → { report, …results }, options?, file?, language?, cli? } */
const KINDS = {
  'connect-yaml': {
    what: 'connect.yaml',
    help: 'a connect.yaml file, or a directory holding one (DIR/connect.yaml)',
    language: 'yaml',
    file: 'connect.yaml',
    check: (api, text) => ({ report: api.validateConnectYaml(text) }),
  },
  'deployment-draft': {
    what: 'DeploymentDraft',
    help: 'a DeploymentDraft JSON file (the body of POST /{projectKey}/deployments)',
    options: CONNECT_CONTEXT,
    check: (api, text, context) => ({ report: api.validateDeploymentDraft(text, context) }),
  },
  'deployment-update': {
    what: 'DeploymentUpdate (redeploy)',
    help: 'a DeploymentUpdate JSON file (redeploy: POST /{projectKey}/deployments/{id})',
    options: CONNECT_CONTEXT,
    check: (api, text, context) => ({ report: api.validateDeploymentUpdate(text, context) }),
  },
  'connector-draft': {
    what: 'ConnectorStagedDraft',
    help: 'a ConnectorStagedDraft JSON file (the body of POST /connectors/drafts)',
    check: (api, text) => ({ report: api.validateConnectorStagedDraft(text) }),
  },
  'connector-update': {
    what: 'ConnectorUpdate (update actions)',
    help: 'a ConnectorUpdate JSON file (update actions: POST /connectors/drafts/{id})',
    options: CONNECT_CONTEXT,
    check: (api, text, context) => ({ report: api.validateConnectorUpdate(text, context) }),
  },
  'tray-connector': {
    what: 'Tray CDK connector.json',
    help: 'a Tray CDK connector.json, or a directory holding one (DIR/connector.json)',
    file: 'connector.json',
    check: (api, text) => ({ report: api.validateTrayConnector(text) }),
  },
  'tray-deploy-request': {
    what: 'Tray deploy request',
    help: 'a Tray deploy request body JSON ({ connectorSourceCode })',
    options: ['connectorJson'],
    check: (api, text, context = {}) => ({ report: api.validateTrayDeployRequest(text, context.connectorJson) }),
  },
  'tray-deployment-response': {
    what: 'Tray deployment response',
    help: 'a Tray deploy or status response JSON ({ id, deploymentStatus, ... })',
    check: (api, text) => ({ report: api.validateTrayDeploymentResponse(text) }),
  },
  'tracker-deployment': {
    what: 'Tracker deployment record',
    help: 'a deployment tracker record body JSON (POST /api/v1/deployments)',
    check: (api, text) => ({ report: api.validateTrackerDeployment(text) }),
  },
  'tracker-status-update': {
    what: 'Tracker status update',
    help: 'a deployment tracker status update JSON (PATCH /api/v1/deployments/:id)',
    options: ['current'],
    check: (api, text, context = {}) => ({ report: api.validateTrackerStatusUpdate(text, context.current) }),
  },
  'tracker-records': {
    what: 'Tracker records (the /matrix view)',
    help: 'a list of tracker records, or the list response { data }',
    cli: false, // a list of records is a view, not a request
    check: (api, text) => {
      const { matrix, report } = api.trackerMatrix(text);
      return { report, matrix };
    },
  },
  'tracker-query': {
    what: 'Tracker list query',
    help: 'a deployment tracker list query: a query string (skip=0&take=20) or JSON',
    language: 'text',
    check: (api, text) => {
      const { report, search } = api.normalizeTrackerQuery(text.trim());
      return { report, search };
    },
  },
};

/** Whether `a` is within two edits (insert, delete, replace) of `b`. */
function closeTo(a, b) {
  if (Math.abs(a.length - b.length) > 2) return false;
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length] <= 2;
}

const CLI_KINDS = Object.keys(KINDS).filter((k) => KINDS[k].cli !== false);

/**
 * The kind of a file from its name and text, or null when it cannot be told.
 * `strict` (the command line's directory walk): only what is surely a payload of that kind —
 * a JSON file must have the fields that name its kind (package.json, tsconfig.json are not
 * payloads). Not strict (the page, as a user types): a best guess from what is there.
 */
function detectKind(text, { name = '', strict = false } = {}) {
  const base = name.split(/[\\/]/).pop().toLowerCase();
  if (base === 'connect.yaml' || base === 'connect.yml') return 'connect-yaml';
  if (base === 'connector.json') return 'tray-connector';
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^[{[]/.test(trimmed)) {
    if (strict) return null;
    // One line of name=value pairs (and no YAML "key: value") is a query string.
    if (/^\??[^\s:=&]+=[^\s]*$/.test(trimmed)) return 'tracker-query';
    return 'connect-yaml';
  }
  let value;
  try {
    value = JSON.parse(trimmed);
  } catch {
    if (strict) return null;
    // Not JSON yet (being typed): guess from the field names it mentions.
    value = Object.fromEntries([...trimmed.matchAll(/"([A-Za-z]+)"\s*:/g)].map((m) => [m[1], true]));
  }
  if (Array.isArray(value)) return strict ? null : 'tracker-records';
  if (value === null || typeof value !== 'object') return strict ? null : 'deployment-draft';
  const has = (...fields) => fields.some((f) => Object.hasOwn(value, f));
  const all = (...fields) => fields.every((f) => Object.hasOwn(value, f));
  if (has('deployAs')) return strict ? null : 'connect-yaml';
  if (has('data') && Array.isArray(value.data)) return strict ? null : 'tracker-records';
  if (has('connectorSourceCode')) return 'tray-deploy-request';
  if (strict ? all('id', 'deploymentStatus') : has('deploymentStatus', 'repeatDeployment')) return 'tray-deployment-response';
  if (strict ? all('componentId', 'environmentId') : has('componentId', 'environmentId', 'commitSha')) return 'tracker-deployment';
  if (!strict && has('skip', 'take')) return 'tracker-query';
  if (has('actions') && (!strict || (Array.isArray(value.actions) && has('version')))) {
    const actions = Array.isArray(value.actions) ? value.actions : [];
    // Not strict (a user typing), a misspelt redeploy is still a redeploy: its check says so.
    const isRedeploy = (a) => a && typeof a.action === 'string' && (a.action === 'redeploy' || (!strict && closeTo(a.action, 'redeploy')));
    return actions.length > 0 && actions.every(isRedeploy) ? 'deployment-update' : 'connector-update';
  }
  if (strict) {
    const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
    if (isObject(value.connector) && has('region', 'configurations')) return 'deployment-draft';
    if (isObject(value.repository) && has('creator', 'name')) return 'connector-draft';
    return null;
  }
  if (has('region', 'configurations') && !has('creator', 'repository')) return 'deployment-draft';
  if (has('creator', 'repository', 'integrationTypes', 'privateProjects')) return 'connector-draft';
  if (has('isTrigger', 'rawHttp', 'service', 'tags') || (has('name') && has('version') && !has('connector'))) return 'tray-connector';
  if (has('status') && Object.keys(value).length === 1) return 'tracker-status-update';
  return 'deployment-draft';
}

module.exports = { KINDS, CLI_KINDS, detectKind };
