// The official connect.yaml verdict (@commercetools-connect/specification: yaml@2 + its zod
// schema) and the deliberate differences of docs/decisions.md, in one place for the
// differential tests (differential.test.mjs, differential-text.test.mjs) and the attack
// (bench/yaml-attack.mjs).
import YAML from 'yaml';
import { ConnectorSpecificationParser } from '@commercetools-connect/specification';

const official = new ConnectorSpecificationParser();
/** The official job schedule regex, unanchored as it is there. */
export const OFFICIAL_CRON = /(@(annually|yearly|monthly|weekly|daily|hourly|reboot))|(@every (\d+(ns|us|µs|ms|s|m|h))+)|((((\d+,)+\d+|((\d+|\*)(\/|-)\d+)|\d+|\*) ?){5,7})/;
const ENDPOINT_CHARS = /^[a-zA-Z0-9_\-/]*$/;
/** How often the endpoint regex was not run (see officialKnownInvalid). */
export const shortcuts = { count: 0 };

/**
 * The official regex for endpoints, `^(?!$)([a-zA-Z0-9_\-/]{0,256})+$`, backtracks
 * exponentially on a string of allowed characters followed by one it does not allow (27 of them
 * take ~10 s). Such a string can never match, and an application holding one is invalid
 * whatever its type (the regex fails, or `endpoint`/`healthCheck` is not a field of the type, or
 * the type is not one the union knows), so for those the official verdict is "invalid" without
 * running the regex. Everything else goes through the official parser.
 */
function officialKnownInvalid(text) {
  let doc;
  try {
    doc = YAML.parse(text, { logLevel: 'silent' });
  } catch {
    return false;
  }
  const apps = doc && Array.isArray(doc.deployAs) ? doc.deployAs : [];
  for (const app of apps) {
    if (!app || typeof app !== 'object') continue;
    for (const s of [app.endpoint, app.healthCheck?.path]) if (typeof s === 'string' && s.length > 16 && !ENDPOINT_CHARS.test(s)) return true;
  }
  return false;
}

/** `{ valid, message }`: the official verdict and the first line of its error. */
export async function officialVerdict(text) {
  if (officialKnownInvalid(text)) {
    shortcuts.count++;
    return { valid: false, message: 'endpoint fails the official regex (not run: it backtracks exponentially)' };
  }
  try {
    await official.parse(text);
    return { valid: true, message: '' };
  } catch (e) {
    return { valid: false, message: String(e?.message ?? e).split('\n')[0] };
  }
}

/** Why our verdict may differ from the official one (docs/decisions.md), or null. */
export function deliberate(report) {
  const errors = report.errors;
  if (errors.length === 0) return null;
  if (errors.every((e) => e.code === 'InvalidSchedule' && OFFICIAL_CRON.test(e.invalidValue))) return 'schedule anchored';
  if (errors.every((e) => e.code === 'InvalidField' && e.field === 'applicationType' && e.invalidValue === 'unknown')) return "applicationType 'unknown'";
  return null;
}

/** Why we accept what the official validator refuses, deliberately (docs/decisions.md), or
 * null: document-end markers repeated (`...` then `...`) are one document by the YAML 1.2
 * grammar (`l-document-suffix+`); yaml@2 counts a second, empty document. */
export function deliberateValid(text, officialMessage) {
  if (/^\.\.\.[ \t]*\r?\n(\.\.\.[ \t]*(\r?\n|$))+/m.test(text) && /multiple documents/.test(officialMessage ?? '')) return 'document end repeated';
  return null;
}
