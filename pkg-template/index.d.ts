// Type declarations of connect-preflight: the same API in Node (require and import), in
// browsers (`--target web`) and through bundlers. Hand-written; `make test` checks them with
// `tsc --noEmit` against tests/types/consumer.ts, and the Code union below against the
// Rust registry (src/report/codes.rs).

/** A problem found in a payload. */
/** What every issue has, whatever its code (`code` itself: see `Issue`). */
export interface IssueBase {
  /** One human sentence; never contains a secured value. */
  message: string;
  /** RFC 6901 JSON Pointer into the input ("" is the root). */
  path: string;
  /** 1-based line, for text input (JSON text, connect.yaml). */
  line?: number;
  /** 1-based column in UTF-16 code units, for text input. */
  column?: number;
  /** Set only on an issue about a context document, not the input (API.md §3, §6):
   * path, line and column are then in that document. */
  source?: 'connectYaml' | 'connector' | 'deployment' | 'connectorStaged' | 'connectorJson' | 'current';
  /** Name of the field concerned (RequiredField, InvalidField, UnknownField). */
  field?: string;
  /** The offending value (InvalidField): a string (at most 200 characters and `…`), number,
   * boolean or null; never an object or an array (those are described by their type in the
   * message), never present for a secured value. */
  invalidValue?: string | number | boolean | null;
  /** The accepted values of an enum (InvalidField). */
  allowedValues?: string[];
  /** The closest known name or value, when the given one looks like a typo. */
  didYouMean?: string;
  /** serde_json's description of a JSON syntax error, or why a JS value cannot be read
   * (InvalidJsonInput). */
  detailedErrorMessage?: string;
  /** TooManyIssues: how many errors and warnings were found past the 1,000 listed. */
  omittedErrors?: number;
  omittedWarnings?: number;
  /** InvalidYaml: what the parser found; InternalError: the engine's words (e.g. "unreachable"). */
  detail?: string;
  /** Other code-specific fields, named as in the API's ErrorObject. */
  [param: string]: unknown;
}

/**
 * An issue: one type per code (a union discriminated by `code`), each with the params its
 * catalog message names, so that after `if (issue.code === 'DeploymentMissingApplicationConfigurationKey')`
 * `issue.configurationKey` is a `string | undefined`.
 */
export type Issue = { [C in Code]: IssueOf<C> }[Code];
/** The issue type of one code. */
export type IssueOf<C extends Code> = IssueBase & {
  /** Stable machine-readable code: the API's own wire code where it has one. */
  code: C;
} & IssueParams[C];

/**
 * The params each code's message template names (`errorCatalog()`'s `message`), as the issue
 * carries them; a value that could be a secret is left out, so each is optional.
 */
