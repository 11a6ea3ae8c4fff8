// The app every bundler test builds: the README's use of the package, with top-level await.
// It writes what happened into <body data-result>, which the test reads in Chromium.
import init, { validateDeploymentDraft, connectYamlSchema, version } from 'connect-preflight';

const result = {};
try {
  validateDeploymentDraft('{}');
  result.beforeInit = 'no throw';
} catch (e) {
  result.beforeInit = e.message;
}
try {
  await init();
  await init(); // a second call does nothing
  const report = validateDeploymentDraft('{"connector": {"key": "c1"}, "region": "eu", "configurations": []}');
  result.valid = report.valid;
  result.codes = report.errors.map((e) => `${e.code} ${e.path} ${e.line}:${e.column}`);
  result.schema = connectYamlSchema().$schema;
  result.version = version();
} catch (e) {
  result.error = String(e);
}
document.body.dataset.result = JSON.stringify(result);
