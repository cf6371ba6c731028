import { Badge, Body1, Button, Caption1, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { describeError } from '../../api/http';
import type { ProfileDeliverable, ProfileSession } from '../../api/profile';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDay } from '../../format/dates';
import { DeliverableDialog } from './DeliverableDialog';
import { downloadDeliverable } from './downloadDeliverable';
import { useSessionTimelineStyles } from './SessionTimeline.styles';

const STATUS: Record<
  ProfileSession['status'],
  { label: string; color: 'success' | 'informative' | 'subtle' }
> = {
  completed: { label: 'Completed', color: 'success' },
  active: { label: 'In progress', color: 'informative' },
  paused: { label: 'Paused', color: 'informative' },
  abandoned: { label: 'Abandoned', color: 'subtle' },
};

type Props = {
  sessions: readonly ProfileSession[];
  deliverables: readonly ProfileDeliverable[];
  /** Whose sessions: mine (my profile) or a report's (their manager's view). */
  owner?: 'me' | 'them';
};

/** My sessions, newest first, each completed one with its deliverable to open, copy or download. */
export function SessionTimeline({ sessions, deliverables, owner = 'me' }: Props) {
  const styles = useSessionTimelineStyles();
  const api = useApi();
  const [problem, setProblem] = useState<string | null>(null);
  const bySession = new Map(deliverables.map((deliverable) => [deliverable.sessionId, deliverable]));
  const download = (session: ProfileSession, format: 'markdown' | 'docx') => {
    setProblem(null);
    downloadDeliverable(api, session.id, session.workflowTitle, format).catch((error: unknown) =>
      setProblem(describeError(error)),
    );
  };

  return (
    <>
      {problem !== null && <ProblemMessage title="The download failed" message={problem} />}
      <ol className={styles.list} aria-label="Sessions">
        {sessions.map((session) => {
          const status = STATUS[session.status];
          const deliverable = bySession.get(session.id);
          return (
            <li key={session.id} className={styles.item}>
              <div className={styles.what}>
                <Text weight="semibold">{session.workflowTitle}</Text>
                <Caption1>
                  {formatDay(session.completedAt ?? session.startedAt)}
                  {session.meanRating !== null &&
                    ` · ${owner === 'me' ? 'you rated it' : 'self-rated'} ${session.meanRating.toFixed(1)} of 5`}
                  {session.sharedForReview && ' · shared for review'}
                </Caption1>
                {session.reviews?.map((review) => (
                  <Caption1 key={review.reviewedAt}>
                    Reviewed by {review.reviewerRole === 'manager' ? 'your manager' : 'the workflow’s author'}
                    : {review.meanScore.toFixed(1)} of 5{review.comment && ` — “${review.comment}”`}
                  </Caption1>
                ))}
              </div>
              <div className={styles.actions}>
                <Badge appearance="tint" color={status.color}>
                  {status.label}
                </Badge>
                {deliverable?.markdown != null && (
                  <>
                    <DeliverableDialog title={session.workflowTitle} markdown={deliverable.markdown} />
                    <Button
                      size="small"
                      aria-label={`Download ${session.workflowTitle} as Markdown`}
                      onClick={() => download(session, 'markdown')}
                    >
                      .md
                    </Button>
                    <Button
                      size="small"
                      aria-label={`Download ${session.workflowTitle} as a Word document`}
                      onClick={() => download(session, 'docx')}
                    >
                      .docx
                    </Button>
                  </>
                )}
                {deliverable && deliverable.markdown === null && (
                  <Body1>Deleted after the retention period</Body1>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </>
  );
}
