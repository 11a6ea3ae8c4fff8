'use strict';
// The command line's output formats: human (default), json, github, sarif, gitlab. Each takes
// the results of a run — `{ file, kind, report?, search?, problem?, sources }` per file — and
// returns what to print. Messages come from the library, which never puts a secured value in
// one; the only bytes of a file ever printed are the keys and punctuation before an issue's
// column in the human excerpt (`maskValues`), never a value.
const crypto = require('crypto');

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Every issue of a result as `{ severity, file, line, column, issue }`: the file is the
 * context file for an issue about a context document (`source`), else the result's file.
 * The context's own issues first, then by line and column; errors before warnings at a place. */
function issuesOf(result) {
  if (!result.report) return [];
  const at = (issue) => (issue.source && result.sources[issue.source]) || result.file;
  const list = [
    ...result.report.errors.map((issue) => ({ severity: 'error', issue })),
    ...result.report.warnings.map((issue) => ({ severity: 'warning', issue })),
  ].map((x) => ({ ...x, file: at(x.issue), line: x.issue.line, column: x.issue.column }));
  const rank = (x) => [x.file === result.file ? 1 : 0, x.file, x.line ?? 0, x.column ?? 0, x.severity === 'error' ? 0 : 1];
  return list.sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] < rb[i] ? -1 : 1;
    return 0;
  });
}

/** A result's status: unchecked (not read, not checked, or the library failed on it), invalid, valid. */
function statusOf(result) {
  if (result.problem || result.report.errors.some((e) => e.code === 'InternalError')) return 'unchecked';
  return result.report.valid ? 'valid' : 'invalid';
}

function totals(results) {
  const t = { files: results.length, valid: 0, invalid: 0, unchecked: 0, errors: 0, warnings: 0 };
  for (const r of results) {
    t[statusOf(r)]++;
    if (r.report) {
      t.errors += r.report.errors.length;
      t.warnings += r.report.warnings.length;
    }
  }
  return t;
}

const summaryLine = (t) =>
  `${plural(t.files, 'file')} checked: ${t.valid} valid, ${t.invalid} invalid${t.unchecked ? `, ${t.unchecked} not checked` : ''}; ${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}`;

// ---- human -------------------------------------------------------------------------------

// In a payload that can carry secured values (a deployment draft or update), a member name
// could be a secret pasted in the wrong place: only the format's own field names are shown.
const DEPLOYMENT_FIELDS = new Set(['key', 'connector', 'id', 'version', 'staged', 'region', 'type', 'configurations',
  'applicationName', 'standardConfiguration', 'securedConfiguration', 'value', 'globalConfiguration', 'schedule',
  'retryPolicy', 'strategy', 'minBackoffSeconds', 'maxBackoffSeconds', 'maxAttempts', 'actions', 'action']);
const SHOWN_KEYS = {
  'deployment-draft': (name) => DEPLOYMENT_FIELDS.has(name),
  'deployment-update': (name) => DEPLOYMENT_FIELDS.has(name),
};

/** A line's text with every value replaced by `…`: keys (a token followed by `:`) that
 * `showKey` allows, punctuation and blanks are kept, so the excerpt shows where, never what. */
