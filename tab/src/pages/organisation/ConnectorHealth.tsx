import {
  Badge,
  Body1,
  Button,
  Spinner,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useState } from 'react';
import { parseTargets } from '../../api/connector';
import { useApiResource } from '../../api/useApiResource';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDay } from '../../format/dates';
import { DeadLettersDialog } from './DeadLettersDialog';
import { useOrganisationPageStyles } from './OrganisationPage.styles';

/** The LMS connector per LRS target: backlog, held statements, last push, errors and dead letters. */
export function ConnectorHealth() {
  const styles = useOrganisationPageStyles();
  const targets = useApiResource('/admin/lrs/targets', parseTargets);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section className={styles.section} aria-labelledby="connector-heading">
      <Subtitle1 as="h2" id="connector-heading">
        LMS connector
      </Subtitle1>
      {targets.status === 'loading' && <Spinner size="small" label="Checking the LRS targets…" />}
      {targets.status === 'error' && (
        <ProblemMessage
          title="Connector health could not be loaded"
          message={targets.message}
          onRetry={targets.reload}
        />
      )}
      {targets.status === 'loaded' && targets.data.length === 0 && (
        <Body1>No LRS target is configured: Practica’s statements are kept in the outbox until one is.</Body1>
      )}
      {targets.status === 'loaded' && targets.data.length > 0 && (
        <Table aria-labelledby="connector-heading" size="small">
          <TableHeader>
            <TableRow>
              {[
                'Target',
                'State',
                'Backlog',
                'Held',
                'Sent (24 h)',
                'Last push',
                'Last error',
                'Dead letters',
              ].map((column) => (
                <TableHeaderCell key={column}>{column}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {targets.data.map((target) => (
              <TableRow key={target.name}>
                <TableCell>
                  {target.name} ({target.endpoint})
                </TableCell>
                <TableCell>
                  {target.problem !== null ? (
                    <Badge color="danger">{target.problem}</Badge>
                  ) : target.paused ? (
                    <Badge color="warning">Paused{target.pauseReason ? `: ${target.pauseReason}` : ''}</Badge>
                  ) : (
                    <Badge color="success">Sending</Badge>
                  )}
                </TableCell>
                <TableCell>{target.backlog}</TableCell>
                <TableCell>{target.held}</TableCell>
                <TableCell>{target.sentLast24h}</TableCell>
                <TableCell>{target.lastSuccessAt ? formatDay(target.lastSuccessAt) : 'never'}</TableCell>
                <TableCell>{target.lastError ?? '—'}</TableCell>
                <TableCell>
                  {target.dead === 0 ? (
                    '0'
                  ) : (
                    <Button size="small" onClick={() => setOpen(target.name)}>
                      {target.dead} to check
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {open !== null && (
        <DeadLettersDialog
          target={open}
          onClose={(changed) => {
            setOpen(null);
            if (changed) targets.reload();
          }}
        />
      )}
    </section>
  );
}
