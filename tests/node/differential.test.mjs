// Differential test against the official connect.yaml validator
// (@commercetools-connect/specification: yaml@2 + its zod schema): on every corpus file and
// on seeded mutations of them, our verdict (valid or not) equals the official one, except
// for the deliberate differences of docs/decisions.md, which are recognised and counted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import YAML from 'yaml';
import { validateConnectYaml } from 'connect-preflight';
import { mulberry32 } from './seeded.mjs';
import { mutate } from './mutations.mjs';
import { deliberate, officialVerdict } from './official.mjs';

const corpus = new URL('../../../shared/corpus/connect-yaml/', import.meta.url);
async function officialValid(text) {
  return (await officialVerdict(text)).valid;
}

const files = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.yaml')).sort() : [];

// A missing corpus fails (a green run must have compared it), it is not skipped.
test('the corpus: our verdicts equal the official validator\'s', async () => {
  assert.equal(files.length, 37, `the corpus is not at ${corpus.pathname}: clone ../shared beside the project`);
  for (const file of files) {
    const text = readFileSync(new URL(file, corpus), 'utf8');
    const ours = validateConnectYaml(text);
    assert.equal(ours.valid, await officialValid(text), `${file}: ${JSON.stringify(ours.errors.map((e) => e.code))}`);
  }
});

test('mutations of the corpus: verdicts agree except the documented differences', async () => {
  assert.equal(files.length, 37, 'the corpus is missing');
  const random = mulberry32(20261122);
  const tally = { compared: 0, agree: 0, deliberate: {}, invalid: 0 };
  const disagreements = [];
  for (const file of files) {
    const original = YAML.parse(readFileSync(new URL(file, corpus), 'utf8'));
    for (let n = 0; n < 25; n++) {
      const doc = structuredClone(original);
      const times = 1 + Math.floor(random() * 2);
      for (let m = 0; m < times; m++) mutate(doc, random);
      const text = YAML.stringify(doc);
      const ours = validateConnectYaml(text);
      const theirs = await officialValid(text);
      tally.compared++;
      if (!ours.valid) tally.invalid++;
      if (ours.valid === theirs) {
        tally.agree++;
        continue;
      }
      const why = !theirs ? null : deliberate(ours);
      if (why) tally.deliberate[why] = (tally.deliberate[why] ?? 0) + 1;
      else disagreements.push(`${file} #${n}: ours ${ours.valid ? 'valid' : JSON.stringify(ours.errors.map((e) => `${e.code} ${e.path}`))}, official ${theirs ? 'valid' : 'invalid'}\n${text}`);
    }
  }
  console.log(`differential: ${JSON.stringify(tally)}`);
  assert.ok(tally.invalid > tally.compared / 4, 'the mutations should make many files invalid');
  assert.deepEqual(disagreements.slice(0, 3), []);
});