// BEGIN GENERATED: IssueParams
export interface IssueParams {
  ConnectorAlreadyCertified: {};
  ConnectorStagedInCertification: {};
  ConnectorStagedNotPreviewable: { connectorId?: string; connectorKey?: string; version?: number };
  ConnectorStagedNotPrivate: {};
  ConnectorStagedPreviewRequestUnderProcess: {};
  GitRepositoryNotReachable: {};
  ConnectorSpecificationFileNotFound: { url?: string; tag?: string };
  ConnectorSpecificationFileNotValid: { url?: string; tag?: string };
  ConnectorReferenceNotFound: { identifier?: string; version?: number };
  DeploymentConnectorUpdateFailure: { cause?: string };
  DeploymentInvalidStatusTransition: { status?: string };
  DeploymentUnknownApplicationConfiguration: { unknownApplicationName?: string };
  DeploymentUnknownApplicationConfigurationKey: { configurationKey?: string; applicationName?: string };
  DeploymentUnsupportedRegion: { region?: string };
  DeploymentApplicationDoNotBelong: { id?: string; key?: string; applicationName?: string };
  DeploymentApplicationRequired: {};
  DeploymentUnknownGlobalConfigurationKey: { configurationKey?: string };
  DeploymentMissingGlobalConfigurationKey: { configurationKey?: string };
  DeploymentEmptyRequiredGlobalConfigurationKey: { configurationKey?: string };
  DeploymentInvalidType: { type?: string; allowedTypes?: unknown };
  DeploymentProductionDeactivated: {};
  DeploymentApplicationDoesNotExist: { applicationName?: string };
  DeploymentLogInvalidDate: {};
  DeploymentLogInvalidPageToken: {};
  DeploymentLogMissingApplicationName: {};
  DeploymentInvalidRetryPolicy: { applicationName?: string };
  DeploymentRetryPolicyOverrideNotAllowed: { applicationName?: string };
  ConcurrentModification: { resourceId?: string; expectedVersion?: number; currentVersion?: number };
  DuplicateField: { duplicateValue?: unknown; field?: string };
  FieldValueNotFound: { value?: unknown; field?: string };
  InvalidJsonInput: {};
  InvalidPathParam: {};
  InvalidQueryParam: {};
  ResourceNotFound: { resourceId?: string };
  General: {};
  BadGateway: {};
  AuthenticationError: {};
  AuthorizationError: {};
  RequiredField: { field?: string };
  InvalidField: { invalidValue?: string | number | boolean | null; field?: string };
  InvalidInput: {};
  InvalidOperation: {};
  TrayInvalidInput: {};
  TrayUnauthorized: {};
  TrayForbidden: {};
  TrayNotFound: {};
  TrayLimitExceeded: {};
  TrayInternal: {};
  TrayRepeatDeployment: { id?: string };
  InvalidYaml: { detail?: string };
  UnknownField: { field?: string };
  DuplicateApplicationName: { applicationName?: string };
  DuplicateConfigurationKey: { configurationKey?: string };
  DuplicateGlobalConfigurationKey: { configurationKey?: string };
  ReservedConfigurationKey: { configurationKey?: string };
  NotAllowedForApplicationType: { field?: string; applicationType?: string };
  MissingMerchantCenterConfiguration: { applicationName?: string; configurationKey?: string };
  InvalidSchedule: { invalidValue?: string | number | boolean | null };
  LegacyConnectYamlFormat: { field?: string };
  DeprecatedApplicationType: {};
  ProvidedConfigurationKey: { configurationKey?: string };
  DeploymentMissingApplicationConfigurationKey: { configurationKey?: string; applicationName?: string };
  DeploymentEmptyRequiredApplicationConfigurationKey: { configurationKey?: string; applicationName?: string };
  InvalidStatusTransition: { from?: string; to?: string };
  ConnectorNotAvailableToProject: { projectIdentifier?: string };
  ConfigurationDefaultApplies: { configurationKey?: string };
  TooManyIssues: { omittedErrors?: number; omittedWarnings?: number };
  InternalError: {};
}
// END GENERATED: IssueParams

/** The answer of every check. */
export interface Report {
  /** True exactly when `errors` is empty. */
  valid: boolean;
  /** Every error found, in a deterministic order. */
  errors: Issue[];
  /** Accepted by the API but probably wrong. */
  warnings: Issue[];
}

/** A payload: a JS value, or JSON text (parsed in WebAssembly; issues then get line/column). */
export type Payload<T> = T | string;

export type Region =
  | 'europe-west1.gcp'
  | 'us-central1.gcp'
  | 'australia-southeast1.gcp'
  | 'us-east-2.aws'
  | 'eu-central-1.aws';

export type DeploymentType = 'preview' | 'sandbox' | 'production';

export interface ConfigurationValue {
  key: string;
  value: string;
}

export interface DeploymentConfigurationApplication {
  applicationName: string;
  standardConfiguration: ConfigurationValue[];
  securedConfiguration: ConfigurationValue[];
  /** Overrides the job schedule of connect.yaml (cron). */
  schedule?: string;
  /** Overrides the retry policy of an event application. */
  retryPolicy?: Record<string, unknown>;
}

export interface ConnectorReference {
  id?: string;
  key?: string;
  version?: number;
  staged?: boolean;
}

export interface DeploymentDraft {
  key?: string;
  type?: DeploymentType;
  connector: ConnectorReference;
  region: Region;
  configurations: DeploymentConfigurationApplication[];
  globalConfiguration?: {
    standardConfiguration?: ConfigurationValue[];
    securedConfiguration?: ConfigurationValue[];
  };
}

/** A Connector, a ConnectorStaged (as the API returns them) or a ConnectSpec (parseConnectYaml). */
export type ConnectorSource = ConnectSpec | { configurations: unknown[]; [field: string]: unknown };

/**
 * Optional context for cross-checks (API.md §6). Unknown fields, or a member of the wrong
 * type, throw (API misuse); a connect.yaml that cannot be read is reported as `InvalidYaml`.
 */
