// An ES module consumer (node16/nodenext: the package's `import` types, index.d.mts).
import init, { initSync, validateDeploymentDraft, connectYamlSchema, type Report } from 'connect-preflight';

await init();
initSync();
const report: Report = validateDeploymentDraft('{}');
const valid: boolean = report.valid;
const schema: Record<string, unknown> = connectYamlSchema();
export { valid, schema };
