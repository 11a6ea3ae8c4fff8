// A consumer under moduleResolution node10 (the top-level `types`, index.d.ts).
import { init, validateKey, errorCatalog, type Report } from 'connect-preflight';

void init();
const report: Report = validateKey('ab');
export const codes: string[] = errorCatalog().map((entry) => entry.code);
export const valid: boolean = report.valid;
