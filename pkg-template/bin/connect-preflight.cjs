#!/usr/bin/env node
'use strict';
// connect-preflight command-line tool: validates files and prints one line per issue,
//   FILE:LINE:COLUMN CODE MESSAGE (at PATH)
// Exit codes: 0 every file valid, 1 some file invalid, 2 misuse or a file that could not be
// checked (unreadable, or the library failed on it); every other file is still checked.
// No byte of a file that could not be parsed is ever printed (it may hold a secret).
const fs = require('fs');
const path = require('path');
const api = require('../node/index.cjs');

// Each kind: what it is, its check, and the context options it takes. The Connect kinds
// that take a context take all four of Connect's (a context document a check does not read
// is ignored, as the library ignores it).
const CONNECT_CONTEXT = ['connector', 'deployment', 'projectKey', 'connectorStaged'];
const KINDS = {
  'connect-yaml': {
    what: 'a connect.yaml file, or a directory holding one (DIR/connect.yaml)',
    check: (text) => api.validateConnectYaml(text),
    resolve: (file) => inDirectory(file, 'connect.yaml'),
  },
  'deployment-draft': {
    what: 'a DeploymentDraft JSON file (the body of POST /{projectKey}/deployments)',
    check: (text, context) => api.validateDeploymentDraft(text, context),
    options: CONNECT_CONTEXT,
  },
  'deployment-update': {
    what: 'a DeploymentUpdate JSON file (redeploy: POST /{projectKey}/deployments/{id})',
    check: (text, context) => api.validateDeploymentUpdate(text, context),
    options: CONNECT_CONTEXT,
  },
  'connector-draft': {
    what: 'a ConnectorStagedDraft JSON file (the body of POST /connectors/drafts)',
    check: (text) => api.validateConnectorStagedDraft(text),
  },
  'connector-update': {
    what: 'a ConnectorUpdate JSON file (update actions: POST /connectors/drafts/{id})',
    check: (text, context) => api.validateConnectorUpdate(text, context),
    options: CONNECT_CONTEXT,
  },
  'tray-connector': {
    what: "a Tray CDK connector.json, or a directory holding one (DIR/connector.json)",
    check: (text) => api.validateTrayConnector(text),
    resolve: (file) => inDirectory(file, 'connector.json'),
  },
  'tray-deploy-request': {
    what: 'a Tray deploy request body JSON ({ connectorSourceCode })',
    check: (text, context) => api.validateTrayDeployRequest(text, context.connectorJson),
    options: ['connectorJson'],
  },
  'tray-deployment-response': {
    what: "a Tray deploy or status response JSON ({ id, deploymentStatus, ... })",
    check: (text) => api.validateTrayDeploymentResponse(text),
  },
  'tracker-deployment': {
    what: 'a deployment tracker record body JSON (POST /api/v1/deployments)',
    check: (text) => api.validateTrackerDeployment(text),
  },
  'tracker-status-update': {
    what: 'a deployment tracker status update JSON (PATCH /api/v1/deployments/:id)',
    check: (text, context) => api.validateTrackerStatusUpdate(text, context.current),
    options: ['current'],
  },
  'tracker-query': {
    what: 'a deployment tracker list query: a query string (skip=0&take=20) or JSON',
    check: (text) => {
      const { report, search } = api.normalizeTrackerQuery(text.trim());
      return { report, search };
    },
  },
};

/** FILE, or FILE/NAME when FILE is a directory. */
function inDirectory(file, name) {
  return file !== '-' && fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() ? path.join(file, name) : file;
}

// Context options: what a kind is cross-checked against (each kind says which it takes).
const CONTEXT_OPTIONS = {
  '--connector': 'connector',
  '--deployment': 'deployment',
  '--project-key': 'projectKey',
  '--connector-staged': 'connectorStaged',
  '--connector-json': 'connectorJson',
  '--current': 'current',
};

// The library refuses input over 5 MiB (docs/api-notes.md, "Budgets"): a file is read up to one
// byte past that, so /dev/zero or a huge file costs 5 MiB, not all the machine's memory.
const READ_LIMIT = 5 * 1024 * 1024 + 1;

