// A consumer of the package, checked with `tsc --noEmit` (make test, level "types"):
// the declarations must describe the API as users call it. Lines marked @ts-expect-error
// must fail to type-check, so the types are neither missing nor too loose.
import init, {
  init as namedInit,
  validateTrayConnector,
  trayDeployPath,
  trayStatusPath,
  validateTrayDeployRequest,
  validateTrayDeploymentResponse,
  validateTrackerDeployment,
  validateTrackerStatusUpdate,
  normalizeTrackerQuery,
  trackerMatrix,
  trackerLatest,
  type TrayConnectorJson,
  type TrayPath,
  type TrayDeploymentResponse,
  type TrackerDeployment,
  type TrackerStatusUpdate,
  type TrackerMatrixRow,
  type TrackerLatestRow,
  type MachineName,
  initSync,
  validateDeploymentDraft,
  validateDeploymentUpdate,
  buildDeploymentDraft,
  canRedeploy,
  checkTransition,
  allowedTransitions,
  validateConnectorStagedDraft,
  validateConnectorUpdate,
  buildConnectorUpdateActions,
  applyConnectorUpdate,
  validateKey,
  validateProjectIdentifier,
  validateConnectYaml,
  parseConnectYaml,
  errorCatalog,
  toErrorResponse,
  version,
  type Code,
  type Report,
  type Issue,
  type DeploymentDraft,
  type ErrorResponse,
  type CatalogEntry,
  type ConnectSpec,
  type DeploymentUpdate,
  type ConnectorStagedDraft,
  type ConnectorUpdateAction,
} from 'connect-preflight';

