import type { CallerRole } from '../people';
import { requireRole } from '../people';
import type { NudgeStore } from './nudge-store';

export type NudgeReach = {
  activePeople: number;
  /** Active people the bot can message: it has a conversation with them that Teams has not refused. */
  reachable: number;
  unreachable: number;
};

/**
 * For L&D admins: how many active people the bot can reach. The bot can only write to people who have the
 * app installed, so a low number means IT has not pre-installed it with a Teams app setup policy.
 */
export async function readNudgeReach(options: {
  nudges: NudgeStore;
  viewer: { person: { tenantId: string }; roles: readonly CallerRole[] };
}): Promise<NudgeReach> {
  requireRole(options.viewer.roles, 'admin', 'Only L&D admins can see how many people the bot can reach');
  const { activePeople, reachable } = await options.nudges.reach(options.viewer.person.tenantId);
  return { activePeople, reachable, unreachable: activePeople - reachable };
}
