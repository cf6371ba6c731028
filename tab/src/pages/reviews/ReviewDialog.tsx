import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Radio,
  RadioGroup,
  Spinner,
  Textarea,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { describeError } from '../../api/http';
import type { ReviewRequest } from '../../api/reviews';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useReviewDialogStyles } from './ReviewDialog.styles';

type Props = { request: ReviewRequest; onClose: () => void; onReviewed: () => void };

/** The shared deliverable beside the workflow's rubric: a score of 1–5 per criterion and a comment. */
export function ReviewDialog({ request, onClose, onReviewed }: Props) {
  const styles = useReviewDialogStyles();
  const api = useApi();
  const [text, setText] = useState<string | null>(null);
  const [scores, setScores] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    api
      .getFile(`/sessions/${request.sessionId}/deliverable?format=markdown`)
      .then((blob) => blob.text())
      .then((markdown) => active && setText(markdown))
      .catch((error: unknown) => active && setProblem(describeError(error)));
    return () => {
      active = false;
    };
  }, [api, request.sessionId]);

  const complete = request.rubric.every((criterion) => scores[criterion.id] !== undefined);
  const send = () => {
    setSending(true);
    setProblem(null);
    api
      .sendJson('POST', `/sessions/${request.sessionId}/review`, {
        scores,
        comment: comment.trim() === '' ? null : comment.trim(),
      })
      .then(onReviewed)
      .catch((error: unknown) => setProblem(describeError(error)))
      .finally(() => setSending(false));
  };

  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>
            {request.ownerName}: {request.workflowTitle}
          </DialogTitle>
          <DialogContent className={styles.criteria}>
            {problem !== null && <ProblemMessage title="Something went wrong" message={problem} />}
            {text === null && problem === null && <Spinner size="small" label="Loading the deliverable…" />}
            {text !== null && (
              <pre className={styles.deliverable} aria-label="Deliverable">
                {text}
              </pre>
            )}
            {request.rubric.map((criterion) => (
              <Field key={criterion.id} label={`${criterion.criterion}: ${criterion.description}`} required>
                <RadioGroup
                  layout="horizontal"
                  value={scores[criterion.id]?.toString() ?? ''}
                  onChange={(_event, data) =>
                    setScores((previous) => ({ ...previous, [criterion.id]: Number(data.value) }))
                  }
                >
                  {[1, 2, 3, 4, 5].map((score) => (
                    <Radio key={score} value={String(score)} label={String(score)} />
                  ))}
                </RadioGroup>
              </Field>
            ))}
            <Field label="Comment for them (optional)">
              <Textarea
                value={comment}
                onChange={(_event, data) => setComment(data.value)}
                resize="vertical"
              />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={!complete || sending} onClick={send}>
              {sending ? 'Sending…' : 'Send review'}
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
