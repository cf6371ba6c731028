import { directReports, mayShowGroupFigure, MIN_GROUP_SIZE, profileAccess, type Viewer } from '../access';
import type { Clock, Ids, Store } from '../ports';
import type { Level } from '../proficiency';
import { defaultTenantSettings, type ManagerVisibility } from '../tenants';
import { profileLevels, type ProfileLevel } from './profile-level';

export type TeamMember = {
  id: string;
  displayName: string;
  jobTitle: string | null;
  levels: ProfileLevel[];
};

/** How many of the team hold each level in one skill area. */
export type TeamAreaSummary = {
  skillArea: string;
  skillAreaName: string;
  peopleByLevel: Record<`L${Level}`, number>;
};

export type TeamView = {
  managerVisibility: ManagerVisibility;
  members: TeamMember[];
  /** Null when the team is smaller than the minimum group size; `summaryWithheld` says why. */
  summary: TeamAreaSummary[] | null;
  summaryWithheld: string | null;
};

/**
 * The viewer's direct reports with their level and evidence counts per skill area, and people per level when
 * the team has at least MIN_GROUP_SIZE people. Each report's levels read is written to the audit log.
 */
export async function readTeam(options: {
  store: Store;
  clock: Clock;
  ids: Ids;
  viewer: Viewer;
}): Promise<TeamView> {
  const { store, viewer } = options;
  const tenantId = viewer.person.tenantId;
  const [tenant, people] = await Promise.all([store.tenants.get(tenantId), store.people.list(tenantId)]);
  const settings = tenant?.settings ?? defaultTenantSettings();
  const now = options.clock.now();
  const members: TeamMember[] = [];
  for (const report of directReports(viewer, people)) {
    const access = profileAccess({ viewer, subject: report, managerVisibility: settings.managerVisibility });
    if (!access.allowed) continue;
    members.push({
      id: report.id,
      displayName: report.displayName,
      jobTitle: report.jobTitle,
      levels: profileLevels(settings.skillAreas, await store.levels.listForPerson(tenantId, report.id)),
    });
    await store.audit.append({
      id: options.ids.uuid(),
      tenantId,
      actorId: viewer.person.id,
      action: 'team.read',
      subjectPersonId: report.id,
      details: { managerVisibility: settings.managerVisibility },
      at: now,
    });
  }
  members.sort((a, b) => a.displayName.localeCompare(b.displayName));
  const shown = mayShowGroupFigure(members.length);
  return {
    managerVisibility: settings.managerVisibility,
    members,
    summary: shown ? summarise(members) : null,
    summaryWithheld: shown
      ? null
      : `Team figures are shown for ${MIN_GROUP_SIZE} or more people; this team has ${members.length}.`,
  };
}

function summarise(members: readonly TeamMember[]): TeamAreaSummary[] {
  const byArea = new Map<string, TeamAreaSummary>();
  for (const member of members)
    for (const line of member.levels) {
      const summary = byArea.get(line.skillArea) ?? {
        skillArea: line.skillArea,
        skillAreaName: line.skillAreaName,
        peopleByLevel: { L0: 0, L1: 0, L2: 0, L3: 0, L4: 0 },
      };
      summary.peopleByLevel[`L${line.level}`] += 1;
      byArea.set(line.skillArea, summary);
    }
  return [...byArea.values()];
}
