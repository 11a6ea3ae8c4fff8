// The JSON Schema of connect.yaml (connectYamlSchema(), connect-preflight/connect.schema.json)
// against the validator, with ajv (draft 2020-12) on the YAML as an editor reads it (yaml@2):
// every file validateConnectYaml accepts — the 37 corpus files and thousands of seeded
// mutations of them — is valid against the schema (an editor must never flag a good file);
// of the files it refuses, the test prints how many the schema catches too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import YAML from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';
import { connectYamlSchema, validateConnectYaml } from 'connect-preflight';
import { mulberry32 } from './seeded.mjs';
import { mutate } from './mutations.mjs';
import { getLanguageService } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';

const require = createRequire(import.meta.url);
const corpus = new URL('../../../shared/corpus/connect-yaml/', import.meta.url);
const files = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.yaml')).sort() : [];
const schema = connectYamlSchema();
// strict: the schema itself must be clean draft 2020-12 (no unknown keywords, no loose types).
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);

test('the schema is one document: the function, the exported file and the committed file agree', () => {
  assert.deepEqual(require('connect-preflight/connect.schema.json'), schema);
  assert.deepEqual(JSON.parse(readFileSync(new URL('../../pkg-template/connect.schema.json', import.meta.url), 'utf8')), schema);
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  // Completion needs the names, the types' enum, and hover text.
  const app = schema.properties.deployAs.items;
  assert.ok(app.properties.applicationType.enum.includes('merchant-center-custom-view'));
  assert.ok(Object.keys(app.properties).includes('retryPolicy'));
  assert.ok(app.allOf.length >= 6, 'an if/then per applicationType');
  assert.match(app.properties.endpoint.description, /path/);
  connectYamlSchema().properties = null; // a copy each call: nobody can change the next caller's
  assert.notEqual(connectYamlSchema().properties, null);
});

/** A change that keeps a file valid (mostly): optional fields with values in range, so that
 * the accepted side is large and varied, not only the corpus as written. */
