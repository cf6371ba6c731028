import { environmentSchema } from './config';
import { credentialKeyVaultSchema } from './credential-key-vault-config';
import { directorySchema } from './directory-config';
import { lrsSettingsSchema } from './lrs-targets';

/** Every fixed-name environment variable the service reads (deployment files are checked against it). */
export const CONFIG_VARIABLES: readonly string[] = [
  ...Object.keys(environmentSchema.shape),
  ...Object.keys(directorySchema.shape),
  ...Object.keys(lrsSettingsSchema.shape),
  ...Object.keys(credentialKeyVaultSchema.shape),
  'LRS_TARGETS',
  'PRACTICA_SECRET_KEY',
];

/** Per-target LRS settings, `LRS_{NAME}_{SETTING}` for each name listed in LRS_TARGETS. */
const LRS_TARGET_VARIABLE =
  /^LRS_[A-Z][A-Z0-9_]*_(ENDPOINT|AUTH|USERNAME|PASSWORD|TOKEN_URL|CLIENT_ID|CLIENT_SECRET|SCOPE|ACTOR|ACTOR_HOME_PAGE|SEND_FAILED)$/;

export function isConfigVariable(name: string): boolean {
  return CONFIG_VARIABLES.includes(name) || LRS_TARGET_VARIABLE.test(name);
}
