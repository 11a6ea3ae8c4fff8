'use strict';
// connect-preflight's command line (bin/connect-preflight.cjs runs it):
//   check [PATH…]              find the files to check under each PATH (default .) and check them
//   validate <kind> FILE|DIR…  check files of one kind
//   schema connect-yaml        print the JSON Schema of connect.yaml
// Exit codes: 0 every file valid (and warnings within --max-warnings), 1 some file invalid or
// too many warnings, 2 misuse or a file that could not be checked — every other file is still
// checked and printed. No byte of a value from a file is ever printed (formats.cjs).
const fs = require('fs');
const path = require('path');
const { parseArgs } = require('util');
const api = require('../node/index.cjs');
const { KINDS, CLI_KINDS, detectKind } = require('./kinds.cjs');
const { readText, readProblem, isDirectory, inDirectory, discover, nearestConnectYaml } = require('./files.cjs');
const { FORMATS, githubStepSummary, totals } = require('./formats.cjs');

// Context options: what a payload is cross-checked against (each kind says which it takes).
const CONTEXT_OPTIONS = {
  connector: 'connector',
  deployment: 'deployment',
  'project-key': 'projectKey',
  'connector-staged': 'connectorStaged',
  'connector-json': 'connectorJson',
  current: 'current',
};
const OPTIONS = {
  format: { type: 'string', short: 'f' },
  kind: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  'max-warnings': { type: 'string' },
  'cross-check': { type: 'boolean' },
  'skip-unknown': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  ...Object.fromEntries(Object.keys(CONTEXT_OPTIONS).map((name) => [name, { type: 'string' }])),
};

const USAGE = `usage: connect-preflight check [PATH...] [options]
       connect-preflight validate <kind> FILE|DIR... [options]
       connect-preflight schema connect-yaml

check finds, under each PATH (default .; node_modules and .git skipped), every connect.yaml,
every connector.json, and every JSON payload whose kind its fields name, and checks each.
validate checks files of the kind given.

kinds:
${CLI_KINDS.map((k) => `  ${k.padEnd(25)} ${KINDS[k].help}`).join('\n')}

options:
  --format human|json|github|sarif|gitlab
                          human: FILE:LINE:COLUMN severity CODE message, sorted, with the
                          place under it (keys only, never a value) and a summary (default);
                          json: one document (format 1, see the README); github: workflow
                          annotations (10 errors and 10 warnings) and the full table in
                          $GITHUB_STEP_SUMMARY; sarif: SARIF 2.1.0 for code scanning;
                          gitlab: a code quality report
  --kind K                check: every .json/.yaml file found is of kind K
  --quiet, -q             errors only
  --max-warnings N        exit 1 when there are more than N warnings
  --skip-unknown          check: a file named on the command line whose kind cannot be
                          told is skipped, not an error (for hooks that pass every .json)
  --cross-check           check: a deployment draft or update is cross-checked against the
                          nearest connect.yaml (its directory or one above, within PATH)
  --connector F           deployment kinds: the connector, F = connect.yaml (or a directory
                          holding one) or a Connector / ConnectorStaged JSON file
  --deployment F          deployment-update: the Deployment JSON (status, version, applications)
  --project-key K         a private connector must list {region}:K in its privateProjects
  --connector-staged F    connector-update: the ConnectorStaged JSON the actions are checked against
  --connector-json F      tray-deploy-request: the connector.json (or a directory holding one)
  --current S             tracker-status-update: the current status (e.g. pending), or a file
                          with the current record
  --help, -h              this text
  --version               the package version

Colour on a terminal only; NO_COLOR turns it off, FORCE_COLOR on.
exit codes: 0 all files valid, 1 some file invalid (or over --max-warnings), 2 misuse or a
file that could not be checked`;

class Misuse extends Error {}

function parse(argv) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    // parseArgs's own words ("Unknown option '--x'", "Option '--format' argument missing").
    throw new Misuse(err.message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const { values, positionals } = parsed;
  const format = values.format ?? 'human';
  if (format === 'text') values.format = 'human'; // the name before 0.2
  else if (!FORMATS[format]) throw new Misuse(`--format takes ${Object.keys(FORMATS).join(', ')}, not ${format}`);
  else values.format = format;
  if (values['max-warnings'] !== undefined && !/^\d+$/.test(values['max-warnings'])) {
    throw new Misuse(`--max-warnings takes a whole number, not ${values['max-warnings']}`);
  }
  if (values.kind !== undefined && !CLI_KINDS.includes(values.kind)) throw new Misuse(`unknown kind ${values.kind}`);
  for (const name of Object.keys(CONTEXT_OPTIONS)) {
    if (values[name] === '') throw new Misuse(`--${name} takes a value`);
  }
  return { values, positionals };
}

