import { setTimeout as delay } from 'node:timers/promises';
import { nudgeCard, type ConversationMessenger } from '../../bot';
import {
  composeNudge,
  DAY_MS,
  decideNudge,
  nudgePlanFromPayload,
  nudgePlanPayload,
  nudgeRulesOf,
  NUDGE_SENDS_PER_SECOND,
  PermanentJobError,
  RetryLaterError,
  timeZoneOf,
  type Ids,
  type NudgeStore,
  type Store,
} from '../../core';
import { connectorFailure } from '../bot/connector-failure';
import type { JobDefinition } from './job-definition';

export const NUDGE_SEND_JOB = 'nudges.send';
/** A send whose slot is further off than this is queued again for then (without taking it), not held in a worker. */
const MAX_INLINE_WAIT_MS = 5_000;

/**
 * Sends one nudge instance when the rules allow it (core/nudges decideNudge): outside working hours or over
 * the weekly limit it is queued again for later; turned off, expired or no longer relevant it is dropped.
 * The instance is claimed in nudge_deliveries before the post, so it is sent at most once whatever the
 * number of instances. Teams' 403/404 (the app was uninstalled) marks the person unreachable and is not
 * retried; a 429 or a 5xx gives the claim back and fails the job, which the worker retries when Teams' Retry-After
 * says (holding the tenant's other nudges until then too), or else with its backoff. Posts keep to a per-tenant
 * rate shared by every instance (nudge_send_slots).
 */
export function nudgeSendJob(options: {
  store: Store;
  nudges: NudgeStore;
  messenger: ConversationMessenger;
  ids: Ids;
  /** The tab's Reviews page, for the manager digest's button. */
  reviewsUrl: string;
  sendsPerSecond?: number;
}): JobDefinition {
  const { store, nudges, messenger } = options;
  const spacingMs = 1000 / (options.sendsPerSecond ?? NUDGE_SENDS_PER_SECOND);
  return {
    kind: NUDGE_SEND_JOB,
    async run(job, { now, logger, signal }) {
      const plan = nudgePlanFromPayload(job.payload);
      if (!plan) throw new PermanentJobError('nudge job without a valid plan');
      const log = logger.child({ nudge: plan.key });
      const [tenant, person, preferences, sentLastWeek] = await Promise.all([
        store.tenants.get(job.tenantId),
        store.people.get(job.tenantId, plan.personId),
        nudges.preferences(job.tenantId, plan.personId),
        nudges.sentSince(job.tenantId, plan.personId, new Date(now.getTime() - 7 * DAY_MS)),
      ]);
      if (!tenant || !person?.active) return;
      const reference = person.conversationReference;
      const decided = {
        kind: plan.kind,
        now,
        expiresAt: plan.expiresAt,
        settings: tenant.settings,
        preferences,
        reachable: reference !== null,
        timeZone: timeZoneOf(person, tenant),
        sentLastWeek,
      };
      const decision = decideNudge(decided);
      const waitUntil = async (at: Date, reason: string) => {
        await store.jobs.enqueue({
          tenantId: job.tenantId,
          kind: NUDGE_SEND_JOB,
          payload: nudgePlanPayload(plan),
          runAt: at,
          uniqueKey: `nudge:${plan.key}@${at.toISOString()}`,
          maxAttempts: job.maxAttempts,
        });
        log.info('Nudge waits', { reason, until: at });
      };
      if (decision.action === 'drop') {
        log.info('Nudge not sent', { reason: decision.reason });
        return;
      }
      if (decision.action === 'wait') {
        await waitUntil(decision.at, decision.reason);
        return;
      }
      const message = await composeNudge({
        store,
        nudges,
        tenant,
        person,
        plan,
        now,
        ids: options.ids,
      });
      if (!message || !reference) {
        log.info('Nudge no longer relevant');
        return;
      }
      const since = new Date(now.getTime() - 7 * DAY_MS);
      const claim = await nudges.reserve({
        tenantId: job.tenantId,
        key: plan.key,
        personId: person.id,
        kind: plan.kind,
        at: now,
        limit: nudgeRulesOf(tenant.settings).weeklyLimit,
        since,
      });
      if (claim === 'already_sent') {
        log.info('Nudge already sent');
        return;
      }
      if (claim === 'over_limit') {
        // Another nudge to this person went out in the meantime: decide again with it counted.
        const again = decideNudge({
          ...decided,
          sentLastWeek: await nudges.sentSince(job.tenantId, person.id, since),
        });
        if (again.action === 'wait') await waitUntil(again.at, again.reason);
        else log.info('Nudge not sent', { reason: 'weekly_limit' });
        return;
      }
      // From here the claim is ours: any failure before the post gives it back, or the retry would find the
      // nudge "already sent" and it would never go out.
      try {
        // The tenant's send rate: wait for this send's slot here when it is near, else come back for one then.
        const slot = await nudges.takeSendSlot(job.tenantId, now, spacingMs, MAX_INLINE_WAIT_MS);
        if (!slot.taken) {
          await nudges.release(job.tenantId, plan.key);
          await waitUntil(slot.at, 'send_rate');
          return;
        }
        const waitMs = slot.at.getTime() - now.getTime();
        if (waitMs > 0) await delay(waitMs, undefined, { signal });
        await messenger.sendCard(reference, nudgeCard(message, { reviewsUrl: options.reviewsUrl }));
      } catch (error) {
        await nudges.release(job.tenantId, plan.key);
        const { status, retryAfterMs } = connectorFailure(error, now);
        if (status === 403 || status === 404) {
          await nudges.markUnreachable(job.tenantId, person.id, now);
          throw new PermanentJobError(
            `Teams refused the conversation (${status}): the app is not installed`,
            {
              cause: error,
            },
          );
        }
        if (retryAfterMs !== null) {
          // Teams' limit is per app per tenant: every nudge to this tenant waits, not only this one.
          await nudges.holdSends(job.tenantId, new Date(now.getTime() + retryAfterMs));
          throw new RetryLaterError(`Teams asked to wait (${status ?? 'no status'})`, retryAfterMs, {
            cause: error,
          });
        }
        throw error;
      }
      log.info('Nudge sent', { kind: plan.kind });
    },
  };
}
