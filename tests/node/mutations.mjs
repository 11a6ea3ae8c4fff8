// Value mutations of a parsed connect.yaml (a deletion, a typo in a key, another value, another
// application type, a duplicate, a field of another type): the differential test against the
// official validator and the schema test draw from them.

const SCALARS = [8080, true, false, null, '', '   ', 'a', 'ok-value', '/a b', '/a//b', '/nested/path', '0 0 * * MON', 'hello * * * * * world',
  '@every 1h30m', '*/5 * * * *', 'PORT', 'k_service', 'MY-KEY', 'merchant-center-custom-view', 'mc-app', 'assets', 'event', 'job', 'unknown', 0, 21, 600, 5, [], {}];
const EXTRA_FIELDS = [
  ['endpoint', '/x'], ['properties', { schedule: '@daily' }], ['retryPolicy', { strategy: 'immediate' }],
  ['retryPolicy', { strategy: 'exponential-backoff', minBackoffSeconds: 9, maxBackoffSeconds: 3 }], ['healthCheck', { path: '/h', timeoutSeconds: 30 }],
  ['configuration', { securedConfiguration: [{ key: 'SEC', description: 'd', default: 'x' }] }], ['scripts', { preDeploy: 'x' }],
  ['configuration', { standardConfiguration: [{ key: 'CLOUD_IDENTIFIER', description: 'd', default: 'gcp-eu' }, { key: 'CUSTOM_VIEW_ID', description: 'd', required: true }] }],
  ['appPath', '/x'], ['endpoints', '/x'],
];

/** Every [parent, key] in a JSON value. */
function slots(value, out = []) {
  if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      out.push([value, key]);
      slots(value[key], out);
    }
  }
  return out;
}

/** One seeded change to a parsed connect.yaml, of the kinds people make. */
export function mutate(doc, random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const all = slots(doc);
  const apps = Array.isArray(doc.deployAs) ? doc.deployAs.filter((a) => a && typeof a === 'object') : [];
  switch (Math.floor(random() * 6)) {
    case 0: { // delete something
      if (!all.length) break;
      const [parent, key] = pick(all);
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
      break;
    }
    case 1: { // rename a key, as a typo would
      const members = all.filter(([p]) => !Array.isArray(p));
      if (!members.length) break;
      const [parent, key] = pick(members);
      const typo = pick([`${key}s`, key.toLowerCase(), key.slice(0, -1), `${key[1] ?? ''}${key[0]}${key.slice(2)}`]);
      if (typo && !(typo in parent)) {
        parent[typo] = parent[key];
        delete parent[key];
      }
      break;
    }
    case 2: { // another value
      if (!all.length) break;
      const [parent, key] = pick(all);
      parent[key] = structuredClone(pick(SCALARS));
      break;
    }
    case 3: // another application type
      if (apps.length) pick(apps).applicationType = pick(['service', 'event', 'job', 'assets', 'merchant-center-custom-application', 'merchant-center-custom-view', 'mc-app']);
      break;
    case 4: // a duplicate application, or a duplicate configuration entry
      if (apps.length && random() < 0.5) doc.deployAs.push(structuredClone(pick(apps)));
      else {
        const lists = all.filter(([p, k]) => /Configuration$/.test(k) && Array.isArray(p[k]) && p[k].length);
        if (lists.length) {
          const [p, k] = pick(lists);
          p[k].push(structuredClone(p[k][0]));
        }
      }
      break;
    default: { // a field some other type has
      if (apps.length) {
        const [field, value] = pick(EXTRA_FIELDS);
        pick(apps)[field] = structuredClone(value);
      }
    }
  }
}

