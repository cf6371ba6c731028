/** The tenant's signing key, wherever it lives (sealed in the database, or a key vault): signs a VC-JWT. */
export interface CredentialSigner {
  /** The credential JSON signed as a VC-JWT (compact JWS) with the tenant's key. */
  sign(tenantId: string, credential: Record<string, unknown>): Promise<string>;
}
