// Node entry (import): the same module instance as the require entry.
import api from './index.cjs';

export const {
  init,
  initSync,
  connectYamlSchema,
  /* EXPORTS: written by scripts/build-pkg.sh, every function the bindings export */
} = api;
export default init;
