// The page's other views in Chromium: the connector update (the update actions between a
// current ConnectorStaged and an edited draft, checked against the current state) and
// "check anything" (the kind detected from the content, issues with positions and markers).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { useBrowser } from './browser.mjs';
import { openPage, paste, status, SHOTS } from './pagekit.mjs';

const require = createRequire(import.meta.url);
const api = require('../../pkg/node/index.cjs');
const env = useBrowser();
const example = (path) => readFileSync(new URL(`../../examples/${path}`, import.meta.url), 'utf8');

test('connector update: the actions between the current ConnectorStaged and the edited draft', async () => {
  const { page, problems, close } = await openPage(env, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.getByRole('tab', { name: 'Connector update' }).click();
  await status(page).filter({ hasText: 'Give the current ConnectorStaged' }).waitFor();
  await page.getByRole('button', { name: 'Load an example' }).click();
  await status(page).filter({ hasText: '2 update actions · update: valid' }).waitFor();
  await page.getByRole('button', { name: 'Copy update JSON' }).click();
  const body = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  const current = JSON.parse(readFileSync(new URL('../../www/examples/connector-staged.json', import.meta.url), 'utf8'));
  assert.equal(body.version, current.version);
  assert.deepEqual(body.actions.map((a) => a.action).sort(), ['setName', 'setRepository']);
  // Applied in Node to the current resource, the body gives the edited one.
  const applied = api.applyConnectorUpdate(current, body);
  assert.deepEqual(applied.report.errors, []);
  assert.equal(applied.connectorStaged.name, `${current.name} (v1.1)`);
  assert.equal(applied.connectorStaged.repository.tag, 'v1.1.0');
  assert.equal(applied.connectorStaged.version, current.version + 1);

  // An edit the draft rules refuse: its issues in the edited box, with markers.
  const edited = { ...current, repository: { url: 'not a url', tag: 'v1.1.0' } };
  await paste(page, 'Edited ConnectorStagedDraft', JSON.stringify(edited, null, 2));
  await page.locator('#staged-edited-issues li.error').first().waitFor();
  const issues = await page.locator('#staged-edited-issues li.error').allTextContents();
  assert.ok(issues.some((t) => t.includes('/repository/url') || /\d+:\d+/.test(t)), issues.join('\n'));
  assert.ok((await page.locator('#staged-edited .cm-lint-marker-error').count()) >= 1);
  assert.match(await status(page).textContent(), /edited draft: \d+ errors?/);
  // A state the update may not be applied to: publishing a ConnectorStaged in certification.
  await paste(page, 'Current ConnectorStaged', JSON.stringify({ ...current, status: 'InCertification' }, null, 2));
  await paste(page, 'Edited ConnectorStagedDraft', JSON.stringify({ ...current, name: 'Renamed' }, null, 2));
  await status(page).filter({ hasText: /1 update action · update: (valid|invalid)/ }).waitFor();
  await page.screenshot({ path: `${SHOTS}/connector-update.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await close();
});

test('check anything: the kind is detected, issues have positions and markers', async () => {
  const { page, problems, close } = await openPage(env);
  await page.getByRole('tab', { name: 'Check anything' }).click();
  const cases = [
    { text: example('tray/invalid/connector.json'), kind: 'Tray CDK connector.json', valid: false },
    { text: example('tray/deployment-response.repeat.json'), kind: 'Tray deployment response', valid: true },
    { text: example('tracker/deployment.invalid.json'), kind: 'Tracker deployment record', valid: false },
    { text: 'skip=0&take=500', kind: 'Tracker list query', valid: false },
    { text: example('deployment-draft.invalid.json'), kind: 'DeploymentDraft', valid: false },
    { text: example('connect-yaml/invalid/connect.yaml'), kind: 'connect.yaml', valid: false },
    { text: example('connector-staged-draft.json'), kind: 'ConnectorStagedDraft', valid: true },
  ];
  for (const { text, kind, valid } of cases) {
    await paste(page, 'Payload', text);
    await page.locator('#check-detected').filter({ hasText: `Detected: ${kind}` }).waitFor();
    await status(page).filter({ hasText: `${kind}: ${valid ? 'valid' : 'invalid'}` }).waitFor();
    if (valid) continue;
    const first = page.locator('#check-issues li.error').first();
    const where = await first.locator('.where').textContent();
    if (kind !== 'Tracker list query') {
      assert.match(where, /^\d+:\d+$/, `${kind}: ${where}`);
      assert.ok((await page.locator('#check-editor .cm-lint-marker-error').count()) >= 1, kind);
      // Activating an issue puts the caret in the editor.
      await first.locator('button').click();
      assert.ok(await page.evaluate(() => !!document.activeElement.closest('#check-editor')), kind);
    }
  }
  // The query's canonical form is shown; a kind can be chosen instead of detected.
  await paste(page, 'Payload', 'take=5&skip=10');
  await page.locator('#check-output').filter({ hasText: 'skip=10&take=5' }).waitFor();
  await paste(page, 'Payload', example('tracker/deployment.valid.json'));
  await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'DeploymentDraft' });
  await status(page).filter({ hasText: 'DeploymentDraft: invalid' }).waitFor();
  await page.screenshot({ path: `${SHOTS}/check-anything.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await close();
});
