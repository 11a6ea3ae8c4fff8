// The page: validates the draft on every keystroke with the web build of the package, and
// against the connector (connect.yaml or Connector JSON) when one is given.
import { init, validateDeploymentDraft, version } from '../pkg/web/index.js';

const draft = document.getElementById('draft');
const connector = document.getElementById('connector');
const status = document.getElementById('status');
const issues = document.getElementById('issues');

function offsetOf(text, line, column) {
  // line/column are 1-based, column in UTF-16 units: exactly what textarea offsets count.
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

function item(issue, severity) {
  const li = document.createElement('li');
  li.className = severity;
  const code = document.createElement('span');
  code.className = 'code';
  code.textContent = issue.code;
  // An issue about the connector itself (`source`, API.md §6) points into the connector box.
  const box = issue.source ? connector : draft;
  if (issue.source) li.classList.add('context');
  const where = document.createElement('span');
  where.className = 'where';
  where.textContent = `${issue.source ? 'connector ' : ''}${issue.path || '/'}${issue.line ? ` · ${issue.line}:${issue.column}` : ''}`;
  const message = document.createElement('span');
  message.className = 'message';
  message.textContent = severity === 'warning' ? `warning: ${issue.message}` : issue.message;
  li.append(code, where, message);
  if (issue.line) {
    li.addEventListener('click', () => {
      const at = offsetOf(box.value, issue.line, issue.column);
      box.focus();
      box.setSelectionRange(at, at);
    });
  }
  return li;
}

function check() {
  const text = draft.value;
  if (text.trim() === '') {
    status.className = 'status loading';
    status.textContent = 'Paste or type a DeploymentDraft.';
    issues.replaceChildren();
    return;
  }
  // The connector: JSON when it looks like an object, else connect.yaml text.
  const source = connector.value.trim();
  let context = null;
  if (source.startsWith('{')) {
    try {
      context = { connector: JSON.parse(source) };
    } catch (e) {
      status.className = 'status invalid';
      status.textContent = `The connector JSON cannot be read: ${e.message}`;
      issues.replaceChildren();
      return;
    }
  } else if (source !== '') {
    context = { connectYaml: connector.value };
  }
  let report;
  try {
    report = validateDeploymentDraft(text, context);
  } catch (e) {
    // Misuse: e.g. a JSON object that is not a connector (no configurations array).
    status.className = 'status invalid';
    status.textContent = e.message;
    issues.replaceChildren();
    return;
  }
  const n = report.errors.length;
  const w = report.warnings.length;
  status.className = `status ${report.valid ? 'valid' : 'invalid'}`;
  status.textContent = report.valid
    ? `valid${w ? ` (${w} warning${w === 1 ? '' : 's'})` : ''}`
    : `invalid: ${n} error${n === 1 ? '' : 's'}${w ? `, ${w} warning${w === 1 ? '' : 's'}` : ''}`;
  issues.replaceChildren(...report.errors.map((i) => item(i, 'error')), ...report.warnings.map((i) => item(i, 'warning')));
}

async function load(name) {
  const response = await fetch(`../examples/deployment-draft.${name}.json`);
  draft.value = await response.text();
  check();
}

async function loadConnector() {
  const response = await fetch('../examples/connect-yaml/valid/connect.yaml');
  connector.value = await response.text();
  check();
}

await init();
document.getElementById('version').textContent = version();
draft.addEventListener('input', check);
connector.addEventListener('input', check);
document.getElementById('load-connector').addEventListener('click', loadConnector);
document.getElementById('load-mismatch').addEventListener('click', async () => {
  await loadConnector();
  await load('mismatch');
});
document.getElementById('load-valid').addEventListener('click', () => load('valid'));
document.getElementById('load-invalid').addEventListener('click', () => load('invalid'));
check();
