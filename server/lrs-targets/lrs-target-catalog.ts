import { lrsSecretContext, type Logger, type SecretBox, type Store, type StoredLrsTarget } from '../../core';
import type { LrsTarget } from '../../lms-connector/targets';
import { errorFields } from '../logger';

/** A target an admin configured, ready to use (credentials opened) or with the reason it cannot be. */
export type CatalogTarget = { tenantId: string; stored: StoredLrsTarget } & (
  { target: LrsTarget; problem: null } | { target: null; problem: string }
);

/**
 * The LRS targets admins configured, read from the database for every tenant and kept in memory, so the outbox
 * writer (inside each event's transaction) and the dispatcher need no query. Refreshed every `refreshMs`, and
 * at once by this instance after an admin's change; other instances see a change within `refreshMs`.
 */
export class LrsTargetCatalog {
  private entries: CatalogTarget[] = [];
  private fingerprint = '';
  private readonly listeners: (() => void)[] = [];
  private timer: NodeJS.Timeout | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: {
      store: Store;
      secrets: SecretBox | null;
      /** Names configured by environment: a stored target of the same name is not used. */
      environmentNames: readonly string[];
      refreshMs: number;
      logger: Logger;
    },
  ) {}

  /** Usable targets of one tenant. */
  targetsFor(tenantId: string): LrsTarget[] {
    return this.entries.flatMap((entry) =>
      entry.tenantId === tenantId && entry.target ? [entry.target] : [],
    );
  }

  /** Every tenant's targets with their state, for the dispatcher and the admin view. */
  all(): readonly CatalogTarget[] {
    return this.entries;
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /**
   * Reads the targets again, after any read already under way (which may have started before the caller's
   * change was committed, so it cannot stand in for a new one).
   */
  refresh(): Promise<void> {
    const next = this.queue.then(() => this.load());
    this.queue = next.catch(() => undefined);
    return next;
  }

  start(): void {
    this.timer ??= setInterval(() => {
      this.refresh().catch((error: unknown) =>
        this.options.logger.warn('Could not read the configured LRS targets', errorFields(error)),
      );
    }, this.options.refreshMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async load(): Promise<void> {
    const stored = await this.options.store.lrsTargets.listAll();
    const entries = stored.map((row) => this.open(row));
    const fingerprint = JSON.stringify(entries.map(({ stored: row, problem }) => [row, problem]));
    if (fingerprint === this.fingerprint) return;
    this.entries = entries;
    this.fingerprint = fingerprint;
    for (const { tenantId, stored: row, problem } of entries)
      if (problem)
        this.options.logger.warn('Configured LRS target not used', { tenantId, target: row.name, problem });
    for (const listener of this.listeners) listener();
  }

  private open(stored: StoredLrsTarget): CatalogTarget {
    const { tenantId, name } = stored;
    const unusable = (problem: string): CatalogTarget => ({ tenantId, stored, target: null, problem });
    if (this.options.environmentNames.includes(name))
      return unusable(`a target named "${name}" is configured by environment, which takes precedence`);
    if (!this.options.secrets)
      return unusable('PRACTICA_SECRET_KEY is not configured, so its credentials cannot be opened');
    let secret: string;
    try {
      secret = this.options.secrets.open(stored.sealedSecret, lrsSecretContext(tenantId, name));
    } catch {
      return unusable(
        'its credentials cannot be opened with this PRACTICA_SECRET_KEY (was the key changed?)',
      );
    }
    const auth: LrsTarget['auth'] =
      stored.auth.kind === 'basic'
        ? { kind: 'basic', username: stored.auth.username, password: secret }
        : {
            kind: 'oauth2',
            tokenUrl: stored.auth.tokenUrl,
            clientId: stored.auth.clientId,
            clientSecret: secret,
            ...(stored.auth.scope ? { scope: stored.auth.scope } : {}),
          };
    const target: LrsTarget = {
      name,
      endpoint: stored.endpoint,
      auth,
      actor: stored.actor,
      ...(stored.sendFailed ? { sendFailed: true } : {}),
    };
    return { tenantId, stored, target, problem: null };
  }
}