export interface Context {
  /** The connector's connect.yaml: its applications and their declared keys. */
  connectYaml?: string;
  /** The Connector or ConnectorStaged (supportedRegions, isPreviewable, private, privateProjects; and the declarations when there is no connectYaml). */
  connector?: ConnectorSource;
  /** The Deployment being updated (status, version, applications; its connector when none is given). */
  deployment?: { version?: number; status?: DeploymentStatus; applications?: { applicationName: string }[]; [field: string]: unknown };
  /** The ConnectorStaged: isPreviewable and privacy for deployments; its state for validateConnectorUpdate. */
  connectorStaged?: ConnectorStaged | ConnectorStagedDraft;
  /** The deploying project's key: a private connector must list "{region}:{projectKey}". */
  projectKey?: string;
}

export type DeploymentStatus = 'Draft' | 'Queued' | 'Deploying' | 'Deployed' | 'Failed' | 'Undeploying' | 'UndeployFailed';

/** The only Deployment update action. */
export interface DeploymentRedeployAction {
  action: 'redeploy';
  skipScripts?: boolean;
  /** Omitted or empty: existing values are unchanged. */
  configurationValues?: DeploymentConfigurationApplication[];
  /** Key/value pairs, as the SDK and the CLI send them (docs/api-notes.md). */
  globalConfiguration?: { standardConfiguration?: ConfigurationValue[]; securedConfiguration?: ConfigurationValue[] };
  updateConnector?: boolean;
}

export interface DeploymentUpdate {
  version: number;
  actions: DeploymentRedeployAction[];
}

/** The input of buildDeploymentDraft: plain values per application; the source sorts them. */
export interface DeploymentDraftInput {
  key?: string;
  connector: ConnectorReference;
  region: Region;
  type?: DeploymentType;
  /** `{ [applicationName]: { [KEY]: value } }` */
  values?: Record<string, Record<string, string>>;
  /** `{ [KEY]: value }` for the connector's global configuration. */
  globalValues?: Record<string, string>;
  /** `{ [applicationName]: { schedule?, retryPolicy? } }`: a job's schedule, an event's retry
   * policy, copied to that application's entry of the draft. */
  overrides?: Record<string, { schedule?: string; retryPolicy?: DeploymentConfigurationApplication['retryPolicy'] }>;
}

export type MachineName =
  | 'connectDeployment'
  | 'connectorStaged'
  | 'connectorPreviewable'
  | 'trayDeployment'
  | 'trackerDeployment';

export type IntegrationType =
  | 'tax' | 'marketplace' | 'oms' | 'psp' | 'pim' | 'promotion' | 'search'
  | 'erp' | 'crm' | 'email' | 'analytics' | 'shipping' | 'giftcard' | 'other';

export type ConnectorStatus = 'Draft' | 'Processing' | 'ReadyForCertification' | 'InCertification' | 'Published' | 'Failed';

/** `isPreviewable` is a string, not a boolean. */
export type IsPreviewable = 'none' | 'pending' | 'true' | 'false';

export interface Creator {
  email: string;
  name?: string;
  title?: string;
  company?: string;
  logoUrl?: string;
  noOfContributors?: number;
  supportUrl?: string;
}

/** The body of POST /connectors/drafts. */
export interface ConnectorStagedDraft {
  key?: string;
  name: string;
  description?: string;
  integrationTypes?: IntegrationType[];
  creator: Creator;
  /** An HTTPS or SSH GitHub URL ending in .git; private repositories need the SSH form. */
  repository: { url: string; tag: string };
  supportedRegions?: Region[];
  /** "{region}:{projectKey}" */
  privateProjects?: string[];
  documentationUrl?: string;
}

/** A ConnectorStaged as the API returns it (the draft's fields, plus what connect.yaml and the server add). */
export interface ConnectorStaged extends ConnectorStagedDraft {
  id?: string;
  version?: number;
  configurations?: ConnectorConfigurationApplication[];
  private?: boolean;
  status?: ConnectorStatus;
  isPreviewable?: IsPreviewable;
  hasChanges?: boolean;
  alreadyListed?: boolean;
  certified?: boolean;
  [field: string]: unknown;
}

