import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import { parseReviewRequests, type ReviewRequest } from '../../api/reviews';
import { useApiResource } from '../../api/useApiResource';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDay } from '../../format/dates';
import { useSessionTimelineStyles } from '../profile/SessionTimeline.styles';
import { ReviewDialog } from './ReviewDialog';

/** Deliverables shared with me for review (as a manager, or as the workflow's author), to score on the rubric. */
export function ReviewsPage() {
  const styles = useSessionTimelineStyles();
  const requests = useApiResource('/reviews', parseReviewRequests);
  const [reviewing, setReviewing] = useState<ReviewRequest | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  if (requests.status === 'loading') return <Spinner label="Loading what awaits your review…" />;
  if (requests.status === 'error')
    return (
      <ProblemMessage
        title="Your reviews could not be loaded"
        message={requests.message}
        onRetry={requests.reload}
      />
    );

  return (
    <>
      {sent !== null && (
        <MessageBar intent="success">
          <MessageBarBody>{sent}</MessageBarBody>
        </MessageBar>
      )}
      {requests.data.length === 0 ? (
        <Body1>
          Nothing awaits your review. Deliverables your reports or your workflows’ users share appear here.
        </Body1>
      ) : (
        <ol className={styles.list} aria-label="Awaiting your review">
          {requests.data.map((request) => (
            <li key={request.sessionId} className={styles.item}>
              <div className={styles.what}>
                <Text weight="semibold">
                  {request.ownerName}: {request.workflowTitle}
                </Text>
                <Caption1>
                  shared {formatDay(request.sharedAt ?? request.completedAt)} ·{' '}
                  {request.reviewerRole === 'manager' ? 'you are their manager' : 'you wrote this workflow'}
                </Caption1>
              </div>
              <Button appearance="primary" onClick={() => setReviewing(request)}>
                Review
              </Button>
            </li>
          ))}
        </ol>
      )}
      {reviewing && (
        <ReviewDialog
          request={reviewing}
          onClose={() => setReviewing(null)}
          onReviewed={() => {
            setSent(`Your review of ${reviewing.ownerName}’s ${reviewing.workflowTitle} was sent.`);
            setReviewing(null);
            requests.reload();
          }}
        />
      )}
    </>
  );
}
