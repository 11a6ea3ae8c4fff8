#!/usr/bin/env node
'use strict';
// connect-preflight command-line tool: validates files and prints one line per issue,
//   FILE:LINE:COLUMN CODE MESSAGE (at PATH)
// Exit codes: 0 every file valid, 1 some file invalid, 2 misuse (bad arguments, unreadable file).
const fs = require('fs');
const path = require('path');
const api = require('../node/index.cjs');

const KINDS = {
  'connect-yaml': {
    what: 'a connect.yaml file, or a directory holding one (DIR/connect.yaml)',
    check: (text) => api.validateConnectYaml(text),
    resolve: (file) => (file !== '-' && fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() ? path.join(file, 'connect.yaml') : file),
  },
  'deployment-draft': {
    what: 'a DeploymentDraft JSON file (the body of POST /{projectKey}/deployments)',
    check: (text) => api.validateDeploymentDraft(text),
  },
};

const USAGE = `usage: connect-preflight validate <kind> [--format text|json] FILE|DIR...

kinds:
${Object.entries(KINDS).map(([k, v]) => `  ${k.padEnd(18)} ${v.what}`).join('\n')}

options:
  --format text   one line per issue: FILE:LINE:COLUMN CODE MESSAGE (default)
  --format json   a JSON array of { file, report }
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

function issueLine(file, issue, severity) {
  const where = issue.line ? `${file}:${issue.line}:${issue.column}` : file;
  const tag = severity === 'warning' ? 'warning: ' : '';
  return `${where} ${issue.code} ${tag}${issue.message} (at ${issue.path === '' ? '/' : issue.path})`;
}

function main(argv) {
  const args = [];
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

  const results = [];
  for (const given of files) {
    const file = KINDS[kind].resolve ? KINDS[kind].resolve(given) : given;
    let text;
    try {
      text = fs.readFileSync(file === '-' ? 0 : file, 'utf8');
    } catch (err) {
      return misuse(`cannot read ${file}: ${err.code || err.message}`);
    }
    results.push({ file, report: KINDS[kind].check(text) });
  }

  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } else {
    for (const { file, report } of results) {
      for (const issue of report.errors) process.stdout.write(`${issueLine(file, issue, 'error')}\n`);
      for (const issue of report.warnings) process.stdout.write(`${issueLine(file, issue, 'warning')}\n`);
      const counts = `${plural(report.errors.length, 'error')}, ${plural(report.warnings.length, 'warning')}`;
      process.stdout.write(`${file}: ${report.valid ? 'valid' : 'invalid'} (${counts})\n`);
    }
  }
  return results.every((r) => r.report.valid) ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