/** Every ConnectorStaged update action, with exactly its fields (note `logoUrl` and `regions`). */
export type ConnectorUpdateAction =
  | { action: 'setName'; name: string }
  | { action: 'setDescription'; description?: string }
  | { action: 'setRepository'; url?: string; tag: string }
  | { action: 'setSupportedRegions'; regions: Region[] }
  | { action: 'setDocumentationUrl'; documentationUrl?: string }
  | { action: 'setIntegrationTypes'; integrationTypes: IntegrationType[] }
  | { action: 'setCreatorName'; creatorName?: string }
  | { action: 'setCreatorTitle'; creatorTitle?: string }
  | { action: 'setCreatorEmail'; creatorEmail: string }
  | { action: 'setCreatorCompany'; creatorCompany?: string }
  | { action: 'setCreatorNoOfContributors'; creatorNoOfContributors?: number }
  | { action: 'setCreatorSupportUrl'; creatorSupportUrl?: string }
  | { action: 'setCreatorLogo'; logoUrl?: string }
  | { action: 'addPrivateProject'; privateProject: string }
  | { action: 'removePrivateProject'; privateProject: string }
  | { action: 'updatePreviewable' }
  | { action: 'publish'; certification: boolean }
  | { action: 'unlist' }
  | { action: 'addCertificationComment'; comment: string };

export interface ConnectorUpdate {
  version: number;
  actions: ConnectorUpdateAction[];
}

export interface CatalogEntry {
  code: Code;
  httpStatus: number;
  origin: 'api' | 'preflight';
  /** The API whose code (or documented HTTP status) it is; `null` for connect-preflight's own codes, which every system uses. */
  system: 'connect' | 'tray' | null;
  /** Message template, with `$param` placeholders as the API documents them. */
  message: string;
}

/** An ErrorObject of the API's error envelope: code, message and code-specific fields. */
export interface ErrorObject {
  code: Code;
  message: string;
  [param: string]: unknown;
}

export interface ErrorResponse {
  statusCode: number;
  message: string;
  errors: ErrorObject[];
}

/**
 * Loads the WebAssembly module. Required once in browsers before any other call; does nothing
 * in Node (the module is loaded synchronously there).
 */
export function init(source?: string | URL | Request | Response | BufferSource | WebAssembly.Module): Promise<void>;
/** Loads the module synchronously from its bytes (browsers); does nothing in Node. */
export function initSync(bytes?: BufferSource | WebAssembly.Module): void;
export default init;

/** The package version. */
export function version(): string;

/** A resource key (Deployment, Connector, applicationName): 2..256 of [A-Za-z0-9_-]. */
export function validateKey(value: unknown): Report;

/** A ProjectIdentifier, "{region}:{projectKey}". */
export function validateProjectIdentifier(value: unknown): Report;

/**
 * Checks a DeploymentDraft. Throws only when `context` is neither an object nor
 * undefined/null (API misuse); bad input is always a Report.
 */
export function validateDeploymentDraft(draft: Payload<DeploymentDraft>, context?: Context | null): Report;

/**
 * Checks a DeploymentUpdate (redeploy); with a context, against the deployment (status,
 * version, applications) and the connector (configuration values).
 */
export function validateDeploymentUpdate(update: Payload<DeploymentUpdate>, context?: Context | null): Report;

/**
 * Builds a DeploymentDraft from values per application, sorted into standard and secured by
 * `source` (connect.yaml text or a connector). `draft` is null only when the input or the
 * source cannot be read; issue paths point into the input (`/values/{app}/{KEY}`). Throws
 * when `source` is neither a string nor a connector object (API misuse).
 */
export function buildDeploymentDraft(
  input: Payload<DeploymentDraftInput>,
  source: string | ConnectorSource,
): { draft: DeploymentDraft | null; report: Report };

/** Checks a ConnectorStagedDraft (POST /connectors/drafts): every field rule. */
export function validateConnectorStagedDraft(draft: Payload<ConnectorStagedDraft>): Report;

/**
 * Checks a ConnectorUpdate: every action and exactly its fields; with `context.connectorStaged`
 * (or a ConnectorStaged as `context.connector`), what its state allows, action after action.
 */
export function validateConnectorUpdate(update: Payload<ConnectorUpdate>, context?: Context | null): Report;

/**
 * The shortest list of update actions that turns `before` into `after` (ConnectorStaged or
 * ConnectorStagedDraft), in a stable order. Throws when either is not an object.
 */
export function buildConnectorUpdateActions(
  before: ConnectorStaged | ConnectorStagedDraft | string,
  after: ConnectorStaged | ConnectorStagedDraft | string,
): ConnectorUpdateAction[];