/** The context options given, checked against what `kind` takes. */
function contextOptions(values, kind) {
  const given = Object.keys(CONTEXT_OPTIONS).filter((name) => values[name] !== undefined);
  const takes = KINDS[kind].options ?? [];
  const refused = given.filter((name) => !takes.includes(CONTEXT_OPTIONS[name]));
  if (refused.length > 0) {
    const flags = (list) => list.map((n) => `--${n}`).join(', ');
    const allowed = takes.length > 0 ? `it takes ${flags(Object.keys(CONTEXT_OPTIONS).filter((n) => takes.includes(CONTEXT_OPTIONS[n])))}` : 'it takes no context options';
    throw new Misuse(`${kind} does not take ${flags(refused)}: ${allowed}`);
  }
  return given;
}

/**
 * Reads the context documents once: `{ context, sources, problem }`. `sources` names the file
 * of each document (an issue about one is printed against it); `problem` says which could not
 * be read (the payloads that need it are then not checked). A context file that is not JSON is
 * named, never quoted (JSON.parse's message quotes the text around the error).
 */
function readContext(values, texts) {
  const context = {};
  const sources = {};
  const read = (file) => {
    const text = readText(file);
    texts.set(file, text);
    return text;
  };
  const json = (file) => {
    const text = read(file);
    try {
      return JSON.parse(text);
    } catch {
      throw Object.assign(new Error(`${file} is not valid JSON`), { file });
    }
  };
  try {
    if (values.connector) {
      const file = inDirectory(values.connector, 'connect.yaml');
      const text = read(file);
      if (text.trimStart().startsWith('{')) {
        context.connector = json(file);
        sources.connector = file;
      } else {
        context.connectYaml = text;
        sources.connectYaml = file;
      }
    }
    if (values.deployment) {
      context.deployment = json(values.deployment);
      sources.deployment = values.deployment;
    }
    if (values['project-key']) context.projectKey = values['project-key'];
    if (values['connector-staged']) {
      context.connectorStaged = json(values['connector-staged']);
      sources.connectorStaged = values['connector-staged'];
    }
    if (values['connector-json']) {
      // As text: its own issues then have their line and column in that file.
      const file = inDirectory(values['connector-json'], 'connector.json');
      context.connectorJson = read(file);
      sources.connectorJson = file;
    }
    if (values.current) {
      // A status name, or a file holding the current record (or its status).
      const isStatus = /^[a-z_]+$/.test(values.current) && !fs.existsSync(values.current);
      context.current = isStatus ? values.current : json(values.current);
      sources.current = isStatus ? '--current' : values.current;
    }
  } catch (err) {
    return { context, sources, problem: err.file ? err.message : readProblem(err.path ?? 'a context file', err) };
  }
  return { context, sources };
}

/** One file of a known kind, checked: a result for the formats. */
function checkFile({ file, kind, text }, context, sources, texts) {
  if (text === undefined) {
    try {
      text = readText(file);
    } catch (err) {
      return { file, kind, problem: readProblem(file, err), sources };
    }
  }
  texts.set(file, text);
  try {
    return { file, kind, sources, ...KINDS[kind].check(api, text, context) };
  } catch (err) {
    // API misuse (a context of the wrong shape, e.g. --deployment not a Deployment): the
    // library's own message, which never quotes the input.
    return { file, kind, problem: err.message, sources };
  }
}

/** The files of `check`: each PATH walked (a directory) or taken as given (a file). */
function targetsOfCheck(paths, values) {
  const targets = [];
  for (const given of paths) {
    if (isDirectory(given)) {
      for (const found of discover(given, values.kind)) targets.push({ ...found, root: given });
      continue;
    }
    let text;
    try {
      text = readText(given);
    } catch (err) {
      targets.push({ file: given, problem: readProblem(given, err) });
      continue;
    }
    const kind = values.kind ?? detectKind(text, { name: given, strict: true });
    if (kind) targets.push({ file: given, kind, text, root: path.dirname(given) });
    else if (!values['skip-unknown']) targets.push({ file: given, problem: `cannot tell what kind of file ${given} is: give --kind (one of ${CLI_KINDS.join(', ')})` });
  }
  return targets;
}

