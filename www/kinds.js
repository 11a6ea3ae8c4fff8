// The payload kinds of the "check anything" view: the command-line tool's kind names (so the
// page can show the equivalent `npx connect-preflight validate <kind>` line), each with its
// check, and how a kind is recognised from the content.
import * as api from 'connect-preflight';

export const KINDS = {
  'connect-yaml': { what: 'connect.yaml', language: 'yaml', check: (text) => ({ report: api.validateConnectYaml(text) }) },
  'deployment-draft': { what: 'DeploymentDraft', check: (text) => ({ report: api.validateDeploymentDraft(text) }) },
  'deployment-update': { what: 'DeploymentUpdate (redeploy)', check: (text) => ({ report: api.validateDeploymentUpdate(text) }) },
  'connector-draft': { what: 'ConnectorStagedDraft', check: (text) => ({ report: api.validateConnectorStagedDraft(text) }) },
  'connector-update': { what: 'ConnectorUpdate (update actions)', check: (text) => ({ report: api.validateConnectorUpdate(text) }) },
  'tray-connector': { what: 'Tray CDK connector.json', check: (text) => ({ report: api.validateTrayConnector(text) }) },
  'tray-deploy-request': { what: 'Tray deploy request', check: (text) => ({ report: api.validateTrayDeployRequest(text) }) },
  'tray-deployment-response': { what: 'Tray deployment response', check: (text) => ({ report: api.validateTrayDeploymentResponse(text) }) },
  'tracker-deployment': { what: 'Tracker deployment record', check: (text) => ({ report: api.validateTrackerDeployment(text) }) },
  'tracker-status-update': { what: 'Tracker status update', check: (text) => ({ report: api.validateTrackerStatusUpdate(text) }) },
  'tracker-records': {
    what: 'Tracker records (the /matrix view)',
    check: (text) => {
      const { matrix, report } = api.trackerMatrix(text);
      return { report, output: matrix && JSON.stringify(matrix, null, 2) };
    },
    cli: null, // no command-line kind: a list of records is a view, not a request
  },
  'tracker-query': {
    what: 'Tracker list query',
    language: 'text',
    check: (text) => {
      const { search, report } = api.normalizeTrackerQuery(text.trim());
      return { report, output: search };
    },
  },
};

const UPDATE_ACTIONS_OF_A_DEPLOYMENT = new Set(['redeploy']);

/** The kind of `text`, from its content: JSON by its fields, else connect.yaml or a query string. */
export function detectKind(text) {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^[{[]/.test(trimmed)) {
    // One line of name=value pairs (and no YAML "key: value") is a query string.
    if (/^\??[^\s:=&]+=[^\s]*$/.test(trimmed)) return 'tracker-query';
    return 'connect-yaml';
  }
  let value;
  try {
    value = JSON.parse(trimmed);
  } catch {
    // Not JSON yet (being typed): guess from the field names it mentions.
    value = Object.fromEntries([...trimmed.matchAll(/"([A-Za-z]+)"\s*:/g)].map((m) => [m[1], true]));
  }
  if (Array.isArray(value)) return 'tracker-records';
  if (value === null || typeof value !== 'object') return 'deployment-draft';
  const has = (...fields) => fields.some((f) => Object.hasOwn(value, f));
  if (has('deployAs')) return 'connect-yaml';
  if (has('data') && Array.isArray(value.data)) return 'tracker-records';
  if (has('connectorSourceCode')) return 'tray-deploy-request';
  if (has('deploymentStatus', 'repeatDeployment')) return 'tray-deployment-response';
  if (has('componentId', 'environmentId', 'commitSha')) return 'tracker-deployment';
  if (has('skip', 'take')) return 'tracker-query';
  if (has('actions')) {
    const actions = Array.isArray(value.actions) ? value.actions : [];
    return actions.length > 0 && actions.every((a) => UPDATE_ACTIONS_OF_A_DEPLOYMENT.has(a?.action))
      ? 'deployment-update'
      : 'connector-update';
  }
  if (has('region', 'configurations') && !has('creator', 'repository')) return 'deployment-draft';
  if (has('creator', 'repository', 'integrationTypes', 'privateProjects')) return 'connector-draft';
  if (has('isTrigger', 'rawHttp', 'service', 'tags') || (has('name') && has('version') && !has('connector'))) return 'tray-connector';
  if (has('status') && Object.keys(value).length === 1) return 'tracker-status-update';
  return 'deployment-draft';
}