/**
 * The ConnectorStaged after the update, as the API would return it (version + 1), with the
 * update's report; `connectorStaged` is null when the report has errors. Throws when
 * `connectorStaged` is not an object.
 */
export function applyConnectorUpdate(
  connectorStaged: ConnectorStaged | ConnectorStagedDraft | string,
  update: Payload<ConnectorUpdate>,
): { connectorStaged: ConnectorStaged | null; report: Report };

/** `DeploymentInvalidStatusTransition` unless the status is Draft, Deployed, Failed or UndeployFailed. */
export function canRedeploy(status: DeploymentStatus | unknown): Report;

/** Whether `machine` may move from `from` to `to`. Throws for an unknown machine name. */
export function checkTransition(machine: MachineName, from: string, to: string): Report;

/** The states `machine` may move to from `from` (empty for an unknown state). Throws for an unknown machine name. */
export function allowedTransitions(machine: MachineName, from: string): string[];

/** A configuration entry of connect.yaml in the API's shape (StandardConfigurationKey). */
export interface ConfigurationKey {
  key: string;
  description: string;
  /** false when connect.yaml leaves it out (the API's default). */
  required: boolean;
  /** Standard entries only. */
  default?: string;
}

/** One application of connect.yaml in the API's shape (ConnectorConfigurationApplication). */
export interface ConnectorConfigurationApplication {
  applicationName: string;
  applicationType:
    | 'service'
    | 'event'
    | 'job'
    | 'assets'
    | 'merchant-center-custom-application'
    | 'merchant-center-custom-view'
    | 'mc-app';
  standardConfiguration: ConfigurationKey[];
  securedConfiguration: Omit<ConfigurationKey, 'default'>[];
  endpoint?: string;
  scripts?: { postDeploy?: string; preUndeploy?: string };
  /** From `properties.schedule` (jobs). */
  schedule?: string;
  healthCheck?: { path: string; intervalSeconds?: number; timeoutSeconds?: number; unhealthyThreshold?: number };
  retryPolicy?:
    | { strategy: 'immediate' }
    | { strategy: 'exponential-backoff'; minBackoffSeconds: number; maxBackoffSeconds: number; maxAttempts?: number };
}

/** connect.yaml as the API shows it on a ConnectorStaged. */
export interface ConnectSpec {
  configurations: ConnectorConfigurationApplication[];
  /** From `inheritAs.configuration`. */
  globalConfiguration?: {
    standardConfiguration: ConfigurationKey[];
    securedConfiguration: Omit<ConfigurationKey, 'default'>[];
  };
  /** From `inheritAs.apiClient`. */
  apiClient?: { scopes: string[] };
}

/**
 * Checks connect.yaml text against every rule of the official specification; every issue
 * has `line` and `column`. Throws when `text` is not a string (API misuse).
 */
export function validateConnectYaml(text: string): Report;

/**
 * Reads connect.yaml: the report, and the file in the API's shape. `spec` is null only when
 * the file cannot be read at all (a syntax error, not a mapping, no deployAs list).
 */
export function parseConnectYaml(text: string): { spec: ConnectSpec | null; report: Report };

/**
 * The JSON Schema (draft 2020-12) of connect.yaml for editors (completion, hover text,
 * squiggles), generated from the rule tables `validateConnectYaml` runs: every file it accepts
 * is valid against the schema. Also shipped as `connect-preflight/connect.schema.json`. A fresh
 * copy on each call.
 */
export function connectYamlSchema(): Record<string, unknown>;

/** Every code this library can emit and every documented API code. */
export function errorCatalog(): CatalogEntry[];

/**
 * The report's errors in the API's own envelope; null for a report without errors.
 * The report may be given as its JSON text. Throws when the argument is not a Report (or an error's `code` or `message` is not a
 * string). A report built by hand is held to the same budgets as ours: message cut to 1,000
 * characters, other strings to 200, no object or array `invalidValue`.
 */
export function toErrorResponse(report: Report | string): ErrorResponse | null;

// ---- Tray.io CDK ----------------------------------------------------------------------

