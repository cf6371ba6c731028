import {
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
import { useEffect, useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { type AuditPage, parseAudit } from '../../api/settings';
import { ProblemMessage } from '../../components/ProblemMessage';
import { explainError } from './explainError';
import { useSettingsStyles } from './SettingsPage.styles';

/** Who changed settings or read someone else's data, newest first, fifty at a time. */
export function AuditLog() {
  const styles = useSettingsStyles();
  const api = useApi();
  const [pages, setPages] = useState<AuditPage | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const load = async (cursor: string | null) => {
    setLoading(true);
    setProblem(null);
    try {
      const page = parseAudit(
        await api.getJson(`/audit?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
      );
      setPages((previous) =>
        cursor === null || previous === null
          ? page
          : { entries: [...previous.entries, ...page.entries], nextCursor: page.nextCursor },
      );
    } catch (error) {
      setProblem(explainError(error));
    } finally {
      setLoading(false);
    }
  };
  // The first page, again on each "Refresh".
  useEffect(() => {
    void load(null);
  }, [attempt]);

  return (
    <section className={styles.section} aria-labelledby="audit-heading">
      <div className={styles.actions}>
        <Subtitle1 as="h2" id="audit-heading">
          Audit log
        </Subtitle1>
        <Button size="small" disabled={loading} onClick={() => setAttempt((previous) => previous + 1)}>
          Refresh the audit log
        </Button>
      </div>
      {problem && <ProblemMessage title="The audit log could not be loaded" message={problem} />}
      {pages === null && loading && <Spinner label="Loading the audit log…" />}
      {pages && (
        <Table aria-labelledby="audit-heading" size="small">
          <TableHeader>
            <TableRow>
              {['When', 'Action', 'By', 'About', 'Details'].map((column) => (
                <TableHeaderCell key={column}>{column}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {pages.entries.map((entry) => (
              <TableRow key={entry.id}>
                <TableCell>{new Date(entry.at).toLocaleString()}</TableCell>
                <TableCell>{entry.action}</TableCell>
                <TableCell>{entry.actorName ?? 'Practica'}</TableCell>
                <TableCell>{entry.subjectName ?? '—'}</TableCell>
                <TableCell className={styles.details}>{JSON.stringify(entry.details)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {pages?.nextCursor && (
        <div>
          <Button disabled={loading} onClick={() => void load(pages.nextCursor)}>
            {loading ? 'Loading…' : 'Show older entries'}
          </Button>
        </div>
      )}
    </section>
  );
}
