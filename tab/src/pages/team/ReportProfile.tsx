import { Body1, Button, Caption1, Spinner, Subtitle1 } from '@fluentui/react-components';
import { parseProfile } from '../../api/profile';
import { useApiResource } from '../../api/useApiResource';
import { ProblemMessage } from '../../components/ProblemMessage';
import { LevelCard } from '../profile/LevelCard';
import { useProfilePageStyles } from '../profile/ProfilePage.styles';
import { SessionTimeline } from '../profile/SessionTimeline';

/**
 * A report's profile as their manager may see it: levels and evidence counts always; their sessions and the
 * deliverables they shared only as far as the organisation's managerVisibility allows. Never their inputs.
 */
export function ReportProfile({ personId, onBack }: { personId: string; onBack: () => void }) {
  const styles = useProfilePageStyles();
  const profile = useApiResource(`/people/${personId}/profile`, parseProfile);
  if (profile.status === 'loading') return <Spinner label="Loading their profile…" />;
  if (profile.status === 'error')
    return (
      <ProblemMessage title="This profile could not be loaded" message={profile.message} onRetry={onBack} />
    );

  const { person, levels, sessions, deliverables } = profile.data;
  const shared = deliverables ?? [];
  return (
    <div className={styles.page}>
      <div>
        <Button appearance="subtle" onClick={onBack}>
          ← My team
        </Button>
      </div>
      <section className={styles.section} aria-labelledby="report-heading">
        <Subtitle1 as="h2" id="report-heading">
          {person.displayName}
          {person.jobTitle && `, ${person.jobTitle}`}
        </Subtitle1>
        <div className={styles.levels}>
          {levels.map((level) => (
            <LevelCard key={level.skillArea} level={level} certificates={undefined} />
          ))}
        </div>
      </section>
      {sessions !== undefined && (
        <section className={styles.section} aria-labelledby="report-sessions-heading">
          <Subtitle1 as="h2" id="report-sessions-heading">
            Sessions
          </Subtitle1>
          <SessionTimeline sessions={sessions} deliverables={shared} owner="them" />
        </section>
      )}
      {sessions === undefined && deliverables !== undefined && (
        <section className={styles.section} aria-labelledby="report-shared-heading">
          <Subtitle1 as="h2" id="report-shared-heading">
            Shared with you for review
          </Subtitle1>
          {shared.length === 0 ? (
            <Body1>Nothing shared with you yet.</Body1>
          ) : (
            <SessionTimeline
              sessions={shared.map((deliverable) => ({
                id: deliverable.sessionId,
                workflowId: '',
                workflowTitle: deliverable.workflowTitle,
                status: 'completed',
                startedAt: deliverable.completedAt ?? '',
                completedAt: deliverable.completedAt,
                meanRating: null,
                sharedForReview: true,
              }))}
              deliverables={shared}
              owner="them"
            />
          )}
        </section>
      )}
      {sessions === undefined && deliverables === undefined && (
        <Body1>Your organisation shows managers levels only; sessions and deliverables stay private.</Body1>
      )}
      <Caption1>Your view of this profile is recorded in your organisation’s audit log.</Caption1>
    </div>
  );
}