function run(argv, env, stdout) {
  const { values, positionals } = parse(argv);
  if (values.help) return stdout(`${USAGE}\n`), 0;
  if (values.version) return stdout(`${api.version()}\n`), 0;
  const [command, ...rest] = positionals;
  const texts = new Map();
  let results;
  if (command === 'schema') {
    if (rest[0] !== 'connect-yaml' || rest.length > 1) throw new Misuse('schema takes one name: connect-yaml');
    stdout(`${JSON.stringify(api.connectYamlSchema(), null, 2)}\n`);
    return 0;
  } else if (command === 'validate') {
    const [kind, ...files] = rest;
    if (!KINDS[kind] || KINDS[kind].cli === false) throw new Misuse(kind ? `unknown kind ${kind}` : 'no kind given');
    if (values.kind || values['cross-check'] || values['skip-unknown']) throw new Misuse('--kind, --cross-check and --skip-unknown are options of check');
    if (files.length === 0) throw new Misuse('no file given');
    contextOptions(values, kind);
    const { context, sources, problem } = readContext(values, texts);
    results = files.map((given) => {
      const file = KINDS[kind].file ? inDirectory(given, KINDS[kind].file) : given;
      return problem ? { file, kind, problem: `not checked: ${problem}`, sources } : checkFile({ file, kind }, context, sources, texts);
    });
  } else if (command === 'check') {
    const targets = targetsOfCheck(rest.length > 0 ? rest : ['.'], values);
    // Context options apply to the kinds that take them (with --kind, that kind must take them).
    if (values.kind) contextOptions(values, values.kind);
    const shared = readContext(values, texts);
    const checked = new Set(targets.map((t) => t.file));
    results = targets.map((target) => {
      if (target.problem) return { ...target, sources: {} };
      // The context documents this kind reads (connect.yaml text is the `connector` option).
      const takes = (KINDS[target.kind].options ?? []).flatMap((o) => (o === 'connector' ? [o, 'connectYaml'] : [o]));
      if (shared.problem && takes.length > 0) {
        return { file: target.file, kind: target.kind, problem: `not checked: ${shared.problem}`, sources: {} };
      }
      let { context, sources } = shared;
      context = Object.fromEntries(Object.entries(context).filter(([k]) => takes.includes(k)));
      if (values['cross-check'] && !values.connector && (target.kind === 'deployment-draft' || target.kind === 'deployment-update')) {
        const yaml = nearestConnectYaml(target.file, target.root);
        if (yaml) {
          try {
            context = { ...context, connectYaml: texts.get(yaml) ?? readText(yaml) };
            texts.set(yaml, context.connectYaml);
            sources = { ...sources, connectYaml: yaml };
          } catch (err) {
            return { file: target.file, kind: target.kind, problem: `not checked: ${readProblem(yaml, err)}`, sources: {} };
          }
        }
      }
      const result = checkFile(target, context, sources, texts);
      // A connect.yaml checked on its own has its issues there: not twice.
      if (result.report && sources.connectYaml && checked.has(sources.connectYaml)) {
        const own = (i) => i.source !== 'connectYaml';
        const errors = result.report.errors.filter(own);
        result.report = { ...result.report, errors, warnings: result.report.warnings.filter(own), valid: errors.length === 0 };
      }
      return result;
    });
  } else {
    throw new Misuse(command ? `unknown command ${command}` : 'no command given');
  }

  const options = { quiet: values.quiet, color: useColor(env), texts, version: api.version(), catalog: api.errorCatalog() };
  stdout(FORMATS[values.format](results, options));
  if (values.format === 'github' && env.GITHUB_STEP_SUMMARY) {
    fs.appendFileSync(env.GITHUB_STEP_SUMMARY, githubStepSummary(results, options));
  }
  const t = totals(results);
  if (t.unchecked > 0) return 2;
  if (t.invalid > 0) return 1;
  if (values['max-warnings'] !== undefined && t.warnings > Number(values['max-warnings'])) return 1;
  return 0;
}

/** Colour on a terminal; NO_COLOR (any value but empty) turns it off, FORCE_COLOR on. */
function useColor(env) {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return process.stdout.isTTY === true;
}

function main(argv = process.argv.slice(2), env = process.env) {
  const stdout = (text) => process.stdout.write(text);
  try {
    return run(argv, env, stdout);
  } catch (err) {
    if (!(err instanceof Misuse)) throw err;
    process.stderr.write(`connect-preflight: ${err.message}\n\n${USAGE}\n`);
    return 2;
  }
}

module.exports = { main };
