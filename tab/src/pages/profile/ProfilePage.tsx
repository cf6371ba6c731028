import { Body1, Button, Spinner, Subtitle1 } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { describeError } from '../../api/http';
import { parseProfile, type ProfileDeliverable, type ProfileSession } from '../../api/profile';
import { useApiResource } from '../../api/useApiResource';
import { ProblemMessage } from '../../components/ProblemMessage';
import { CredentialList } from './CredentialList';
import { LevelCard } from './LevelCard';
import { MinutesSavedChart } from './MinutesSavedChart';
import { useProfilePageStyles } from './ProfilePage.styles';
import { SessionTimeline } from './SessionTimeline';

type History = { sessions: ProfileSession[]; deliverables: ProfileDeliverable[]; nextCursor: string | null };

/** My profile: my level in each skill area with its evidence and what is next, certificates, and my sessions. */
export function ProfilePage() {
  const styles = useProfilePageStyles();
  const api = useApi();
  const profile = useApiResource('/me/profile', parseProfile);
  const [history, setHistory] = useState<History | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreProblem, setMoreProblem] = useState<string | null>(null);

  const loaded = profile.status === 'loaded' ? profile.data : null;
  useEffect(() => {
    if (loaded === null) return;
    const { sessions = [], deliverables = [], nextCursor } = loaded;
    setHistory({ sessions, deliverables, nextCursor });
  }, [loaded]);

  if (profile.status === 'loading') return <Spinner label="Loading your profile…" />;
  if (profile.status === 'error')
    return (
      <ProblemMessage
        title="Your profile could not be loaded"
        message={profile.message}
        onRetry={profile.reload}
      />
    );

  const loadOlder = (cursor: string) => {
    setLoadingMore(true);
    setMoreProblem(null);
    api
      .getJson(`/me/profile?cursor=${encodeURIComponent(cursor)}`)
      .then(parseProfile)
      .then((page) =>
        setHistory((previous) => ({
          sessions: [...(previous?.sessions ?? []), ...(page.sessions ?? [])],
          deliverables: [...(previous?.deliverables ?? []), ...(page.deliverables ?? [])],
          nextCursor: page.nextCursor,
        })),
      )
      .catch((error: unknown) => setMoreProblem(describeError(error)))
      .finally(() => setLoadingMore(false));
  };

  const { levels, certificates } = profile.data;
  return (
    <div className={styles.page}>
      <section className={styles.section} aria-labelledby="levels-heading">
        <Subtitle1 as="h2" id="levels-heading">
          Skill areas
        </Subtitle1>
        <div className={styles.levels}>
          {levels.map((level) => (
            <LevelCard key={level.skillArea} level={level} certificates={certificates} />
          ))}
        </div>
      </section>
      <CredentialList />
      <MinutesSavedChart />
      <section className={styles.section} aria-labelledby="sessions-heading">
        <Subtitle1 as="h2" id="sessions-heading">
          Sessions and deliverables
        </Subtitle1>
        {history && history.sessions.length === 0 && (
          <Body1>
            No sessions yet. Say “help” to Practica in Teams chat to run a colleague’s workflow on your own
            material.
          </Body1>
        )}
        {history && history.sessions.length > 0 && (
          <SessionTimeline sessions={history.sessions} deliverables={history.deliverables} />
        )}
        {moreProblem !== null && (
          <ProblemMessage title="Older sessions could not be loaded" message={moreProblem} />
        )}
        {history?.nextCursor && (
          <Button disabled={loadingMore} onClick={() => loadOlder(history.nextCursor as string)}>
            {loadingMore ? 'Loading…' : 'Show older sessions'}
          </Button>
        )}
      </section>
    </div>
  );
}
