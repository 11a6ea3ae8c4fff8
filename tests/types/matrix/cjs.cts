// A CommonJS consumer (node16/nodenext: the package's `require` types, index.d.cts).
import preflight = require('connect-preflight');

void preflight.init();
const report: preflight.Report = preflight.validateDeploymentDraft('{}');
const valid: boolean = report.valid;
// The require entry has no default export.
// @ts-expect-error
void preflight.default;
export = valid;
