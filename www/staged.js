// The connector update view: the current ConnectorStaged and an edited ConnectorStagedDraft;
// the update actions between them (buildConnectorUpdateActions), checked against the current
// state (validateConnectorUpdate), as the request body of POST /connectors/drafts/key={key}.
import { buildConnectorUpdateActions, validateConnectorStagedDraft, validateConnectorUpdate } from 'connect-preflight';
import { codeEditor } from './editor.js';
import { issuesOf, showInEditor, summaryText, jsonErrorIssue } from './issues.js';

const $ = (id) => document.getElementById(id);

export function staged({ setStatus }) {
  const current = codeEditor({ parent: $('staged-current'), label: 'Current ConnectorStaged', language: 'json', onChange: update });
  const edited = codeEditor({ parent: $('staged-edited'), label: 'Edited ConnectorStagedDraft', language: 'json', onChange: update });
  const body = codeEditor({ parent: $('staged-update'), label: 'ConnectorUpdate JSON', language: 'json', readOnly: true });
  let updateText = '';

  /** The JSON of an editor: the value, or its syntax error as an issue. */
  function read(editor) {
    if (editor.text.trim() === '') return { items: [] };
    try {
      return { value: JSON.parse(editor.text), items: [] };
    } catch (e) {
      return { items: [{ severity: 'error', issue: jsonErrorIssue(editor.text, e) }] };
    }
  }

  function update() {
    const before = read(current);
    const after = read(edited);
    if (after.value !== undefined) after.items = issuesOf(validateConnectorStagedDraft(edited.text));
    showInEditor(current, $('staged-current-issues'), before.items);
    showInEditor(edited, $('staged-edited-issues'), after.items);
    const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
    if (!isObject(before.value) || !isObject(after.value)) {
      body.setText('');
      updateText = '';
      $('staged-update-issues').replaceChildren();
      setStatus('Give the current ConnectorStaged and the edited draft, both JSON objects.', 'loading');
      return;
    }
    const actions = buildConnectorUpdateActions(before.value, after.value);
    const request = { version: before.value.version, actions };
    updateText = JSON.stringify(request, null, 2);
    body.setText(updateText);
    // Checked against the current state, action after action; issues point into the body.
    const report = validateConnectorUpdate(updateText, { connectorStaged: before.value });
    showInEditor(body, $('staged-update-issues'), issuesOf(report));
    const draftErrors = after.items.filter((i) => i.severity === 'error').length;
    setStatus(
      `${actions.length} update action${actions.length === 1 ? '' : 's'} · ${summaryText(report, 'update')}${draftErrors ? ` · edited draft: ${draftErrors} error${draftErrors === 1 ? '' : 's'}` : ''}`,
      report.valid && !draftErrors ? 'valid' : 'invalid',
    );
  }

  /** The draft fields of a ConnectorStaged: what validateConnectorStagedDraft does not call unknown. */
  function draftOf(connector) {
    const unknown = new Set(
      validateConnectorStagedDraft(connector).warnings.filter((i) => i.code === 'UnknownField' && i.path.split('/').length === 2).map((i) => i.field),
    );
    return Object.fromEntries(Object.entries(connector).filter(([k]) => !unknown.has(k)));
  }

  $('staged-example').addEventListener('click', async () => {
    const connector = await (await fetch('examples/connector-staged.json')).json();
    current.setText(JSON.stringify(connector, null, 2));
    const draft = draftOf(connector);
    draft.name = `${connector.name} (v1.1)`;
    draft.repository = { ...connector.repository, tag: 'v1.1.0' };
    edited.setText(JSON.stringify(draft, null, 2));
  });
  $('copy-update').addEventListener('click', async () => {
    if (!updateText) return;
    await navigator.clipboard.writeText(updateText);
    setStatus('Copied: update JSON.', 'valid');
  });
  return { update, current, edited };
}
