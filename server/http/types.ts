import type { CallerRole, Person } from '../../core';
import type { VerifiedUser } from '../auth';

/** Who is calling /api/v1: the stored person (provisioned on first sight) and every role they hold. */
export type Caller = { person: Person; roles: CallerRole[] };

export type HttpEnv = { Variables: { user: VerifiedUser; caller: Caller } };
