export { CREDENTIAL_ALGORITHM, type CredentialKeyStore, type SigningKey } from './credential-key-store';
export { sealedKeyStore } from './sealed-key-store';
export { joseCredentialSigner } from './jose-credential-signer';
export { verifyCredential, type VerificationOutcome } from './verify-credential';
export { keyVaultKeyStore, KeyVaultError } from './key-vault-key-store';
export { credentialKeyStore } from './configured-key-store';