function benign(doc, random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const int = (a, b) => a + Math.floor(random() * (b - a + 1));
  const word = (n = int(2, 12)) => Array.from({ length: n }, () => pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789')).join('');
  const apps = (doc.deployAs ?? []).filter((a) => a && typeof a === 'object');
  const app = apps.length ? pick(apps) : null;
  const typeOf = (a) => a?.applicationType;
  switch (int(0, 8)) {
    case 0:
      if (['service', 'event', 'job'].includes(typeOf(app))) app.endpoint = `/${Array.from({ length: int(1, 3) }, () => word().toLowerCase()).join('/')}`;
      break;
    case 1:
      if (['service', 'event'].includes(typeOf(app))) app.healthCheck = { path: `/${word().toLowerCase()}`, intervalSeconds: int(1, 20), ...(random() < 0.5 ? { timeoutSeconds: int(1, 20) } : {}), unhealthyThreshold: int(1, 20) };
      break;
    case 2:
      if (typeOf(app) === 'event') {
        const min = int(1, 600);
        app.retryPolicy = random() < 0.3 ? { strategy: 'immediate' } : { strategy: 'exponential-backoff', minBackoffSeconds: min, maxBackoffSeconds: int(min, 600), ...(random() < 0.5 ? { maxAttempts: int(5, 100) } : {}) };
      }
      break;
    case 3:
      if (app && typeOf(app) !== 'assets') app.scripts = { ...(random() < 0.7 ? { postDeploy: `npm run ${word()}` } : {}), preUndeploy: 'echo bye' };
      break;
    case 4:
    case 5:
      if (app && typeOf(app) !== 'assets') {
        const block = (app.configuration ??= {});
        const secured = random() < 0.4;
        const list = (block[secured ? 'securedConfiguration' : 'standardConfiguration'] ??= []);
        list.push({ key: `K_${word()}`, description: pick(['the value', 'Ünïcode description ✓', 'x']), ...(random() < 0.5 ? { required: random() < 0.5 } : {}), ...(!secured && random() < 0.5 ? { default: pick(['1', 'a b', 'https://e.com/x']) } : {}) });
      }
      break;
    case 6:
      (doc.inheritAs ??= {}).apiClient = { scopes: Array.from({ length: int(1, 3) }, () => pick(['manage_orders', 'view_products', 'manage_project'])) };
      break;
    case 7:
      if (typeOf(app) === 'job') app.properties = { schedule: pick(['0 0 * * *', '*/5 * * * *', '30 2 * * 1-5', '@daily']) };
      break;
    default:
      if (apps.length) apps.push({ name: `app-${word().toLowerCase()}`, applicationType: 'assets' });
  }
}

/** The corpus and, per file, 60 mutations that break it and 60 that keep it: [file, text]. */
function variantsOfTheCorpus() {
  const random = mulberry32(20261206);
  const out = [];
  for (const file of files) {
    const original = YAML.parse(readFileSync(new URL(file, corpus), 'utf8'));
    out.push([file, readFileSync(new URL(file, corpus), 'utf8')]);
    for (let n = 0; n < 60; n++) {
      const doc = structuredClone(original);
      for (let m = 0, times = 1 + Math.floor(random() * 2); m < times; m++) mutate(doc, random);
      out.push([file, YAML.stringify(doc)]);
    }
    for (let n = 0; n < 60; n++) {
      const doc = structuredClone(original);
      for (let m = 0, times = 1 + Math.floor(random() * 4); m < times; m++) benign(doc, random);
      out.push([file, YAML.stringify(doc)]);
    }
  }
  return out;
}

test('every connect.yaml the validator accepts is valid against the schema (corpus and mutations)', () => {
  assert.equal(files.length, 37, `the corpus is not at ${corpus.pathname}: clone ../shared beside the project`);
  const tally = { files: 0, accepted: 0, refused: 0, refusedBySchemaToo: 0 };
  const wronglyFlagged = [];
  for (const [file, text] of variantsOfTheCorpus()) {
    {
      tally.files++;
      const ours = validateConnectYaml(text);
      const valid = validate(YAML.parse(text));
      if (ours.valid) {
        tally.accepted++;
        if (!valid) wronglyFlagged.push(`${file}: ${JSON.stringify(validate.errors.slice(0, 2))}\n${text}`);
      } else {
        tally.refused++;
        if (!valid) tally.refusedBySchemaToo++;
      }
    }
  }
  const share = ((100 * tally.refusedBySchemaToo) / tally.refused).toFixed(1);
  console.log(`schema: ${tally.files} files (37 corpus, mutations that break and that keep them), ${tally.accepted} accepted by the validator, all valid against the schema: ${wronglyFlagged.length === 0}; of ${tally.refused} refused, the schema catches ${tally.refusedBySchemaToo} (${share} %)`);
  assert.deepEqual(wronglyFlagged.slice(0, 2), []);
  assert.ok(tally.accepted >= 1000 && tally.refused >= 1000, `both verdicts reached: ${JSON.stringify(tally)}`);
  assert.ok(tally.refusedBySchemaToo >= tally.refused / 2, 'the schema catches most invalid files');
});

// The editors' engine: yaml-language-server validates and completes with
// vscode-json-languageservice (the YAML read into its JSON document model); this runs the
// same service on the same documents as JSON.
test('in the editors\' schema engine: no squiggle on a file the validator accepts; completion and hover text', async () => {
  const service = getLanguageService({});
  service.configure({ validate: true, schemas: [{ uri: schema.$id, fileMatch: ['*.json'], schema }] });
  const diagnose = async (value) => {
    const doc = TextDocument.create('file:///connect.json', 'json', 1, JSON.stringify(value, null, 2));
    return service.doValidation(doc, service.parseJSONDocument(doc), { schemaValidation: 'error' });
  };
  let accepted = 0;
  let refusedAndFlagged = 0;
  let refused = 0;
  const flagged = [];
  for (const [file, text] of variantsOfTheCorpus()) {
    const ours = validateConnectYaml(text).valid;
    const diagnostics = await diagnose(YAML.parse(text));
    if (ours) {
      accepted++;
      if (diagnostics.length) flagged.push(`${file}: ${diagnostics.map((d) => d.message).join('; ')}`);
    } else {
      refused++;
      if (diagnostics.length) refusedAndFlagged++;
    }
  }
  console.log(`editor engine: ${accepted} accepted files, squiggles on ${flagged.length}; of ${refused} refused, ${refusedAndFlagged} flagged`);
  assert.deepEqual(flagged.slice(0, 2), []);
  assert.ok(accepted >= 1000);
  // A misspelt field is flagged; completion offers the application types; hover has text.
  const typo = await diagnose({ deployAs: [{ name: 'svc', applicationType: 'service', endpoints: '/x' }] });
  assert.ok(typo.some((d) => /endpoints/.test(d.message)), JSON.stringify(typo));
  const text = '{"deployAs": [{"name": "svc", "applicationType": ""}]}';
  const doc = TextDocument.create('file:///c.json', 'json', 1, text);
  const completion = await service.doComplete(doc, { line: 0, character: text.indexOf('""') + 1 }, service.parseJSONDocument(doc));
  assert.deepEqual(completion.items.map((i) => i.label).sort(), [...schema.properties.deployAs.items.properties.applicationType.enum].map((t) => `"${t}"`).sort());
  const hover = await service.doHover(doc, { line: 0, character: text.indexOf('applicationType') + 2 }, service.parseJSONDocument(doc));
  assert.match(JSON.stringify(hover?.contents), /service, event, job/);
});
