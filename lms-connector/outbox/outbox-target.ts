import type { LrsTarget } from '../targets';

/** What writing outbox rows needs from a target: its name, how it names people, and whether it takes `failed`. */
export type OutboxTarget = Pick<LrsTarget, 'name' | 'actor'> & { sendFailed?: boolean };
