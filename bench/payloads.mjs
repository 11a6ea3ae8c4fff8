// Payloads shared by the benchmarks: a small valid DeploymentDraft, an invalid one, and a
// large one (20 applications × 70 keys), plus its invalid twin (every value a number).
function app(i, keys, value) {
  const standard = [];
  const secured = [];
  for (let k = 0; k < keys; k++) {
    (k % 5 === 0 ? secured : standard).push({ key: `APP_${i}_KEY_${k}`, value: value(k) });
  }
  return { applicationName: `application-${i}`, standardConfiguration: standard, securedConfiguration: secured };
}

export const payloads = {
  'small valid': {
    key: 'my-deployment',
    connector: { key: 'my-connector', version: 1 },
    region: 'europe-west1.gcp',
    configurations: [app(0, 4, (k) => `value-${k}`)],
  },
  'small invalid': {
    key: 'my deployment',
    connector: { version: '1' },
    regoin: 'europe-west1.gcp',
    configurations: [{ applicationName: 'a', standardConfiguration: [{ key: 'K', value: 1 }] }],
  },
  'large valid (20×70)': {
    key: 'large-deployment',
    connector: { key: 'my-connector' },
    region: 'us-east-2.aws',
    configurations: Array.from({ length: 20 }, (_, i) => app(i, 70, (k) => `https://example.com/value/${k}`)),
  },
  'large invalid (20×70)': {
    key: 'large-deployment',
    connector: { key: 'my-connector' },
    region: 'us-east-2.aws',
    configurations: Array.from({ length: 20 }, (_, i) => app(i, 70, (k) => k)),
  },
};

// ConnectorStagedDraft: the API's example, every field, and an invalid one.
export const connectorPayloads = {
  'connector valid': {
    key: 'my-connector', name: 'My connector', description: 'Payments for the shop', integrationTypes: ['psp', 'other'],
    creator: { name: 'Jane Doe', title: 'CTO', email: 'jane@example.com', company: 'Example', logoUrl: 'https://example.com/logo.png', noOfContributors: 3, supportUrl: 'https://example.com/support' },
    repository: { url: 'git@github.com:example/my-connector.git', tag: 'v1.2.0' },
    supportedRegions: ['europe-west1.gcp', 'us-east-2.aws'], privateProjects: ['europe-west1.gcp:shop-prod'], documentationUrl: 'https://example.com/docs',
  },
  'connector invalid': {
    key: 'my connector', name: '', integrationTypes: ['payments'],
    creator: { email: 'jane' }, repository: { url: 'git@github.com:example/my-connector.git', tag: '-v1' },
    supportedRegions: ['eu'], privateProjects: ['shop-prod'], documentationUrl: 'docs',
  },
};
