// Issue lists: each issue a button (keyboard reachable) that takes the user to its place.
// Errors and warnings look different and say which they are in words, not only in colour.

/** An element: `el('span', { className: 'tag', textContent: 'Error' }, child…)`. */
export function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** `{ severity, issue }` pairs of a report, errors first. */
export function issuesOf(report) {
  return [
    ...report.errors.map((issue) => ({ severity: 'error', issue })),
    ...report.warnings.map((issue) => ({ severity: 'warning', issue })),
  ];
}

/** One list item: "Error CODE: message (where)"; `go` runs on activation (null: plain text). */
export function issueItem({ severity, issue }, where, go) {
  const li = document.createElement('li');
  li.className = severity;
  const body = go ? document.createElement('button') : document.createElement('span');
  if (go) {
    body.type = 'button';
    body.addEventListener('click', go);
  }
  const tag = document.createElement('span');
  tag.className = 'tag';
  tag.textContent = severity === 'error' ? 'Error' : 'Warning';
  const code = document.createElement('span');
  code.className = 'code';
  code.textContent = issue.code;
  const message = document.createElement('span');
  message.className = 'message';
  message.textContent = issue.message;
  body.append(tag, ' ', code, ' ', message);
  if (where) {
    const at = document.createElement('span');
    at.className = 'where';
    at.textContent = where;
    body.append(' ', at);
  }
  li.append(body);
  return li;
}

/** "line:column" or the path, for the list. */
export function placeOf(issue) {
  if (issue.line) return `${issue.line}:${issue.column}`;
  return issue.path || '/';
}

/** Fills an editor's markers and its list from `{ severity, issue }` pairs. */
export function showInEditor(editor, list, items) {
  editor.setIssues(items.map(({ severity, issue }) => ({ ...issue, severity })));
  list.replaceChildren(
    ...items.map((item) =>
      issueItem(item, placeOf(item.issue), item.issue.line ? () => editor.select(item.issue.line, item.issue.column) : null),
    ),
  );
}

/** A status line: "valid", "valid (2 warnings)", "invalid: 3 errors, 1 warning". */
export function summaryText(report, noun = '') {
  const n = report.errors.length;
  const w = report.warnings.length;
  const plural = (k, word) => `${k} ${word}${k === 1 ? '' : 's'}`;
  const what = noun ? `${noun}: ` : '';
  return report.valid
    ? `${what}valid${w ? ` (${plural(w, 'warning')})` : ''}`
    : `${what}invalid: ${plural(n, 'error')}${w ? `, ${plural(w, 'warning')}` : ''}`;
}

/** The position of a JSON.parse error in `text` ({ line, column }), when V8 gives one. */
export function jsonErrorIssue(text, error) {
  const m = /line (\d+) column (\d+)/.exec(error.message);
  let line = 1;
  let column = 1;
  if (m) {
    line = Number(m[1]);
    column = Number(m[2]);
  } else {
    const p = /position (\d+)/.exec(error.message);
    if (p) {
      const before = text.slice(0, Number(p[1])).split('\n');
      line = before.length;
      column = before.at(-1).length + 1;
    }
  }
  return { code: 'InvalidJsonInput', message: `The JSON cannot be read: ${error.message}`, path: '', line, column };
}
