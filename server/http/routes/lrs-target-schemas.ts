import { z } from 'zod';
import type { LrsTargetInput, StoredLrsAuth, StoredLrsTarget } from '../../../core';
import type { LrsTarget } from '../../../lms-connector/targets';

const httpUrl = (what: string) =>
  z.url({
    protocol: /^https?$/,
    message: `${what} must be an http(s) URL, e.g. https://lrs.example.com/xapi/`,
  });
const text = (what: string, max: number) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is required`)
    .max(max);

export const targetName = z
  .string({ error: 'name is required' })
  .regex(
    /^[a-z][a-z0-9_]{0,31}$/,
    'name: lower-case letters, digits and _, starting with a letter (e.g. lms)',
  );

const settings = {
  endpoint: httpUrl('endpoint'),
  auth: z.discriminatedUnion(
    'kind',
    [
      z
        .object({
          kind: z.literal('basic'),
          username: text('auth.username', 500),
          password: z.string().min(1, 'auth.password must not be empty').max(2_000).optional(),
        })
        .strict(),
      z
        .object({
          kind: z.literal('oauth2'),
          tokenUrl: httpUrl('auth.tokenUrl'),
          clientId: text('auth.clientId', 500),
          clientSecret: z.string().min(1, 'auth.clientSecret must not be empty').max(2_000).optional(),
          scope: text('auth.scope', 500).optional(),
        })
        .strict(),
    ],
    { error: 'auth.kind must be basic or oauth2' },
  ),
  actor: z.discriminatedUnion(
    'kind',
    [
      z.object({ kind: z.literal('account'), homePage: httpUrl('actor.homePage') }).strict(),
      z.object({ kind: z.literal('mbox') }).strict(),
    ],
    { error: 'actor.kind must be account (with homePage, the LMS address) or mbox' },
  ),
  sendFailed: z.boolean({ error: 'sendFailed must be true or false' }).default(false),
};

/** POST /admin/lrs/targets */
export const createTargetBody = z.object({ name: targetName, ...settings }).strict();
/** PUT /admin/lrs/targets/{name}: the whole target; leave the password or client secret out to keep it. */
export const updateTargetBody = z.object(settings).strict();

export function targetInput(body: z.infer<typeof updateTargetBody>): LrsTargetInput {
  const { auth } = body;
  const secret = auth.kind === 'basic' ? auth.password : auth.clientSecret;
  const storedAuth: StoredLrsAuth =
    auth.kind === 'basic'
      ? { kind: 'basic', username: auth.username }
      : {
          kind: 'oauth2',
          tokenUrl: auth.tokenUrl,
          clientId: auth.clientId,
          ...(auth.scope ? { scope: auth.scope } : {}),
        };
  return {
    endpoint: body.endpoint,
    auth: { ...storedAuth, ...(secret ? { secret } : {}) },
    actor: body.actor,
    sendFailed: body.sendFailed,
  };
}

/** How a target's settings are shown: everything but the secret, which is only said to be set. */
export function maskedSettings(target: LrsTarget | StoredLrsTarget) {
  const auth = target.auth;
  return {
    endpoint: target.endpoint,
    auth:
      auth.kind === 'basic'
        ? { kind: auth.kind, username: auth.username, secretSet: true }
        : {
            kind: auth.kind,
            tokenUrl: auth.tokenUrl,
            clientId: auth.clientId,
            scope: auth.scope ?? null,
            secretSet: true,
          },
    actor: target.actor,
    sendFailed: target.sendFailed ?? false,
  };
}
