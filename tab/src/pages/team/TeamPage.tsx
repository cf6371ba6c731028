import {
  Badge,
  Body1,
  Link,
  Spinner,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Tooltip,
} from '@fluentui/react-components';
import { parseTeam } from '../../api/team';
import { useApiResource } from '../../api/useApiResource';
import { LevelDistributionChart } from '../../charts/LevelDistributionChart';
import { ProblemMessage } from '../../components/ProblemMessage';
import type { PageProps } from '../../shell/pages';
import { CoachingList } from './CoachingList';
import { ReportProfile } from './ReportProfile';
import { useTeamPageStyles } from './TeamPage.styles';

const VISIBILITY: Record<string, string> = {
  'levels-only': 'Your organisation shows managers their reports’ levels only.',
  shared: 'You see your reports’ levels, and deliverables they shared with you for review.',
  full: 'You see your reports’ levels, their session history, and deliverables they shared for review.',
};

/** My team: each direct report's level per skill area, the team's level distribution, and a report's profile. */
export function TeamPage({ path, navigate }: PageProps) {
  const reportId = /^\/team\/([0-9a-f-]{36})$/i.exec(path)?.[1];
  if (reportId) return <ReportProfile personId={reportId} onBack={() => navigate('/team')} />;
  return <TeamOverview navigate={navigate} />;
}

function TeamOverview({ navigate }: Pick<PageProps, 'navigate'>) {
  const styles = useTeamPageStyles();
  const team = useApiResource('/team', parseTeam);
  if (team.status === 'loading') return <Spinner label="Loading your team…" />;
  if (team.status === 'error')
    return (
      <ProblemMessage title="Your team could not be loaded" message={team.message} onRetry={team.reload} />
    );

  const { members, summary, summaryWithheld, managerVisibility } = team.data;
  if (members.length === 0) return <Body1>Nobody reports to you in the directory.</Body1>;
  const areas = members[0]?.levels.map((level) => ({ id: level.skillArea, name: level.skillAreaName })) ?? [];
  return (
    <div className={styles.page}>
      <section className={styles.section} aria-labelledby="team-heading">
        <Subtitle1 as="h2" id="team-heading">
          Your direct reports
        </Subtitle1>
        <Body1>{VISIBILITY[managerVisibility]}</Body1>
        <Table aria-labelledby="team-heading">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Name</TableHeaderCell>
              {areas.map((area) => (
                <TableHeaderCell key={area.id}>{area.name}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {members.map((member) => (
              <TableRow key={member.id}>
                <TableCell>
                  <Link onClick={() => navigate(`/team/${member.id}`)}>{member.displayName}</Link>
                  {member.jobTitle && <Body1> · {member.jobTitle}</Body1>}
                </TableCell>
                {areas.map((area) => {
                  const level = member.levels.find((candidate) => candidate.skillArea === area.id);
                  return (
                    <TableCell key={area.id}>
                      {level && (
                        <Tooltip content={level.levelName} relationship="description">
                          <Badge appearance={level.level >= 2 ? 'filled' : 'tint'} color="brand">
                            L{level.level}
                          </Badge>
                        </Tooltip>
                      )}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
      <CoachingList navigate={navigate} />
      <section className={styles.section}>
        {summary ? (
          <LevelDistributionChart
            title="Your team by level"
            barLabel="Skill area"
            bars={summary.map((area) => ({ label: area.skillAreaName, peopleByLevel: area.peopleByLevel }))}
          />
        ) : (
          <Body1>{summaryWithheld}</Body1>
        )}
      </section>
    </div>
  );
}
