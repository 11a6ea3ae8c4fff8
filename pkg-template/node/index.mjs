// Node entry (import): the same module instance as the require entry.
import api from './index.cjs';

export const {
  init,
  initSync,
  version,
  validateKey,
  validateProjectIdentifier,
  validateDeploymentDraft,
  validateDeploymentUpdate,
  buildDeploymentDraft,
  canRedeploy,
  validateConnectorStagedDraft,
  validateConnectorUpdate,
  buildConnectorUpdateActions,
  applyConnectorUpdate,
  checkTransition,
  allowedTransitions,
  validateConnectYaml,
  parseConnectYaml,
  errorCatalog,
  toErrorResponse,
} = api;
export default init;
