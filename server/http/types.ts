import type { VerifiedUser } from '../auth';

export type HttpEnv = { Variables: { user: VerifiedUser } };