/** `connector.json`, as `tray-cdk init` writes it. */
export interface TrayConnectorJson {
  /** Kebab-case: lower-case letters, digits and single dashes; the namespace prefix is part of it. */
  name: string;
  /** `"1.0"`: the only version the Deployments API supports. */
  version: '1.0';
  title?: string;
  description?: string;
  service?: { name?: string; version?: string };
  tags?: string[];
  isTrigger?: boolean;
  rawHttp?: { enabled: boolean };
}

/** The body of `POST /cdk/v1/deployments/connectors/{name}/versions/{version}/deploy-connector-from-source`. */
export interface TrayDeployRequest {
  /** Standard base64 (one line, padded) of the connector's zip (`dist/connector.zip`). */
  connectorSourceCode: string;
}

export type TrayDeploymentStatus = 'Deploying' | 'Deployed' | 'Failed';

/** The 200 response of the deploy and of the status endpoint. */
export interface TrayDeploymentResponse {
  id: string;
  /** `Building`, undocumented, is accepted with a warning and means in progress. */
  deploymentStatus: TrayDeploymentStatus;
  connectorName: string;
  connectorVersion: string;
  /** true: skipped, a deployment of this connector is already in progress (a warning). */
  repeatDeployment?: boolean;
}

/** A path of the Deployments API, or null when the report has errors. */
export interface TrayPath {
  path: string | null;
  report: Report;
}

/** Checks `connector.json` (an object or its JSON text). */
export function validateTrayConnector(connectorJson: Payload<TrayConnectorJson>): Report;

/** `/cdk/v1/deployments/connectors/{name}/versions/{version}/deploy-connector-from-source`, each segment checked and percent-encoded. */
export function trayDeployPath(name: string, version: string): TrayPath;

/** `/cdk/v1/deployments/connectors/{name}/versions/{version}/{id}`; `id` a deployment id or `"latest"`. */
export function trayStatusPath(name: string, version: string, id: string): TrayPath;

/** Checks a deploy request body; with `connectorJson`, also that it is deployable (its issues carry `source: "connectorJson"`). */
export function validateTrayDeployRequest(
  body: Payload<TrayDeployRequest>,
  connectorJson?: Payload<TrayConnectorJson> | null,
): Report;

/** Checks the 200 response of the deploy or the status endpoint. */
export function validateTrayDeploymentResponse(json: Payload<TrayDeploymentResponse>): Report;

// ---- Deployment tracker ------------------------------------------------------------------

export type TrackerStatus = 'pending' | 'in_progress' | 'succeeded' | 'failed' | 'rolled_back';

/** The body of `POST /api/v1/deployments`. */
export interface TrackerDeploymentPayload {
  /** UUID. */
  componentId: string;
  /** UUID. */
  environmentId: string;
  version: string;
  deployedBy?: string;
  /** 7 to 40 hexadecimal digits. */
  commitSha?: string;
  description?: string;
  metadata?: { [key: string]: unknown };
}

/** A record as the API lists it (the fields the views read; others pass). */
export interface TrackerDeployment extends Partial<TrackerDeploymentPayload> {
  id?: string;
  componentId: string;
  componentName?: string;
  environmentId: string;
  environmentName?: string;
  version: string;
  status: TrackerStatus;
  /** RFC 3339 date-time. */
  deployedAt?: string;
  [field: string]: unknown;
}

/** The body of `PATCH /api/v1/deployments/:id`. */
export interface TrackerStatusUpdate {
  status: TrackerStatus;
}

export interface TrackerQuery {
  skip: number;
  take: number;
  componentId?: string;
  environmentId?: string;
  status?: TrackerStatus;
}

export interface TrackerQueryParams {
  skip?: number | string;
  take?: number | string;
  componentId?: string;
  environmentId?: string;
  status?: TrackerStatus | string;
}

export interface TrackerMatrixRow {
  componentId: string;
  componentName?: string;
  /** Keyed by `environmentName ?? environmentId`. */
  environments: { [environment: string]: { version: string; deployedAt?: string } };
}

export interface TrackerLatestRow {
  environmentId: string;
  environmentName?: string;
  version: string;
  deployedAt?: string;
  id?: string;
}

/** Records: a list, or the list response `{ data: [...] }`, or the JSON text of either. */
export type TrackerRecords = Payload<TrackerDeployment[] | { data: TrackerDeployment[] } | unknown>;

/** Checks the body that records a deployment. */
export function validateTrackerDeployment(payload: Payload<TrackerDeploymentPayload>): Report;