function maskValues(prefix, showKey = () => true) {
  let out = '';
  let i = 0;
  const keyFollows = (j, quoted) => {
    while (prefix[j] === ' ' || prefix[j] === '\t') j++;
    if (prefix[j] !== ':') return false;
    return quoted || j + 1 >= prefix.length || /[\s{["']/.test(prefix[j + 1]);
  };
  while (i < prefix.length) {
    const ch = prefix[i];
    if (/[\s{}[\],:]/.test(ch) || ((ch === '-' || ch === '?') && /\s/.test(prefix[i + 1] ?? ' '))) {
      out += ch;
      i++;
    } else if (ch === '#' && (i === 0 || /\s/.test(prefix[i - 1]))) {
      out += '# …';
      break;
    } else if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < prefix.length && prefix[j] !== ch) j += prefix[j] === '\\' && ch === '"' ? 2 : 1;
      const token = prefix.slice(i, j + 1);
      out += keyFollows(j + 1, true) && showKey(token.slice(1, -1)) ? token : `${ch}…${j < prefix.length ? ch : ''}`;
      i = j + 1;
    } else {
      let j = i;
      while (j < prefix.length && !/[\s,{}[\]]/.test(prefix[j]) && !(prefix[j] === ':' && keyFollows(j, false))) j++;
      const token = prefix.slice(i, j);
      out += keyFollows(j, false) && showKey(token) ? token : '…';
      i = j;
    }
  }
  return out;
}

/** Two lines under an issue line: its line of the file masked (keys and punctuation only),
 * and a caret under the column. */
function excerpt(text, line, column, kind, paint) {
  if (typeof text !== 'string' || !line || !column) return [];
  const lines = text.split(/\r\n|\n|\r/);
  if (line > lines.length) return [];
  const at = Math.max(0, column - 1);
  const showKey = SHOWN_KEYS[kind];
  let before = maskValues(lines[line - 1].slice(0, at), showKey);
  let after = maskValues(lines[line - 1].slice(at), showKey);
  if (before.length > 60) before = `…${before.slice(-59)}`;
  if (after.length > 40) after = `${after.slice(0, 39)}…`;
  const gutter = String(line).length;
  return [paint.dim(`  ${line} | `) + before + after, `${' '.repeat(gutter + 2)}${paint.dim(' | ')}${' '.repeat(before.length)}${paint.caret('^')}`];
}

function painter(color) {
  const wrap = (open, close) => (s) => (color ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { error: wrap('1;31', '0'), warning: wrap('1;33', '0'), dim: wrap('2', '22'), bold: wrap('1', '22'), caret: wrap('1;36', '0'), valid: wrap('32', '39') };
}

function human(results, { quiet, color, texts }) {
  const paint = painter(color);
  const out = [];
  for (const result of results) {
    const status = statusOf(result);
    if (result.problem) {
      out.push(`${paint.bold(result.file)}: ${paint.error('not checked')}: ${result.problem}`);
      continue;
    }
    for (const x of issuesOf(result)) {
      if (quiet && x.severity === 'warning') continue;
      const where = x.line ? `${x.file}:${x.line}:${x.column}` : x.file;
      const tag = x.severity === 'error' ? paint.error('error') : paint.warning('warning');
      out.push(`${paint.bold(where)} ${tag} ${x.issue.code} ${x.issue.message} ${paint.dim(`(at ${x.issue.path === '' ? '/' : x.issue.path})`)}`);
      // The file's own lines only: a context file (a Deployment, a connector) is not shown.
      if (x.file === result.file) out.push(...excerpt(texts.get(x.file), x.line, x.column, result.kind, paint));
    }
    const r = result.report;
    if (quiet && status === 'valid') continue;
    const word = status === 'valid' ? paint.valid('valid') : status === 'invalid' ? paint.error('invalid') : paint.error('not checked');
    out.push(`${paint.bold(result.file)}: ${word} (${plural(r.errors.length, 'error')}, ${plural(r.warnings.length, 'warning')})`);
    if (result.search) out.push(`${result.file}: search ${result.search}`);
  }
  out.push(summaryLine(totals(results)));
  return out.join('\n') + '\n';
}

// ---- json --------------------------------------------------------------------------------

/** `{ format: 1, tool, files: [{ file, kind, status, errors, warnings, search?, problem? }],
 * summary }`; each issue is the library's Issue plus `file` (where its line/column are). */
function json(results, { version }) {
  const files = results.map((result) => {
    const entry = { file: result.file, kind: result.kind ?? null, status: statusOf(result), errors: [], warnings: [] };
    for (const x of issuesOf(result)) entry[`${x.severity}s`].push({ file: x.file, ...x.issue });
    if (result.search !== undefined) entry.search = result.search;
    if (result.problem) entry.problem = result.problem;
    return entry;
  });
  return `${JSON.stringify({ format: 1, tool: { name: 'connect-preflight', version }, files, summary: totals(results) }, null, 2)}\n`;
}

// ---- github ------------------------------------------------------------------------------

// GitHub shows at most 10 error and 10 warning annotations of a step; the rest are counted and
// the full list goes to the step summary ($GITHUB_STEP_SUMMARY) as a Markdown table.
const GITHUB_PER_STEP = 10;
const escapeData = (s) => String(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function github(results, { quiet }) {
  const out = [];
  const shown = { error: 0, warning: 0 };
  const more = { error: 0, warning: 0 };
  for (const result of results) {
    if (result.problem) {
      out.push(`::error file=${escapeProperty(result.file)},title=not checked::${escapeData(result.problem)}`);
      continue;
    }
    for (const x of issuesOf(result)) {
      if (quiet && x.severity === 'warning') continue;
      if (shown[x.severity] >= GITHUB_PER_STEP) {
        more[x.severity]++;
        continue;
      }
      shown[x.severity]++;
      const props = [`file=${escapeProperty(x.file)}`];
      if (x.line) props.push(`line=${x.line}`, `col=${x.column}`);
      props.push(`title=${escapeProperty(x.issue.code)}`);
      out.push(`::${x.severity} ${props.join(',')}::${escapeData(`${x.issue.message} (at ${x.issue.path || '/'})`)}`);
    }
  }
  if (more.error || more.warning) {
    out.push(`::notice title=connect-preflight::${escapeData(`${plural(more.error, 'more error')} and ${plural(more.warning, 'more warning')} are listed in the step summary`)}`);
  }
  out.push(summaryLine(totals(results)));
  return out.join('\n') + '\n';
}

const cell = (s) => String(s ?? '').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ');

/** The step summary: a heading, the totals, and every issue in a table. */
function githubStepSummary(results, { quiet }) {
  const rows = [];
  for (const result of results) {
    if (result.problem) rows.push(`| ${cell(result.file)} | | | not checked | | ${cell(result.problem)} |`);
    for (const x of issuesOf(result)) {
      if (quiet && x.severity === 'warning') continue;
      rows.push(`| ${cell(x.file)} | ${x.line ?? ''} | ${x.column ?? ''} | ${x.severity} | \`${cell(x.issue.code)}\` | ${cell(x.issue.message)} |`);
    }
  }
  const head = `## connect-preflight\n\n${summaryLine(totals(results))}\n`;
  if (rows.length === 0) return `${head}\n`;
  return `${head}\n| File | Line | Column | Severity | Code | Message |\n|---|---|---|---|---|---|\n${rows.join('\n')}\n\n`;
}

// ---- sarif -------------------------------------------------------------------------------

const toUri = (file) => file.split(/[\\/]/).map(encodeURIComponent).join('/');

/** SARIF 2.1.0: one rule per code of the catalog (its message, HTTP status, origin), one
 * result per issue; columns are UTF-16 code units, as the library counts them. */
function sarif(results, { version, catalog, quiet }) {
  const rules = catalog.map((entry) => ({
    id: entry.code,
    name: entry.code,
    shortDescription: { text: entry.message },
    fullDescription: { text: entry.message },
    help: {
      text: `${entry.message} ${entry.origin === 'api' ? `The API answers it with HTTP ${entry.httpStatus}.` : 'Reported by connect-preflight before the request is sent.'}`,
    },
    helpUri: `https://www.npmjs.com/package/connect-preflight#reports-and-codes`,
    properties: { httpStatus: entry.httpStatus, origin: entry.origin, system: entry.system },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const out = [];
  const notifications = [];
  for (const result of results) {
    if (result.problem) {
      notifications.push({ level: 'error', message: { text: result.problem }, locations: [{ physicalLocation: { artifactLocation: { uri: toUri(result.file) } } }] });
      continue;
    }
    for (const x of issuesOf(result)) {
      if (quiet && x.severity === 'warning') continue;
      const physicalLocation = { artifactLocation: { uri: toUri(x.file), uriBaseId: '%SRCROOT%' } };
      if (x.line) physicalLocation.region = { startLine: x.line, startColumn: x.column };
      out.push({
        ruleId: x.issue.code,
        ...(index.has(x.issue.code) ? { ruleIndex: index.get(x.issue.code) } : {}),
        level: x.severity,
        message: { text: `${x.issue.message} (at ${x.issue.path || '/'})` },
        locations: [{ physicalLocation }],
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'connect-preflight', version, semanticVersion: version, informationUri: 'https://www.npmjs.com/package/connect-preflight', rules } },
        columnKind: 'utf16CodeUnits',
        results: out,
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

// ---- gitlab ------------------------------------------------------------------------------

/** GitLab's code quality report (the Code Climate format): one entry per issue, its
 * fingerprint a hash of the place and the code. */
function gitlab(results, { quiet }) {
  const out = [];
  for (const result of results) {
    const entries = result.problem
      ? [{ severity: 'error', file: result.file, issue: { code: 'NotChecked', message: result.problem, path: '' } }]
      : issuesOf(result);
    for (const x of entries) {
      if (quiet && x.severity === 'warning') continue;
      const fingerprint = crypto.createHash('md5').update(JSON.stringify([x.file, x.issue.code, x.issue.path, x.line ?? 0, x.column ?? 0])).digest('hex');
      out.push({
        description: `${x.issue.code}: ${x.issue.message} (at ${x.issue.path || '/'})`,
        check_name: x.issue.code,
        fingerprint,
        severity: x.severity === 'error' ? 'major' : 'minor',
        location: { path: x.file, lines: { begin: x.line ?? 1 } },
      });
    }
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

const FORMATS = { human, json, github, sarif, gitlab };

module.exports = { FORMATS, githubStepSummary, totals };
