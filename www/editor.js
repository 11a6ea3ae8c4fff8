// A code editor (CodeMirror 6) with a lint gutter: the page's connect.yaml and JSON boxes and
// its read-only outputs. Issues become diagnostics at their line/column; `select` moves the
// caret to one. Tab is left to the browser (no indentWithTab), so the keyboard moves on.
import { EditorState, Compartment } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { syntaxHighlighting, defaultHighlightStyle, bracketMatching } from '@codemirror/language';
import { lintGutter, setDiagnostics, lintKeymap } from '@codemirror/lint';
import { yaml } from '@codemirror/lang-yaml';
import { json } from '@codemirror/lang-json';

const LANGUAGES = { yaml, json, text: () => [] };

/**
 * `codeEditor({ parent, label, language, readOnly, onChange, text })`: `label` is the
 * editor's accessible name (aria-label of its text box).
 */
export function codeEditor({ parent, label, language = 'text', readOnly = false, onChange, text = '' }) {
  const languageSlot = new Compartment();
  let current = language;
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        bracketMatching(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        languageSlot.of(LANGUAGES[language]()),
        lintGutter(),
        keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]),
        EditorView.lineWrapping,
        EditorState.readOnly.of(readOnly),
        // tabindex: the text box is focusable already (contenteditable); said so for checkers
        // (axe-core's scrollable-region-focusable) that count only tabindex and native controls.
        EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0', ...(readOnly ? { 'aria-readonly': 'true' } : {}) }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && onChange) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    view,
    get text() {
      return view.state.doc.toString();
    },
    /** Replaces the text (an input event for onChange, as typing is). Only the part that
     * differs is changed, so an output that changes by a few characters redraws a line. */
    setText(value) {
      const old = view.state.doc.toString();
      if (value === old) return;
      let from = 0;
      while (from < old.length && from < value.length && old[from] === value[from]) from++;
      let end = 0;
      while (end < old.length - from && end < value.length - from && old[old.length - 1 - end] === value[value.length - 1 - end]) end++;
      view.dispatch({ changes: { from, to: old.length - end, insert: value.slice(from, value.length - end) } });
    },
    setLanguage(name) {
      if (name === current) return;
      current = name;
      view.dispatch({ effects: languageSlot.reconfigure(LANGUAGES[name]()) });
    },
    /** Shows issues (`{ line, column, message, severity }`) in the gutter and as underlines. */
    setIssues(issues) {
      const diagnostics = [];
      for (const issue of issues) {
        const at = offsetOf(view.state.doc, issue.line, issue.column);
        if (at === null) continue;
        diagnostics.push({ from: at, to: tokenEnd(view.state.doc, at), severity: issue.severity, message: issue.message });
      }
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    /** Focuses the editor and selects the token at line:column. */
    select(line, column) {
      const at = offsetOf(view.state.doc, line, column);
      view.focus();
      if (at === null) return;
      view.dispatch({ selection: { anchor: at, head: tokenEnd(view.state.doc, at) }, scrollIntoView: true });
    },
    focus() {
      view.focus();
    },
  };
}

/** The document offset of a 1-based line and UTF-16 column; null when outside the text. */
function offsetOf(doc, line, column) {
  if (!Number.isInteger(line) || line < 1 || line > doc.lines) return null;
  const at = doc.line(line);
  return Math.min(at.from + Math.max(0, (column ?? 1) - 1), at.to);
}

/** Where the token at `from` ends: a quoted string to its closing quote, else the next
 * space, comma or bracket on the line (at least one character when the line has one). */
function tokenEnd(doc, from) {
  const line = doc.lineAt(from);
  const rest = line.text.slice(from - line.from);
  let length;
  if (rest[0] === '"' || rest[0] === "'") {
    const close = rest.indexOf(rest[0], 1);
    length = close < 0 ? rest.length : close + 1;
  } else {
    const match = /^[^\s,{}[\]]*/.exec(rest)[0];
    length = match.length || Math.min(1, rest.length);
  }
  return from + length;
}