/**
 * Checks a status update; with `current` (a record or its status), also that the
 * `trackerDeployment` machine has the move (`InvalidStatusTransition`). Throws when `current`
 * is neither (nor undefined/null).
 */
export function validateTrackerStatusUpdate(
  update: Payload<TrackerStatusUpdate>,
  current?: TrackerDeployment | TrackerStatus | string | null,
): Report;

/**
 * The list query with its defaults (skip 0, take 20) and its canonical query string
 * (`search`, starting with `?`); both null when the report has errors. `params`: an object,
 * JSON text, or a query string (`"?skip=0&take=20"`).
 */
export function normalizeTrackerQuery(params?: TrackerQueryParams | string | null): {
  query: TrackerQuery | null;
  search: string | null;
  report: Report;
};

/** The `/matrix` view: the latest succeeded record per component and environment. `matrix` is null only when the records are not a list. */
export function trackerMatrix(records: TrackerRecords): { matrix: TrackerMatrixRow[] | null; report: Report };

/** The `/latest` view of one component; null when the records are not a list or the id is not a UUID. */
export function trackerLatest(
  records: TrackerRecords,
  componentId: string,
): { latest: TrackerLatestRow[] | null; report: Report };

// BEGIN GENERATED: Code (from src/report/codes.rs; `BLESS=1 cargo test --test catalog` rewrites it)
export type Code =
  | 'ConnectorAlreadyCertified'
  | 'ConnectorStagedInCertification'
  | 'ConnectorStagedNotPreviewable'
  | 'ConnectorStagedNotPrivate'
  | 'ConnectorStagedPreviewRequestUnderProcess'
  | 'GitRepositoryNotReachable'
  | 'ConnectorSpecificationFileNotFound'
  | 'ConnectorSpecificationFileNotValid'
  | 'ConnectorReferenceNotFound'
  | 'DeploymentConnectorUpdateFailure'
  | 'DeploymentInvalidStatusTransition'
  | 'DeploymentUnknownApplicationConfiguration'
  | 'DeploymentUnknownApplicationConfigurationKey'
  | 'DeploymentUnsupportedRegion'
  | 'DeploymentApplicationDoNotBelong'
  | 'DeploymentApplicationRequired'
  | 'DeploymentUnknownGlobalConfigurationKey'
  | 'DeploymentMissingGlobalConfigurationKey'
  | 'DeploymentEmptyRequiredGlobalConfigurationKey'
  | 'DeploymentInvalidType'
  | 'DeploymentProductionDeactivated'
  | 'DeploymentApplicationDoesNotExist'
  | 'DeploymentLogInvalidDate'
  | 'DeploymentLogInvalidPageToken'
  | 'DeploymentLogMissingApplicationName'
  | 'DeploymentInvalidRetryPolicy'
  | 'DeploymentRetryPolicyOverrideNotAllowed'
  | 'ConcurrentModification'
  | 'DuplicateField'
  | 'FieldValueNotFound'
  | 'InvalidJsonInput'
  | 'InvalidPathParam'
  | 'InvalidQueryParam'
  | 'ResourceNotFound'
  | 'General'
  | 'BadGateway'
  | 'AuthenticationError'
  | 'AuthorizationError'
  | 'RequiredField'
  | 'InvalidField'
  | 'InvalidInput'
  | 'InvalidOperation'
  | 'TrayInvalidInput'
  | 'TrayUnauthorized'
  | 'TrayForbidden'
  | 'TrayNotFound'
  | 'TrayLimitExceeded'
  | 'TrayInternal'
  | 'TrayRepeatDeployment'
  | 'InvalidYaml'
  | 'UnknownField'
  | 'DuplicateApplicationName'
  | 'DuplicateConfigurationKey'
  | 'DuplicateGlobalConfigurationKey'
  | 'ReservedConfigurationKey'
  | 'NotAllowedForApplicationType'
  | 'MissingMerchantCenterConfiguration'
  | 'InvalidSchedule'
  | 'LegacyConnectYamlFormat'
  | 'DeprecatedApplicationType'
  | 'ProvidedConfigurationKey'
  | 'DeploymentMissingApplicationConfigurationKey'
  | 'DeploymentEmptyRequiredApplicationConfigurationKey'
  | 'InvalidStatusTransition'
  | 'ConnectorNotAvailableToProject'
  | 'ConfigurationDefaultApplies'
  | 'TooManyIssues'
  | 'InternalError';
// END GENERATED: Code
