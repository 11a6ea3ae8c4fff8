// Speed side by side, in one run (issue 16): every payload of bench/, both builds of ours (the
// Node build, and the browser build run here in Node), every peer (bench/peers.mjs), from a
// parsed object and from JSON text (the peers then JSON.parse first), with JSON.parse alone as
// the floor. Prints µs per call (the median of interleaved rounds), then the ratios and each
// payload's target with whether this run meets it. Run with `make bench` (ROUNDS=n for more).
import { readFileSync } from 'node:fs';
import * as node from 'connect-preflight';
import * as web from '../pkg/web/index.js';
import * as peers from './peers.mjs';
import { payloads, connectorPayloads } from './payloads.mjs';
import { timeInterleaved } from './util.mjs';

await web.init(readFileSync(new URL('../pkg/web/connect_preflight_bg.wasm', import.meta.url)));
const example = (path) => JSON.parse(readFileSync(new URL(`../examples/${path}`, import.meta.url), 'utf8'));
const { repeatDeployment, ...deploymentResponse } = example('tray/deployment-response.repeat.json');

// Each case: its payload, our check (by build), its peers, and which target applies:
// 'clean' (text ≤ 0.8× JSON.parse, object ≤ 3× ajv), 'large' (object ≤ 3× ajv),
// 'invalid' (object ≤ valibot; text ≤ JSON.parse + valibot's object time).
const cases = [
  ...Object.entries(payloads).map(([name, payload]) => ({
    name: `DeploymentDraft, ${name}`, payload, check: (b) => b.validateDeploymentDraft, peers: peers.deploymentDraft,
    target: name.includes('invalid') ? 'invalid' : name.includes('large') ? 'large' : 'clean',
  })),
  ...Object.entries(connectorPayloads).map(([name, payload]) => ({
    name: `ConnectorStagedDraft, ${name.replace('connector ', '')}`, payload, check: (b) => b.validateConnectorStagedDraft, peers: peers.connectorStagedDraft,
    target: name.includes('invalid') ? 'invalid' : 'clean',
  })),
  { name: 'Tray connector.json', payload: example('tray/valid/connector.json'), check: (b) => b.validateTrayConnector, peers: peers.trayConnector, target: 'clean' },
  { name: 'Tray connector.json, invalid', payload: example('tray/invalid/connector.json'), check: (b) => b.validateTrayConnector, peers: peers.trayConnector, target: 'invalid' },
  { name: 'Tray deploy request (2 KB zip)', payload: example('tray/deploy-request.json'), check: (b) => b.validateTrayDeployRequest, peers: peers.trayDeployRequest, target: 'clean' },
  { name: 'Tray deployment response', payload: deploymentResponse, check: (b) => b.validateTrayDeploymentResponse, peers: peers.trayDeploymentResponse, target: 'clean' },
  { name: 'tracker deployment', payload: example('tracker/deployment.valid.json'), check: (b) => b.validateTrackerDeployment, peers: peers.trackerDeployment, target: 'clean' },
  { name: 'tracker deployment, invalid', payload: example('tracker/deployment.invalid.json'), check: (b) => b.validateTrackerDeployment, peers: peers.trackerDeployment, target: 'invalid' },
  { name: 'tracker status update', payload: example('tracker/status-update.json'), check: (b) => b.validateTrackerStatusUpdate, peers: peers.trackerStatusUpdate, target: 'clean' },
];

const rounds = Number(process.env.ROUNDS ?? 7);
const rows = [];
const ratios = [];
const fixed = (n) => (n === undefined ? '–' : n < 10 ? n.toFixed(2) : n.toFixed(1));
for (const c of cases) {
  const text = JSON.stringify(c.payload);
  const ours = { node: c.check(node), web: c.check(web) };
  // The peers must give our verdict, or the comparison is meaningless.
  const verdict = ours.node(c.payload).valid;
  for (const [peer, check] of Object.entries(c.peers)) {
    if (check(c.payload) !== verdict) throw new Error(`${c.name}: ${peer} says ${!verdict}`);
  }
  if (ours.web(text).valid !== verdict || ours.node(text).valid !== verdict) throw new Error(`${c.name}: the builds disagree`);
  const fns = { parse: () => JSON.parse(text) };
  for (const build of ['node', 'web']) {
    fns[`${build} object`] = () => ours[build](c.payload);
    fns[`${build} text`] = () => ours[build](text);
  }
  for (const [peer, check] of Object.entries(c.peers)) {
    fns[peer] = () => check(c.payload);
    fns[`${peer} text`] = () => check(JSON.parse(text));
  }
  const t = timeInterleaved(fns, rounds);
  rows.push({
    payload: c.name, bytes: text.length, 'JSON.parse': fixed(t.parse),
    'node obj': fixed(t['node object']), 'node text': fixed(t['node text']), 'web obj': fixed(t['web object']), 'web text': fixed(t['web text']),
    ajv: fixed(t.ajv), zod: fixed(t.zod), valibot: fixed(t.valibot), typebox: fixed(t.typebox),
  });
  // The target, and this run's ratio against it for each build (≤ 1 meets it).
  const against = {
    clean: { text: 0.8 * t.parse, object: 3 * t.ajv, say: 'text ≤ 0.8× parse, obj ≤ 3× ajv' },
    large: { object: 3 * t.ajv, say: 'obj ≤ 3× ajv' },
    invalid: t.valibot === undefined ? { say: 'none (issue 16 sets none)' } : { text: t.parse + t.valibot, object: t.valibot, say: 'obj ≤ valibot, text ≤ parse + valibot' },
  }[c.target];
  const row = { payload: c.name, target: against.say };
  let met = true;
  for (const build of ['node', 'web']) {
    for (const way of ['object', 'text']) {
      if (against[way] === undefined) continue;
      const r = t[`${build} ${way}`] / against[way];
      row[`${build} ${way === 'object' ? 'obj' : 'text'}`] = r.toFixed(2);
      if (build === 'node') met &&= r <= 1;
    }
  }
  row['text / parse'] = (t['node text'] / t.parse).toFixed(2);
  row['obj / ajv'] = (t['node object'] / t.ajv).toFixed(2);
  if (t.valibot !== undefined) row['obj / valibot'] = (t['node object'] / t.valibot).toFixed(2);
  row['met (node)'] = against.object === undefined && against.text === undefined ? '–' : met ? 'yes' : 'no';
  ratios.push(row);
  process.stderr.write('.');
}
process.stderr.write('\n');
console.log(`µs per call, median of ${rounds} interleaved rounds, Node ${process.version}; peers from an object (their text times add JSON.parse)`);
console.table(rows);
console.log('each build against its payload\'s target (≤ 1.00 meets it), and the plain ratios of the Node build');
console.table(ratios);
