// The draft builder: a connect.yaml (or a Connector JSON) becomes a form; every input runs
// buildDeploymentDraft and puts each issue next to its field and in the summary; the outputs
// are the DeploymentDraft JSON, the curl command, the command line and a shareable link.
//
// Secured values live only in the password inputs and in `secrets` below: the JSON, the curl
// command and the link are made from `redacted(draft)` (each securedConfiguration value
// replaced by `${KEY}`) unless "Include secret values" is ticked, and the link and nothing
// else is ever stored (the URL fragment; no storage API is used).
import { buildDeploymentDraft, parseConnectYaml, validateDeploymentDraft, validateProjectIdentifier } from 'connect-preflight';
import { codeEditor } from './editor.js';
import { el, issueItem, issuesOf, placeOf, showInEditor, summaryText, jsonErrorIssue } from './issues.js';
import { readState, writeState } from './share.js';

const $ = (id) => document.getElementById(id);
const pointer = (...tokens) => tokens.map((t) => `/${String(t).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');


/** The deployment's own fields: id, label, input path, and how the control is made. */
const DEPLOYMENT_FIELDS = [
  { id: 'f-key', label: 'Deployment key', path: '/key', help: '2 to 256 letters, digits, _ or -. Optional.' },
  { id: 'f-project-key', label: 'Project key', path: '/projectKey', required: true, help: 'Where to deploy: the URL of the request (not part of the draft).' },
  { id: 'f-connector-key', label: 'Connector key', path: '/connector/key', help: 'The connector’s key, or give its id.' },
  { id: 'f-connector-id', label: 'Connector id', path: '/connector/id', help: 'Instead of the key.' },
  { id: 'f-connector-version', label: 'Connector version', path: '/connector/version', help: 'Optional: the latest when left out.', inputmode: 'numeric' },
  { id: 'f-staged', label: 'Staged', path: '/connector/staged', kind: 'checkbox', help: 'Deploy the ConnectorStaged (a preview).' },
  { id: 'f-region', label: 'Region', path: '/region', kind: 'select' },
  { id: 'f-type', label: 'Type', path: '/type', kind: 'select', help: 'Optional.' },
];

export function builder({ setStatus, examples }) {
  // The regions, from the library's own rule (the allowedValues of a region it refuses).
  const REGIONS =
    validateDeploymentDraft({ region: '' }).errors.find((i) => i.path === '/region')?.allowedValues ?? ['europe-west1.gcp'];
  /** Field path → { input, issues (element), help } of the current form. */
  let fields = new Map();
  let shape = ''; // what the configuration groups were built from
  let spec = null; // { applications, global, supportedRegions } of the source
  let sourceValue = null; // the source as buildDeploymentDraft takes it: text or an object
  let sourceIsYaml = true; // a connect.yaml (else a Connector JSON): the command line's file name
  let stale = false; // the form shows the last connector read: the text cannot be read now
  const remembered = new Map(); // path → { value, secured }: what was typed, across redraws
  let lastDraft = null;

  // Reading the connector (and redrawing the form) and checking the form run at once while
  // they take less than a frame; for a connector so large that they take longer (hundreds of
  // applications), once typing pauses: keys are never held up behind them.
  const reading = paced(readSource);
  const checking = paced(check);
  const update = checking.run;
  const requestUpdate = checking.request;
  const source = codeEditor({ parent: $('source-editor'), label: 'connect.yaml', language: 'yaml', onChange: reading.request });
  const output = codeEditor({ parent: $('draft-output'), label: 'DeploymentDraft JSON', language: 'json', readOnly: true });

  // ---- The deployment fields ----------------------------------------------------------
  const grid = $('deployment-grid');
  for (const f of DEPLOYMENT_FIELDS) grid.append(control(f));

  function control({ id, label, path, kind = 'text', help, inputmode, placeholder, secured, required }) {
    const wrap = document.createElement('div');
    wrap.className = `field ${kind}`;
    const l = document.createElement('label');
    l.htmlFor = id;
    l.textContent = label;
    let input;
    if (kind === 'select') {
      input = document.createElement('select');
    } else {
      input = document.createElement('input');
      input.type = kind === 'checkbox' ? 'checkbox' : secured ? 'password' : 'text';
      if (kind !== 'checkbox') {
        input.spellcheck = false;
        input.autocomplete = secured ? 'new-password' : 'off';
      }
      if (inputmode) input.inputMode = inputmode;
      if (placeholder) input.placeholder = placeholder;
    }
    input.id = id;
    // The label stays the key itself; "required" is a mark beside it.
    if (required) input.setAttribute('aria-required', 'true');
    const described = [];
    const row = el('div', { className: 'row' }, input);
    if (secured) {
      const toggle = el('button', { type: 'button', className: 'toggle', textContent: 'Show' });
      toggle.setAttribute('aria-label', `Show ${label}`);
      toggle.setAttribute('aria-pressed', 'false');
      toggle.addEventListener('click', () => {
        const shown = input.type === 'password';
        input.type = shown ? 'text' : 'password';
        toggle.setAttribute('aria-pressed', String(shown));
        toggle.textContent = shown ? 'Hide' : 'Show';
      });
      row.append(toggle);
    }
    const head = el('div', { className: 'label' }, l);
    if (required) head.append(el('span', { className: 'required', textContent: 'required' }));
    if (kind === 'checkbox') {
      wrap.append(row);
      row.append(l);
      if (required) row.append(head.lastChild);
    } else {
      wrap.append(head, row);
    }
    if (help) {
      const p = document.createElement('p');
      p.className = 'help';
      p.id = `${id}-help`;
      p.textContent = help;
      wrap.append(p);
      described.push(p.id);
    }
    const issues = document.createElement('ul');
    issues.className = 'field-issues';
    issues.id = `${id}-issues`;
    wrap.append(issues);
    described.push(issues.id);
    input.setAttribute('aria-describedby', described.join(' '));
    input.addEventListener(kind === 'select' || kind === 'checkbox' ? 'change' : 'input', requestUpdate);
    // The path's tokens, decoded once: input() reads them on every keystroke.
    const tokens = path.split('/').slice(1).map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
    fields.set(path, { input, issues, wrap, secured, tokens });
    return wrap;
  }

  function options(select, values, keep) {
    const current = keep ? select.value : '';
    select.replaceChildren(
      ...[['', 'Choose…'], ...values.map((v) => [v, v])].map(([value, text]) => new Option(text, value)),
    );
    select.value = values.includes(current) ? current : '';
  }
  function typeOptions() {
    const staged = fields.get('/connector/staged').input.checked;
    const select = fields.get('/type').input;
    const current = select.value;
    select.replaceChildren(
      new Option('Not set', ''),
      ...(staged ? ['preview'] : ['sandbox', 'production']).map((v) => new Option(v, v)),
    );
    select.value = [...select.options].some((o) => o.value === current) ? current : '';
  }
  options(fields.get('/region').input, REGIONS);
  typeOptions();
  fields.get('/connector/staged').input.addEventListener('change', typeOptions);

  // ---- The source -----------------------------------------------------------------------
  /** Reads the editor: the source's own issues, the spec, then the form. */
  function readSource() {
    const text = source.text;
    const trimmed = text.trim();
    let items = [];
    // While the text cannot be read (a bracket half typed), the form keeps the last connector
    // read and everything typed into it; an empty editor clears it.
    const last = { spec, sourceValue, sourceIsYaml };
    spec = null;
    sourceValue = null;
    if (trimmed.startsWith('{')) {
      source.setLanguage('json');
      let connector;
      try {
        connector = JSON.parse(trimmed);
      } catch (e) {
        items = [{ severity: 'error', issue: jsonErrorIssue(text, e) }];
      }
      if (connector !== undefined && connector && Array.isArray(connector.configurations)) {
        sourceValue = connector;
        sourceIsYaml = false;
        spec = specOf(connector);
        prefill(connector);
      } else if (connector !== undefined) {
        items = [{ severity: 'error', issue: { code: 'InvalidJsonInput', message: 'A Connector JSON has a configurations array; this one has none.', path: '/configurations', line: 1, column: 1 } }];
      }
    } else if (trimmed !== '') {
      source.setLanguage('yaml');
      const parsed = parseConnectYaml(text);
      items = issuesOf(parsed.report);
      if (parsed.spec) {
        // A connect.yaml without errors is given as the connector it parses to: the same
        // answers (tests/deployment.rs, the four source kinds) without reading the YAML again
        // on every keystroke (4.7 → 2.4 ms for 50 applications). With errors, the text, so
        // that the broken parts are known and their cross-checks skipped.
        sourceValue = parsed.report.valid ? parsed.spec : text;
        sourceIsYaml = true;
        spec = specOf(parsed.spec);
      }
    }
    showInEditor(source, $('source-issues'), items);
    stale = spec === null && last.spec !== null && trimmed !== '';
    if (stale) ({ spec, sourceValue, sourceIsYaml } = last);
    renderGroups();
    update();
  }

  /**
   * What the form is made of, from a connector (a Connector JSON as given, or the spec of a
   * connect.yaml): only what has the shape it should — applications with a string name (the
   * first of a name), entries with a string key — so that nothing given can break the form.
   * A key declared in both blocks is one secured input (the library reports the duplicate).
   */
  function specOf(connector) {
    const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
    const list = (v) => (Array.isArray(v) ? v : []);
    const block = (b) => {
      // Only the members the form shows, and only as strings (a description may be any JSON).
      const text = (v) => (typeof v === 'string' ? v : undefined);
      const entries = (v) => list(v)
        .filter((d) => isObject(d) && typeof d.key === 'string' && d.key !== '')
        .map((d) => ({ key: d.key, description: text(d.description), default: text(d.default), required: d.required === true }));
      const secured = entries(b?.securedConfiguration);
      const securedKeys = new Set(secured.map((d) => d.key));
      const seen = new Set();
      const once = (d) => !seen.has(d.key) && seen.add(d.key);
      return { standard: entries(b?.standardConfiguration).filter((d) => !securedKeys.has(d.key)).filter(once), secured: secured.filter(once) };
    };
    const names = new Set();
    const applications = list(connector.configurations)
      .filter((a) => isObject(a) && typeof a.applicationName === 'string' && !names.has(a.applicationName) && names.add(a.applicationName))
      .map((a) => ({ name: a.applicationName, type: typeof a.applicationType === 'string' ? a.applicationType : '', ...block(a), schedule: typeof a.schedule === 'string' ? a.schedule : undefined }));
    const global = isObject(connector.globalConfiguration) ? block(connector.globalConfiguration) : null;
    const regions = list(connector.supportedRegions).filter((r) => typeof r === 'string');
    return { applications, global, supportedRegions: regions.length ? regions : null };
  }

  /** A Connector JSON names itself: key, id, version, and whether it is staged. */
  function prefill(connector) {
    const set = (path, value) => {
      const input = fields.get(path).input;
      if ((typeof value === 'string' || typeof value === 'number') && input.value === '') input.value = String(value);
    };
    set('/connector/key', connector.key);
    if (connector.key === undefined) set('/connector/id', connector.id);
    set('/connector/version', connector.version);
    if ('isPreviewable' in connector && !fields.get('/connector/staged').input.checked) {
      fields.get('/connector/staged').input.checked = true;
      typeOptions();
    }
  }

  // ---- The configuration groups ------------------------------------------------------------
  function renderGroups() {
    const regions = spec?.supportedRegions ?? REGIONS;
    options(fields.get('/region').input, regions, true);
    const next = JSON.stringify(spec && [spec.applications, spec.global]);
    if (next === shape) return;
    shape = next;
    // Keep what was typed: the values are read back from the old inputs by path, and only
    // into an input of the same kind — a secured value never lands in a standard input.
    // What was typed is remembered by path across redraws (a name edited letter by letter
    // passes through other names), kept in memory only, and bounded.
    for (const [path, f] of fields) {
      if (!(path.startsWith('/values') || path.startsWith('/globalValues') || path.startsWith('/overrides'))) continue;
      remembered.delete(path);
      if (f.input.value !== '') remembered.set(path, { value: f.input.value, secured: f.secured === true });
    }
    while (remembered.size > 10_000) remembered.delete(remembered.keys().next().value);
    for (const path of [...fields.keys()]) if (!DEPLOYMENT_FIELDS.some((f) => f.path === path)) fields.delete(path);
    const groups = $('configuration-groups');
    groups.replaceChildren();
    if (!spec) return;
    let n = 0;
    const keyControls = (block, base) => {
      const out = [];
      for (const [kind, list] of [['standard', block.standard], ['secured', block.secured]]) {
        for (const d of list) {
          const secured = kind === 'secured';
          const description = d.description ? String(d.description).replace(/([^.!?])\s*$/, '$1.') : '';
          const help = [description, d.default !== undefined ? `Default: ${d.default} (applies when left empty).` : ''].filter(Boolean).join(' ');
          out.push(
            control({
              id: `c${n++}`,
              label: String(d.key),
              path: pointer(...base, d.key),
              secured,
              required: d.required === true,
              help,
              placeholder: d.default !== undefined ? String(d.default) : undefined,
            }),
          );
        }
      }
      return out;
    };
    const global = spec.global;
    if (global && (global.standard.length || global.secured.length)) {
      groups.append(group('Global configuration', 'Applies to every application.', keyControls(global, ['globalValues'])));
    }
    for (const app of spec.applications) {
      const controls = keyControls(app, ['values', app.name]);
      if (app.type === 'job') {
        controls.push(control({ id: `c${n++}`, label: 'Schedule', path: pointer('overrides', app.name, 'schedule'), placeholder: app.schedule, help: `Overrides the connect.yaml schedule${app.schedule ? ` (${app.schedule})` : ''}. Optional.` }));
      }
      if (app.type === 'event') {
        const base = ['overrides', app.name, 'retryPolicy'];
        const strategy = control({ id: `c${n++}`, label: 'Retry strategy', path: pointer(...base, 'strategy'), kind: 'select', help: 'Overrides the connect.yaml retry policy. Optional.' });
        const select = strategy.querySelector('select');
        select.replaceChildren(new Option('Not overridden', ''), new Option('immediate', 'immediate'), new Option('exponential-backoff', 'exponential-backoff'));
        controls.push(strategy);
        for (const [field, label] of [['minBackoffSeconds', 'Min backoff seconds'], ['maxBackoffSeconds', 'Max backoff seconds'], ['maxAttempts', 'Max attempts']]) {
          controls.push(control({ id: `c${n++}`, label, path: pointer(...base, field), inputmode: 'numeric', help: field === 'maxAttempts' ? '5 to 100, optional.' : '1 to 600.' }));
        }
      }
      if (controls.length === 0) {
        const p = document.createElement('p');
        p.className = 'help';
        p.textContent = 'No configuration to give.';
        controls.push(p);
      }
      groups.append(group(app.name, app.type, controls));
    }
    for (const [path, f] of fields) {
      const kept = remembered.get(path);
      if (kept && (f.secured === true) === kept.secured) f.input.value = kept.value;
    }
  }

  function group(name, note, controls) {
    const fieldset = document.createElement('fieldset');
    fieldset.className = 'group';
    const legend = document.createElement('legend');
    legend.textContent = name;
    fieldset.append(legend);
    if (note) {
      const p = document.createElement('p');
      p.className = 'group-note';
      p.textContent = note;
      fieldset.append(p);
    }
    const grid = document.createElement('div');
    grid.className = 'grid';
    grid.append(...controls);
    fieldset.append(grid);
    return fieldset;
  }

  // ---- Build, and show ---------------------------------------------------------------------
  const value = (path) => fields.get(path)?.input.value ?? '';
  const number = (text) => (/^-?\d+$/.test(text.trim()) ? Number(text.trim()) : text);

  /** buildDeploymentDraft's input from the form: what is given, nothing else. */
  function input() {
    const out = { connector: {} };
    if (value('/key')) out.key = value('/key');
    if (value('/connector/key')) out.connector.key = value('/connector/key');
    if (value('/connector/id')) out.connector.id = value('/connector/id');
    if (value('/connector/version')) out.connector.version = number(value('/connector/version'));
    if (fields.get('/connector/staged').input.checked) out.connector.staged = true;
    if (value('/region')) out.region = value('/region');
    if (value('/type')) out.type = value('/type');
    // Maps keyed by names from the connector (an application may be called __proto__ or
    // constructor): objects without a prototype, so a name is only ever an own key.
    const dict = () => Object.create(null);
    for (const { input: field, tokens } of fields.values()) {
      const given = field.value;
      if (given === '') continue;
      if (tokens[0] === 'values') ((out.values ??= dict())[tokens[1]] ??= dict())[tokens[2]] = given;
      else if (tokens[0] === 'globalValues') (out.globalValues ??= dict())[tokens[1]] = given;
      else if (tokens[0] === 'overrides' && tokens[2] === 'schedule') ((out.overrides ??= dict())[tokens[1]] ??= dict()).schedule = given;
      else if (tokens[0] === 'overrides') {
        const policy = (((out.overrides ??= dict())[tokens[1]] ??= dict()).retryPolicy ??= dict());
        policy[tokens[3]] = tokens[3] === 'strategy' ? given : number(given);
      }
    }
    return out;
  }

  function check() {
    if (!spec) {
      for (const f of fields.values()) showAtField(f, []);
      showSummary([]);
      lastDraft = null;
      showOutputs();
      setStatus(source.text.trim() === '' ? 'Paste a connect.yaml or a Connector JSON, open a file, or pick an example.' : 'The connector cannot be read: see its issues.', 'loading');
      return;
    }
    let built;
    try {
      built = buildDeploymentDraft(input(), sourceValue);
    } catch (error) {
      // The source is one the library refuses outright (e.g. nested past its depth budget).
      for (const f of fields.values()) showAtField(f, []);
      showSummary([]);
      lastDraft = null;
      showOutputs();
      setStatus(`The connector cannot be used: ${error.message}`, 'invalid');
      return;
    }
    // The connect.yaml's own issues are in its editor already (parseConnectYaml).
    const report = {
      errors: built.report.errors.filter((i) => !i.source),
      warnings: built.report.warnings.filter((i) => !i.source),
    };
    const projectKey = value('/projectKey');
    if (!projectKey) {
      // Not part of the draft (the library does not see it), but the request needs it.
      report.warnings.push({ code: 'RequiredField', message: 'The project key is needed for the request URL (the curl command says ${PROJECT_KEY} until it is given).', path: '/projectKey', field: 'projectKey' });
    } else {
      const own = validateProjectIdentifier(`${value('/region') || REGIONS[0]}:${projectKey}`);
      report.errors.push(...own.errors.map((i) => ({ ...i, path: '/projectKey', message: `Project key: ${i.message}` })));
    }
    report.valid = report.errors.length === 0;
    const atField = new Map();
    const summary = [];
    for (const item of issuesOf(report)) {
      const path = fieldPathOf(item.issue);
      if (fields.has(path)) atField.set(path, [...(atField.get(path) ?? []), item]);
      summary.push({ item, path: fields.has(path) ? path : null });
    }
    for (const [path, f] of fields) showAtField(f, atField.get(path) ?? []);
    showSummary(summary);
    lastDraft = built.draft;
    showOutputs();
    const sourceErrors = $('source-issues').querySelectorAll('li.error').length;
    const noun = sourceIsYaml ? 'connect.yaml' : 'connector';
    const about = stale ? ` · ${noun} cannot be read: the form shows its last readable version` : sourceErrors ? ` · ${noun}: ${sourceErrors} error${sourceErrors === 1 ? '' : 's'}` : '';
    setStatus(`${summaryText(report, 'DeploymentDraft')}${about}`, report.valid && !sourceErrors ? 'valid' : 'invalid');
  }

  // A keystroke changes the issues of one or two fields at most: each field (and the summary)
  // is redrawn only when what it shows changed, so the page is not laid out anew on every key.
  const shownAs = (items) => JSON.stringify(items.map(({ severity, issue }) => [severity, issue.code, issue.message, issue.default]));

  function showAtField(f, items) {
    const shown = shownAs(items);
    if (shown === f.shown) return;
    f.shown = shown;
    f.issues.replaceChildren();
    f.wrap.classList.remove('has-error', 'has-warning', 'default-applies');
    f.input.removeAttribute('aria-invalid');
    for (const item of items) {
      if (item.issue.code === 'ConfigurationDefaultApplies') {
        // Not a mistake, a fact worth seeing: a short note at the field, the warning in the summary.
        const note = document.createElement('li');
        note.className = 'note';
        note.textContent = `Default applies: ${item.issue.default}`;
        f.issues.append(note);
        f.wrap.classList.add('default-applies');
      } else {
        f.issues.append(issueItem(item, null, null));
        if (item.severity === 'error') f.input.setAttribute('aria-invalid', 'true');
        f.wrap.classList.add(`has-${item.severity}`);
      }
    }
  }

  let summaryShown = '';
  /** The summary at the top: each item a button that moves focus to its field. */
  function showSummary(summary) {
    const shown = JSON.stringify([shownAs(summary.map((s) => s.item)), summary.map((s) => s.path && fields.get(s.path).input.id)]);
    if (shown === summaryShown) return;
    summaryShown = shown;
    $('summary').hidden = summary.length === 0;
    $('summary-list').replaceChildren(
      ...summary.map(({ item, path }) => {
        const f = path && fields.get(path);
        return issueItem(item, f ? labelOf(path) : placeOf(item.issue), () => (f ? f.input : $('summary-heading')).focus());
      }),
    );
  }

  /** Where an issue belongs in the form: its path, or the field of the key it names. */
  function fieldPathOf(issue) {
    let path = issue.path;
    if (issue.configurationKey !== undefined && !fields.has(path)) {
      if (path.startsWith('/globalValues')) path = pointer('globalValues', issue.configurationKey);
      else if (path.startsWith('/values/')) path = `${path.split('/').slice(0, 3).join('/')}${pointer(issue.configurationKey)}`;
    }
    if (path === '/connector' || path === '') path = '/connector/key';
    if (/^\/overrides\/[^/]+\/retryPolicy$/.test(path)) path += '/strategy';
    while (path && !fields.has(path)) path = path.slice(0, path.lastIndexOf('/'));
    return path;
  }
  function labelOf(path) {
    const f = fields.get(path);
    const group = f.wrap.closest('fieldset.group')?.querySelector('legend')?.textContent;
    return `${group ? `${group} › ` : ''}${f.wrap.querySelector('label').textContent}`;
  }

  // ---- Outputs -----------------------------------------------------------------------------
  const includeSecrets = $('include-secrets');
  includeSecrets.addEventListener('change', showOutputs);

  // Names the shell sets or reads itself, and the command's own placeholders: never a secret's.
  const TAKEN = new Set(['BEARER_TOKEN', 'REGION', 'PROJECT_KEY', '_', 'PATH', 'HOME', 'PWD', 'OLDPWD', 'IFS', 'RANDOM', 'SRANDOM',
    'LINENO', 'SECONDS', 'UID', 'EUID', 'PPID', 'SHLVL', 'HOSTNAME', 'OPTIND', 'OPTARG', 'OPTERR', 'REPLY', 'PS1', 'PS2', 'PS3', 'PS4',
    'TERM', 'USER', 'SHELL', 'LANG', 'HISTFILE', 'EPOCHSECONDS', 'EPOCHREALTIME', 'GROUPS', 'FUNCNAME', 'PIPESTATUS', 'COLUMNS',
    'LINES', 'MAIL', 'ENV', 'CDPATH', 'TMPDIR', 'HOSTTYPE', 'MACHTYPE', 'OSTYPE', 'DIRSTACK', 'COMP_WORDBREAKS']);

  /**
   * The shell variable of each secured value (`(application, key) → NAME`; application null for
   * the global block): the key itself when it is a shell name nobody else has; otherwise, or
   * for the second application with the same key, CP_<APPLICATION>_<KEY> with every other
   * character an underscore. One variable per value, and never a name the shell gives a value.
   */
  function placeholderNames() {
    const names = new Map();
    const used = new Set(TAKEN);
    const safe = (s) => String(s).replace(/[^A-Za-z0-9_]/g, '_');
    return (application, key) => {
      const slot = JSON.stringify([application, key]);
      if (names.has(slot)) return names.get(slot);
      const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) && !used.has(key) && !key.startsWith('BASH') && key.length <= 64;
      const base = plain ? key : `CP_${application === null ? 'GLOBAL' : safe(application).toUpperCase()}_${safe(key)}`.slice(0, 96);
      let name = base;
      for (let i = 2; used.has(name); i++) name = `${base}_${i}`;
      used.add(name);
      names.set(slot, name);
      return name;
    };
  }

  /**
   * The draft with the value of every entry of a securedConfiguration, and of every standard
   * entry of a key the same block declares secured (a key in both blocks), replaced by
   * `marker(application, key)` (`${NAME}` by default; application null for the global block).
   */
  function redacted(draft, marker) {
    if (!marker) {
      const name = placeholderNames();
      marker = (application, key) => `\${${name(application, key)}}`;
    }
    const copy = structuredClone(draft);
    const global = new Set(spec?.global?.secured.map((d) => d.key) ?? []);
    const byApp = new Map((spec?.applications ?? []).map((a) => [a.name, new Set(a.secured.map((d) => d.key))]));
    const mask = (block, application, declared) => {
      for (const [list, all] of [[block.securedConfiguration, true], [block.standardConfiguration, false]]) {
        for (const entry of Array.isArray(list) ? list : []) {
          if (entry && (all || declared.has(entry.key))) entry.value = marker(application, String(entry.key));
        }
      }
    };
    for (const block of copy.configurations ?? []) mask(block, String(block.applicationName), byApp.get(block.applicationName) ?? new Set());
    if (copy.globalConfiguration) mask(copy.globalConfiguration, null, global);
    return copy;
  }

  function shown() {
    if (!lastDraft) return null;
    return JSON.stringify(includeSecrets.checked ? lastDraft : redacted(lastDraft), null, 2);
  }

  // The outputs follow the issues: a keystroke's frame shows the issues, and the JSON, the
  // curl command, the command line and the link are redrawn in the idle time after it (a
  // 50-application draft's JSON takes ~3 ms to redraw; bench/page.mjs). Until then the
  // request section is aria-busy; copying or downloading redraws first, so it is never stale.
  const request = $('request');
  let outputsDue = null;
  function showOutputs() {
    request.setAttribute('aria-busy', 'true');
    if (outputsDue !== null) return;
    const idle = window.requestIdleCallback ?? ((f) => setTimeout(f, 1));
    outputsDue = idle(renderOutputs, { timeout: 150 });
  }
  function renderOutputs() {
    outputsDue = null;
    if (request.getAttribute('aria-busy') !== 'true') return;
    const start = performance.now();
    const text = shown();
    output.setText(text ?? '');
    const { command, variables } = text ? curl(!includeSecrets.checked) : { command: '', variables: [] };
    $('curl').textContent = command;
    $('curl-variables').textContent = variables.length ? `Export first: ${variables.join(' ')}` : '';
    $('cli').textContent = text ? cli() : '';
    writeState(stateOf());
    request.setAttribute('aria-busy', 'false');
    performance.measure('builder:outputs', { start }); // read by bench/page.mjs
  }

  const shellQuote = (s) => `'${String(s).replaceAll("'", `'\\''`)}'`;
  /**
   * The curl command. Everything the user gave is quoted for the shell, and the only
   * expansions are the page's own: `${BEARER_TOKEN}`, `${REGION}`/`${PROJECT_KEY}` when those
   * fields are empty, and one `${KEY}` per secured value when placeholders are on — those are
   * put in after the body is escaped, at markers no value can hold.
   */
  function curl(placeholders) {
    // The URL: given parts single-quoted (joined), a missing region or project key "${VAR}".
    const parts = ['https://connect.', value('/region') || { name: 'REGION' }, '.commercetools.com/', value('/projectKey') || { name: 'PROJECT_KEY' }, '/deployments'];
    let url = '';
    let literal = '';
    const variables = ['BEARER_TOKEN'];
    for (const part of parts) {
      if (typeof part === 'string') {
        literal += part;
        continue;
      }
      url += `${literal ? shellQuote(literal) : ''}"\${${part.name}}"`;
      variables.push(part.name);
      literal = '';
    }
    url += literal ? shellQuote(literal) : '';
    let body;
    if (placeholders) {
      // The here-document is unquoted (the shell fills each ${KEY}): every $ ` \ of the JSON is escaped.
      let marker;
      do marker = `CPSECRET${Math.random().toString(36).slice(2).toUpperCase()}X`;
      while (JSON.stringify(lastDraft).includes(marker));
      const name = placeholderNames();
      const slots = [];
      const json = JSON.stringify(redacted(lastDraft, (application, key) => `${marker}${slots.push(name(application, key)) - 1}X`), null, 2);
      body = json.replace(/[\\`$]/g, '\\$&').replace(new RegExp(`${marker}(\\d+)X`, 'g'), (_, i) => `\${${slots[Number(i)]}}`);
      variables.push(...slots);
    } else {
      body = JSON.stringify(lastDraft, null, 2); // a quoted here-document: nothing is expanded
    }
    const command = [
      `curl -sS -X POST ${url} \\`,
      `  -H "Authorization: Bearer \${BEARER_TOKEN}" \\`,
      `  -H 'Content-Type: application/json' \\`,
      `  --data-binary @- <<${placeholders ? 'EOF' : "'EOF'"}`,
      body,
      'EOF',
    ].join('\n');
    return { command, variables: [...new Set(variables)] };
  }
  function cli() {
    const connector = sourceIsYaml ? 'connect.yaml' : 'connector.json';
    const projectKey = value('/projectKey');
    return `npx connect-preflight validate deployment-draft deployment-draft.json --connector ${connector}${projectKey ? ` --project-key ${shellQuote(projectKey)}` : ''}`;
  }

  // ---- The link (never a secured value) --------------------------------------------------
  function stateOf() {
    const values = {};
    for (const [path, f] of fields) {
      if (f.secured || f.input.type === 'checkbox' || f.input.value === '') continue;
      values[path] = f.input.value;
    }
    return { source: source.text, values, staged: fields.get('/connector/staged').input.checked };
  }
  async function restore() {
    const state = await readState();
    if (!state) return false;
    const staged = fields.get('/connector/staged').input;
    staged.checked = state.staged === true;
    typeOptions();
    source.setText(typeof state.source === 'string' ? state.source : '');
    readSource();
    for (const [path, text] of Object.entries(state.values ?? {})) {
      const f = fields.get(path);
      if (f && !f.secured && typeof text === 'string') f.input.value = text;
    }
    update();
    return true;
  }

  // ---- Loading a connector ----------------------------------------------------------------
  const example = $('example');
  for (const { name, file } of examples) example.append(new Option(name, file));
  example.addEventListener('change', async () => {
    if (!example.value) return;
    const response = await fetch(`examples/${example.value}`);
    source.setText(await response.text());
  });
  $('source-file').addEventListener('change', async (event) => {
    const file = event.target.files?.[0];
    if (file) source.setText(await file.text());
  });
  // A file dropped on the editor replaces its text (CodeMirror would insert it at the caret).
  $('source-editor').addEventListener(
    'drop',
    async (event) => {
      const file = event.dataTransfer?.files?.[0];
      if (!file) return;
      event.preventDefault();
      event.stopPropagation();
      source.setText(await file.text());
    },
    true,
  );

  const copy = (id, text) => $(id).addEventListener('click', async () => {
    renderOutputs();
    const value = text();
    if (!value) return;
    await navigator.clipboard.writeText(value);
    setStatus(`Copied: ${$(id).textContent.replace(/^Copy /, '')}.`, 'valid');
  });
  copy('copy-draft', shown);
  copy('copy-curl', () => $('curl').textContent);
  copy('copy-cli', () => $('cli').textContent);
  copy('copy-link', () => location.href);
  $('download-draft').addEventListener('click', () => {
    renderOutputs();
    const text = shown();
    if (!text) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text + '\n'], { type: 'application/json' }));
    a.download = 'deployment-draft.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });

  // A link opened in this tab (only its fragment changes): its state replaces the form's.
  window.addEventListener('hashchange', () => void restore());

  readSource();
  return { restore, update, source };
}

/**
 * `fn` paced to its cost: `request()` runs it at once while a run takes less than a frame,
 * else once requests pause for about as long as a run takes (at most 0.5 s); `run()` runs it now.
 */
function paced(fn) {
  let cost = 0;
  let due = null;
  const run = () => {
    clearTimeout(due);
    const started = performance.now();
    try {
      fn();
    } finally {
      cost = performance.now() - started;
    }
  };
  const request = () => {
    clearTimeout(due);
    if (cost < 16) return run();
    due = setTimeout(run, Math.min(cost, 500));
  };
  return { run, request };
}
