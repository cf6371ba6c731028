/** The parts of an LRS target's authentication that are not secret (the password or client secret is sealed). */
export type StoredLrsAuth =
  | { kind: 'basic'; username: string }
  | { kind: 'oauth2'; tokenUrl: string; clientId: string; scope?: string };

export type StoredLrsActor = { kind: 'account'; homePage: string } | { kind: 'mbox' };

/**
 * An LRS target an L&D admin configured through the admin API, as stored: the Basic password or OAuth client
 * secret only as `sealedSecret` (encrypted by the SecretBox; never returned by any API).
 */
export type StoredLrsTarget = {
  tenantId: string;
  name: string;
  endpoint: string;
  auth: StoredLrsAuth;
  sealedSecret: string;
  actor: StoredLrsActor;
  sendFailed: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export interface LrsTargetRepository {
  list(tenantId: string): Promise<StoredLrsTarget[]>;
  /** System-wide: every tenant's targets (the dispatcher and the outbox writer serve every tenant). */
  listAll(): Promise<StoredLrsTarget[]>;
  get(tenantId: string, name: string): Promise<StoredLrsTarget | null>;
  /** Inserts, or replaces the target of that tenant and name. */
  save(target: StoredLrsTarget): Promise<void>;
  /** False when there was no such target. */
  delete(tenantId: string, name: string): Promise<boolean>;
}

/**
 * Seals secrets for storage (AES-256-GCM in the server) and opens them again. `context` binds a sealed value to
 * where it is stored, so a value copied to another tenant's row does not open.
 */
export interface SecretBox {
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): string;
}

export const lrsSecretContext = (tenantId: string, name: string) => `lrs-target:${tenantId}:${name}`;
