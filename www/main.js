// The page: loads the web build, then the three views (build a deployment, connector update,
// check anything). One status line (aria-live) says what the visible view found.
import init, { version } from 'connect-preflight';
import { builder } from './builder.js';
import { staged } from './staged.js';
import { check } from './check.js';

const EXAMPLES = [
  { name: 'Payment integration template', file: 'payment-integration-template.connect.yaml' },
  { name: 'Application kit (global configuration, job, event)', file: 'application-kit-javascript.connect.yaml' },
  { name: 'Eagle Eye (service, event, job)', file: 'eagle-eye.connect.yaml' },
  { name: 'fulfillmenttools (global configuration only)', file: 'fulfillmenttools.connect.yaml' },
];

const status = document.getElementById('status');
let active = 'build';
const views = {};
/** Sets the status line for `view` (only the visible view's status is shown). */
const statusFor = (view) => (text, kind) => {
  if (view !== active) return;
  status.className = `status ${kind}`;
  if (status.textContent !== text) status.textContent = text;
};

await init(new URL('connect_preflight_bg.wasm', import.meta.url));
document.getElementById('version').textContent = version();
views.build = builder({ setStatus: statusFor('build'), examples: EXAMPLES });
views.staged = staged({ setStatus: statusFor('staged') });
views.check = check({ setStatus: statusFor('check') });

// Tabs: arrow keys move between them, Tab goes into the panel (WAI-ARIA tabs pattern).
const tabs = [...document.querySelectorAll('[role="tab"]')];
function select(tab, focus) {
  for (const t of tabs) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    document.getElementById(t.getAttribute('aria-controls')).hidden = !on;
  }
  active = tab.id.replace('tab-', '');
  if (focus) tab.focus();
  views[active].update();
}
for (const tab of tabs) {
  tab.addEventListener('click', () => select(tab, false));
  tab.addEventListener('keydown', (e) => {
    const i = tabs.indexOf(tab);
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    select(tabs[(to + tabs.length) % tabs.length], true);
  });
}
await views.build.restore();