/** A file's text (`-`: standard input), at most READ_LIMIT bytes of it. */
function readText(file) {
  const fd = file === '-' ? 0 : fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(READ_LIMIT);
    let length = 0;
    while (length < READ_LIMIT) {
      let read;
      try {
        read = fs.readSync(fd, buffer, length, READ_LIMIT - length, null);
      } catch (err) {
        if (err.code === 'EAGAIN') continue; // a non-blocking standard input
        if (err.code === 'EOF') break;
        throw err;
      }
      if (read === 0) break;
      length += read;
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    if (fd !== 0) fs.closeSync(fd);
  }
}

/** A context file's JSON. JSON.parse's message quotes the text around the error, which may
 * be a secret: it is replaced by one of ours that names the file only. */
function readJson(file) {
  const text = readText(file);
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${file} is not valid JSON`);
  }
}

/** --connector FILE: connect.yaml (or a directory holding one) or a Connector/ConnectorStaged JSON. */
function readConnector(file, files) {
  const resolved = fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() ? path.join(file, 'connect.yaml') : file;
  const text = readText(resolved);
  if (text.trimStart().startsWith('{')) {
    files.connector = resolved;
    return { connector: readJson(resolved) };
  }
  files.connectYaml = resolved;
  return { connectYaml: text };
}

/** The context, and the file each of its documents came from: an issue about a context
 * document (`source`) is printed against that file (`connect.yaml:4:5 …`). */
function buildContext(options) {
  const context = {};
  const files = {};
  if (options.connector) Object.assign(context, readConnector(options.connector, files));
  if (options.deployment) {
    context.deployment = readJson(options.deployment);
    files.deployment = options.deployment;
  }
  if (options.projectKey) context.projectKey = options.projectKey;
  if (options.connectorStaged) {
    context.connectorStaged = readJson(options.connectorStaged);
    files.connectorStaged = options.connectorStaged;
  }
  if (options.connectorJson) {
    // As text: its own issues then have their line and column in that file.
    const file = inDirectory(options.connectorJson, 'connector.json');
    context.connectorJson = readText(file);
    files.connectorJson = file;
  }
  if (options.current) {
    // A status name, or a file holding the current record (or its status).
    const isStatus = /^[a-z_]+$/.test(options.current) && !fs.existsSync(options.current);
    context.current = isStatus ? options.current : readJson(options.current);
    files.current = isStatus ? '--current' : options.current;
  }
  return { context, files };
}

const USAGE = `usage: connect-preflight validate <kind> [--format text|json] FILE|DIR...

kinds:
${Object.entries(KINDS).map(([k, v]) => `  ${k.padEnd(18)} ${v.what}`).join('\n')}

options:
  --format text   one line per issue: FILE:LINE:COLUMN CODE MESSAGE (default)
  --format json   a JSON array of { file, report }
  --connector F   deployment kinds: cross-check against the connector, F = connect.yaml
                  (or a directory holding one) or a Connector / ConnectorStaged JSON file
  --deployment F  deployment-update: the Deployment JSON (status, version, applications)
  --project-key K a private connector must list {region}:K in its privateProjects
  --connector-staged F  connector-update: the ConnectorStaged JSON (status, version,
                  isPreviewable, private projects) the actions are checked against
  --connector-json F    tray-deploy-request: the connector.json (or a directory holding
                  one) that must be deployable
  --current S     tracker-status-update: the current status (e.g. pending), or a file
                  with the current record; the move must be in the trackerDeployment machine
  --help          this text
  --version       the package version

exit codes: 0 all files valid, 1 some file invalid, 2 misuse`;

function misuse(message) {
  process.stderr.write(`connect-preflight: ${message}\n\n${USAGE}\n`);
  return 2;
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function issueLine(file, issue, severity, sources = {}) {
  const at = (issue.source && sources[issue.source]) || file;
  const where = issue.line ? `${at}:${issue.line}:${issue.column}` : at;
  const tag = severity === 'warning' ? 'warning: ' : '';
  return `${where} ${issue.code} ${tag}${issue.message} (at ${issue.path === '' ? '/' : issue.path})`;
}

function main(argv) {
  const args = [];
  const options = {};
  let format = 'text';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else if (arg === '--version') {
      process.stdout.write(`${api.version()}\n`);
      return 0;
    } else if (arg === '--format') {
      format = argv[++i];
      if (format !== 'text' && format !== 'json') return misuse(`--format takes text or json, not ${format}`);
    } else if (arg.startsWith('--format=')) {
      format = arg.slice('--format='.length);
      if (format !== 'text' && format !== 'json') return misuse(`--format takes text or json, not ${format}`);
    } else if (CONTEXT_OPTIONS[arg.split('=')[0]]) {
      const [name, inline] = arg.split(/=(.*)/s);
      const value = inline ?? argv[++i];
      if (!value) return misuse(`${name} takes a value`);
      options[CONTEXT_OPTIONS[name]] = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      return misuse(`unknown option ${arg}`);
    } else {
      args.push(arg);
    }
  }
  const [command, kind, ...files] = args;
  if (command !== 'validate') return misuse(command ? `unknown command ${command}` : 'no command given');
  if (!KINDS[kind]) return misuse(kind ? `unknown kind ${kind}` : 'no kind given');
  if (files.length === 0) return misuse('no file given');
  const takes = KINDS[kind].options ?? [];
  const flag = (name) => Object.keys(CONTEXT_OPTIONS).find((f) => CONTEXT_OPTIONS[f] === name);
  const refused = Object.keys(options).filter((name) => !takes.includes(name));
  if (refused.length > 0) {
    const allowed = takes.length > 0 ? `it takes ${takes.map(flag).join(', ')}` : 'it takes no context options';
    return misuse(`${kind} does not take ${refused.map(flag).join(', ')}: ${allowed}`);
  }
  let context;
  let sources = {};
  try {
    ({ context, files: sources } = buildContext(options));
  } catch (err) {
    process.stderr.write(`connect-preflight: cannot read the context: ${err.code ? `${err.path ?? ''} ${err.code}`.trim() : err.message}\n`);
    return 2;
  }

  // Each file on its own: one that cannot be read or checked is reported, and the rest go on.
  const results = [];
  for (const given of files) {
    const file = KINDS[kind].resolve ? KINDS[kind].resolve(given) : given;
    let text;
    try {
      text = readText(file);
    } catch (err) {
      results.push({ file, error: `cannot read ${file}: ${err.code || 'read failed'}` });
      continue;
    }
    try {
      const answer = KINDS[kind].check(text, context);
      // A check answers a Report, or { report, ...what it built } (tracker-query: search).
      results.push('report' in answer ? { file, ...answer } : { file, report: answer });
    } catch (err) {
      // API misuse (a context of the wrong shape, e.g. --deployment not a Deployment): the
      // library's own message, which never quotes the input.
      results.push({ file, error: err.message });
    }
  }

  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } else {
    for (const { file, report, error, search } of results) {
      if (error) {
        process.stderr.write(`connect-preflight: ${error}\n`);
        process.stdout.write(`${file}: not checked\n`);
        continue;
      }
      for (const issue of report.errors) process.stdout.write(`${issueLine(file, issue, 'error', sources)}\n`);
      for (const issue of report.warnings) process.stdout.write(`${issueLine(file, issue, 'warning', sources)}\n`);
      const counts = `${plural(report.errors.length, 'error')}, ${plural(report.warnings.length, 'warning')}`;
      process.stdout.write(`${file}: ${report.valid ? 'valid' : 'invalid'} (${counts})\n`);
      if (search) process.stdout.write(`${file}: search ${search}\n`);
    }
  }
  // An InternalError (the library failed on that file) means the file was not checked.
  const unchecked = results.some((r) => r.error || r.report.errors.some((e) => e.code === 'InternalError'));
  if (unchecked) return 2;
  return results.every((r) => r.report.valid) ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
