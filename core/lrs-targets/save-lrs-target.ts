import type { Viewer } from '../access';
import { AppError } from '../errors';
import type { Clock, Ids, Store } from '../ports';
import {
  lrsSecretContext,
  type SecretBox,
  type StoredLrsActor,
  type StoredLrsAuth,
  type StoredLrsTarget,
} from './stored-lrs-target';

/** What an admin sends: the secret may be left out when editing, to keep the stored one. */
export type LrsTargetInput = {
  endpoint: string;
  auth: StoredLrsAuth & { secret?: string };
  actor: StoredLrsActor;
  sendFailed: boolean;
};

export type LrsTargetAdminContext = {
  store: Store;
  clock: Clock;
  ids: Ids;
  viewer: Viewer;
  /** Null when no PRACTICA_SECRET_KEY is configured (and not in development mode): nothing can be sealed. */
  secrets: SecretBox | null;
  /** Names of targets configured by environment: read-only here, and not to be shadowed. */
  environmentTargetNames: readonly string[];
};

function adminOf(viewer: Viewer) {
  if (!viewer.roles.includes('admin'))
    throw new AppError('forbidden', 'Only L&D admins can configure LRS targets');
  return viewer.person;
}

function refuseEnvironmentTarget(name: string, names: readonly string[]) {
  if (names.includes(name))
    throw new AppError(
      'conflict',
      `The LRS target "${name}" is configured by environment (LRS_TARGETS); change it in the deployment's settings`,
    );
}

/**
 * Creates (`mode: 'create'`) or replaces (`'update'`) one of the tenant's LRS targets, sealing its secret, and
 * audits the change (never the secret) in the same transaction.
 */
export async function saveLrsTarget(
  context: LrsTargetAdminContext & { name: string; input: LrsTargetInput; mode: 'create' | 'update' },
): Promise<StoredLrsTarget> {
  const admin = adminOf(context.viewer);
  const { name, input, store, secrets } = context;
  refuseEnvironmentTarget(name, context.environmentTargetNames);
  const { secret, ...auth } = input.auth;
  return store.transaction(async (tx) => {
    const existing = await tx.lrsTargets.get(admin.tenantId, name);
    if (context.mode === 'create' && existing)
      throw new AppError('conflict', `There is already an LRS target named "${name}"; edit it instead`);
    if (context.mode === 'update' && !existing)
      throw new AppError('not_found', `No LRS target named "${name}"`);
    const keepSecret = existing && existing.auth.kind === auth.kind && secret === undefined;
    if (!keepSecret && !secret)
      throw new AppError(
        'invalid_input',
        auth.kind === 'basic'
          ? 'auth.secret: the Basic password is required'
          : 'auth.secret: the OAuth 2.0 client secret is required',
        { details: [{ path: 'auth.secret', message: 'required' }] },
      );
    let sealedSecret = existing?.sealedSecret ?? '';
    if (secret) {
      if (!secrets)
        throw new AppError(
          'unavailable',
          'Practica cannot store LRS credentials: PRACTICA_SECRET_KEY is not configured. Ask IT to set it (see .env.example), or configure the target by environment.',
        );
      sealedSecret = secrets.seal(secret, lrsSecretContext(admin.tenantId, name));
    }
    const now = context.clock.now();
    const target: StoredLrsTarget = {
      tenantId: admin.tenantId,
      name,
      endpoint: input.endpoint.endsWith('/') ? input.endpoint : `${input.endpoint}/`,
      auth,
      sealedSecret,
      actor: input.actor,
      sendFailed: input.sendFailed,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await tx.lrsTargets.save(target);
    // A target is paused when the LRS refuses our credentials; new credentials or a new endpoint are the fix.
    const credentialsChanged =
      existing !== null &&
      (Boolean(secret) ||
        target.endpoint !== existing.endpoint ||
        JSON.stringify(target.auth) !== JSON.stringify(existing.auth));
    const resumed =
      credentialsChanged && (await tx.xapiOutbox.resume({ tenantId: admin.tenantId, target: name }));
    await tx.audit.append({
      id: context.ids.uuid(),
      tenantId: admin.tenantId,
      actorId: admin.id,
      action: context.mode === 'create' ? 'lrs.target_created' : 'lrs.target_updated',
      subjectPersonId: null,
      details: {
        target: name,
        endpoint: target.endpoint,
        auth: target.auth,
        actor: target.actor,
        sendFailed: target.sendFailed,
        secretChanged: Boolean(secret),
        resumed,
      },
      at: now,
    });
    return target;
  });
}

/** Removes one of the tenant's LRS targets (its outbox rows stay, for the admin to see), audited. */
export async function deleteLrsTarget(context: LrsTargetAdminContext & { name: string }): Promise<void> {
  const admin = adminOf(context.viewer);
  refuseEnvironmentTarget(context.name, context.environmentTargetNames);
  await context.store.transaction(async (tx) => {
    if (!(await tx.lrsTargets.delete(admin.tenantId, context.name)))
      throw new AppError('not_found', `No LRS target named "${context.name}"`);
    await tx.audit.append({
      id: context.ids.uuid(),
      tenantId: admin.tenantId,
      actorId: admin.id,
      action: 'lrs.target_deleted',
      subjectPersonId: null,
      details: { target: context.name },
      at: context.clock.now(),
    });
  });
}
