export { ConfigError, describeDatabase, loadConfig, type Config } from './config';
export type { LrsConnectorConfig } from './lrs-targets';
export type { DirectoryConfig } from './directory-config';
export { parseCredentialKeyVaultConfig, type CredentialKeyVaultConfig } from './credential-key-vault-config';