async function main(): Promise<void> {
  await init();
  await namedInit();
  initSync();

  const draft: DeploymentDraft = {
    connector: { key: 'my-connector', staged: false },
    region: 'europe-west1.gcp',
    configurations: [{ applicationName: 'service', standardConfiguration: [{ key: 'K', value: 'v' }], securedConfiguration: [] }],
  };
  const fromObject: Report = validateDeploymentDraft(draft);
  const fromText: Report = validateDeploymentDraft(JSON.stringify(draft), { connectYaml: 'deployAs: []' });
  const anything: Report = validateDeploymentDraft(JSON.parse('{}'), null);
  const update: DeploymentUpdate = { version: 1, actions: [{ action: 'redeploy', skipScripts: true }] };
  const redeploy: Report = validateDeploymentUpdate(update, { deployment: { version: 1, status: 'Deployed' } });
  const built = buildDeploymentDraft({ connector: { key: 'c' }, region: 'us-east-2.aws', values: { app: { K: 'v' } } }, 'deployAs: []');
  const builtDraft: DeploymentDraft | null = built.draft;
  const next: string[] = allowedTransitions('connectDeployment', 'Deployed');
  const moves: Report = checkTransition('trackerDeployment', 'pending', 'failed');
  const again: boolean = canRedeploy('Failed').valid && redeploy.valid && moves.valid && next.length > 0 && builtDraft !== null;
  // @ts-expect-error: the machine name is checked
  checkTransition('connectDeploymen', 'Draft', 'Queued');
  // @ts-expect-error: updates need a version
  const noVersion: DeploymentUpdate = { actions: [] };
  console.log(again, noVersion);
  const connector: ConnectorStagedDraft = { name: 'n', creator: { email: 'a@b.co' }, repository: { url: 'git@github.com:e/r.git', tag: 'v1' } };
  const draftReport: Report = validateConnectorStagedDraft(connector);
  const actions: ConnectorUpdateAction[] = buildConnectorUpdateActions(connector, { ...connector, name: 'm' });
  const updateReport: Report = validateConnectorUpdate({ version: 1, actions }, { connectorStaged: connector });
  const applied = applyConnectorUpdate(connector, { version: 1, actions: [{ action: 'setCreatorLogo', logoUrl: 'https://e.com/l.png' }] });
  console.log(draftReport.valid, updateReport.valid, applied.connectorStaged?.name);
  // @ts-expect-error: setCreatorLogo takes logoUrl, not creatorLogoUrl
  const wrongField: ConnectorUpdateAction = { action: 'setCreatorLogo', creatorLogoUrl: 'x' };
  console.log(wrongField);

  for (const issue of [...fromObject.errors, ...fromText.warnings, ...anything.errors]) {
    const i: Issue = issue;
    const code: Code = i.code;
    const where: string = `${i.path} ${i.line ?? ''}:${i.column ?? ''}`;
    const hint: string | undefined = i.didYouMean;
    switch (code) {
      case 'DeploymentUnsupportedRegion':
      case 'InvalidField':
      case 'RequiredField':
        console.log(where, hint, i.field);
        break;
      default:
        break;
    }
  }

  const valid: boolean = validateKey('my-key').valid && validateProjectIdentifier('europe-west1.gcp:p1').valid;
  const catalog: CatalogEntry[] = errorCatalog();
  const statuses: number[] = catalog.map((e) => e.httpStatus);
  const response: ErrorResponse | null = toErrorResponse(fromObject);
  const v: string = version();
  const yamlReport: Report = validateConnectYaml('deployAs: []');
  const { spec, report: parsedReport } = parseConnectYaml('deployAs: []');
  const apps: string[] = spec ? spec.configurations.map((a) => `${a.applicationName}:${a.applicationType}`) : [];
  const secured: boolean[] = (spec as ConnectSpec).configurations.flatMap((a) => a.securedConfiguration.map((k) => k.required));
  console.log(yamlReport.valid, parsedReport.errors.length, apps, secured);
  // @ts-expect-error: connect.yaml is text
  validateConnectYaml({ deployAs: [] });
  console.log(valid, statuses, response?.statusCode, v);

  // Tray.io CDK and the deployment tracker.
  const connectorJson: TrayConnectorJson = { name: 'acme-tmdb', version: '1.0', tags: ['service'], rawHttp: { enabled: true } };
  const trayReport: Report = validateTrayConnector(connectorJson);
  const deployPath: string | null = trayDeployPath('acme-tmdb', '1.0').path;
  const statusPath: TrayPath = trayStatusPath('acme-tmdb', '1.0', 'latest');
  const requestReport: Report = validateTrayDeployRequest({ connectorSourceCode: 'UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==' }, connectorJson);
  const trayResponse: TrayDeploymentResponse = { id: 'x', deploymentStatus: 'Deploying', connectorName: 'acme-tmdb', connectorVersion: '1.0' };
  const responseReport: Report = validateTrayDeploymentResponse(trayResponse);
  const record: TrackerDeployment = { componentId: 'c', environmentId: 'e', version: 'v1', status: 'succeeded' };
  const trackerReport: Report = validateTrackerDeployment({ componentId: 'c', environmentId: 'e', version: 'v1' });
  const statusUpdateReport: Report = validateTrackerStatusUpdate({ status: 'in_progress' }, record);
  const { query, search } = normalizeTrackerQuery('?take=50');
  const take: number | undefined = query?.take;
  const matrix: TrackerMatrixRow[] | null = trackerMatrix([record]).matrix;
  const latest: TrackerLatestRow[] | null = trackerLatest({ data: [record] }, 'c').latest;
  const machine: MachineName = 'trayDeployment';
  const system: 'connect' | 'tray' | null = errorCatalog()[0].system;
  console.log(trayReport, deployPath, statusPath, requestReport, responseReport, trackerReport, statusUpdateReport, search, take, matrix, latest, machine, system);
  // @ts-expect-error: Tray's version is "1.0"
  const badVersion: TrayConnectorJson = { name: 'acme-tmdb', version: '2.0' };
  // @ts-expect-error: tracker statuses are lower-case
  const badStatus: TrackerStatusUpdate = { status: 'Succeeded' };
  console.log(badVersion, badStatus);

  // @ts-expect-error: not a code
  const wrong: Code = 'DeploymentApplicationRequiredError';
  // @ts-expect-error: region is one of five
  const badRegion: DeploymentDraft = { ...draft, region: 'europe-west1' };
  // @ts-expect-error: a context is an object
  validateDeploymentDraft(draft, 'context');
  // @ts-expect-error: a Report's valid is a boolean
  const notBool: string = fromObject.valid;
  console.log(wrong, badRegion, notBool);

  // Payloads are typed: a misspelt field of an object literal is an error, text is fine.
  // @ts-expect-error: 'regoin' is not a field of a DeploymentDraft
  validateDeploymentDraft({ connector: { key: 'c' }, regoin: 'eu', configurations: [] });
  // @ts-expect-error: the redeploy action is 'redeploy'
  validateDeploymentUpdate({ version: 1, actions: [{ action: 'redeplay' }] });
  validateDeploymentDraft('{ "regoin": "eu" }');

  // Issues are a union on `code`: after narrowing, the code's own params are typed.
  for (const issue of fromObject.errors) {
    if (issue.code === 'DeploymentMissingApplicationConfigurationKey') {
      const key: string | undefined = issue.configurationKey;
      const app: string | undefined = issue.applicationName;
      console.log(key, app);
    }
    if (issue.code === 'ConnectorStagedNotPreviewable') {
      const version: number | undefined = issue.version;
      // @ts-expect-error: a version is a number
      const asText: string | undefined = issue.version;
      console.log(version, asText);
    }
  }
}

void main();
