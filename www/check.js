// "Check anything": one editor; the kind is detected from the content (or chosen), and the
// issues are shown with their positions, as markers and as a list.
import { codeEditor } from './editor.js';
import { KINDS, detectKind } from './kinds.js';
import { issuesOf, showInEditor, summaryText } from './issues.js';

const $ = (id) => document.getElementById(id);

export function check({ setStatus }) {
  const select = $('check-kind');
  for (const [name, kind] of Object.entries(KINDS)) select.append(new Option(kind.what, name));
  const editor = codeEditor({ parent: $('check-editor'), label: 'Payload', language: 'json', onChange: update });
  select.addEventListener('change', update);

  function update() {
    const text = editor.text;
    const detected = detectKind(text);
    const name = select.value || detected;
    $('check-detected').textContent = !select.value && detected ? `Detected: ${KINDS[detected].what}` : '';
    if (!name) {
      showInEditor(editor, $('check-issues'), []);
      $('check-output-box').hidden = true;
      setStatus('Paste a payload to check.', 'loading');
      return;
    }
    const kind = KINDS[name];
    editor.setLanguage(kind.language ?? 'json');
    const { report, output } = kind.check(text);
    showInEditor(editor, $('check-issues'), issuesOf(report));
    $('check-output-box').hidden = !output;
    $('check-output').textContent = output ?? '';
    setStatus(summaryText(report, kind.what), report.valid ? 'valid' : 'invalid');
  }
  return { update, editor };
}
