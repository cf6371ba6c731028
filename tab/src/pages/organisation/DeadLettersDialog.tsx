import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { parseDeadLetters } from '../../api/connector';
import { describeError } from '../../api/http';
import { useApiResource } from '../../api/useApiResource';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDay } from '../../format/dates';

type Props = { target: string; onClose: (changed: boolean) => void };

/** Statements the LRS refused, each with the LRS's own message, and a way to send them again. */
export function DeadLettersDialog({ target, onClose }: Props) {
  const api = useApi();
  const letters = useApiResource(
    `/admin/lrs/targets/${encodeURIComponent(target)}/dead-letters`,
    parseDeadLetters,
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const requeue = () => {
    setSending(true);
    api
      .sendJson('POST', `/admin/lrs/targets/${encodeURIComponent(target)}/requeue`, {})
      .then(() => onClose(true))
      .catch((error: unknown) => setProblem(describeError(error)))
      .finally(() => setSending(false));
  };
  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && onClose(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Dead letters for {target}</DialogTitle>
          <DialogContent>
            {problem !== null && <ProblemMessage title="Re-queueing failed" message={problem} />}
            {letters.status === 'loading' && <Spinner size="small" />}
            {letters.status === 'error' && (
              <ProblemMessage title="Could not load them" message={letters.message} />
            )}
            {letters.status === 'loaded' && (
              <ul aria-label="Dead letters">
                {letters.data.map((letter) => (
                  <li key={letter.id}>
                    <Body1>
                      {formatDay(letter.createdAt)} · {letter.verb ?? 'statement'} {letter.statementId}:{' '}
                      {letter.error ?? 'refused'}
                    </Body1>
                  </li>
                ))}
              </ul>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={sending} onClick={requeue}>
              Send them again
            </Button>
            <Button onClick={() => onClose(false)}>Close</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
