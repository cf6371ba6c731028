import { Body1, Button, Spinner } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { describeError } from '../../api/http';
import { parseProfile } from '../../api/profile';
import { useApiResource } from '../../api/useApiResource';
import { type LibraryWorkflow, parseLibrary } from '../../api/workflows';
import { ProblemMessage } from '../../components/ProblemMessage';
import type { PageProps } from '../../shell/pages';
import { LibraryFilters, type LibraryFilter } from './LibraryFilters';
import { WorkflowCard } from './WorkflowCard';
import { WorkflowDetailView } from './WorkflowDetailView';
import { useWorkflowsPageStyles } from './WorkflowsPage.styles';

/** The workflow library: colleagues' published workflows with their social proof, and each one's steps. */
export function WorkflowsPage({ me, path, navigate }: PageProps) {
  const workflowId = /^\/workflows\/([0-9a-f-]{36})$/i.exec(path)?.[1];
  const profile = useApiResource('/me/profile', parseProfile);
  const areaNames = useMemo(
    () =>
      new Map(
        profile.status === 'loaded'
          ? profile.data.levels.map((level) => [level.skillArea, level.skillAreaName])
          : [],
      ),
    [profile],
  );
  if (workflowId)
    return (
      <WorkflowDetailView
        workflowId={workflowId}
        areaNames={areaNames}
        onBack={() => navigate('/workflows')}
        onEdit={() => navigate(`/workflows/${workflowId}/edit`)}
      />
    );
  const writes = me.roles.includes('author') || me.roles.includes('admin');
  return (
    <Library
      areaNames={areaNames}
      onOpen={(id) => navigate(`/workflows/${id}`)}
      onNew={writes ? () => navigate('/workflows/new') : null}
    />
  );
}

function queryOf(filter: LibraryFilter, cursor: string | null): string {
  const query = new URLSearchParams();
  if (filter.text.trim() !== '') query.set('q', filter.text.trim());
  if (filter.skillArea !== '') query.set('skillArea', filter.skillArea);
  if (filter.department.trim() !== '') query.set('department', filter.department.trim());
  if (filter.role.trim() !== '') query.set('role', filter.role.trim());
  if (cursor !== null) query.set('cursor', cursor);
  const text = query.toString();
  return text === '' ? '/workflows' : `/workflows?${text}`;
}

type Listing = { workflows: LibraryWorkflow[]; nextCursor: string | null };

type LibraryProps = {
  areaNames: Map<string, string>;
  onOpen: (id: string) => void;
  /** Authors and admins start a new workflow from the library. */
  onNew: (() => void) | null;
};

function Library({ areaNames, onOpen, onNew }: LibraryProps) {
  const styles = useWorkflowsPageStyles();
  const api = useApi();
  const [filter, setFilter] = useState<LibraryFilter>({ text: '', skillArea: '', department: '', role: '' });
  const [applied, setApplied] = useState(filter);
  const [listing, setListing] = useState<Listing | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  // Typing narrows the list a moment after the last key, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setApplied(filter), 300);
    return () => clearTimeout(timer);
  }, [filter]);

  useEffect(() => {
    const controller = new AbortController();
    setListing(null);
    setProblem(null);
    api
      .getJson(queryOf(applied, null), controller.signal)
      .then(parseLibrary)
      .then((page) => !controller.signal.aborted && setListing(page))
      .catch((error: unknown) => !controller.signal.aborted && setProblem(describeError(error)));
    return () => controller.abort();
  }, [api, applied]);

  const loadMore = (cursor: string) => {
    setLoadingMore(true);
    api
      .getJson(queryOf(applied, cursor))
      .then(parseLibrary)
      .then((page) =>
        setListing((previous) => ({
          workflows: [...(previous?.workflows ?? []), ...page.workflows],
          nextCursor: page.nextCursor,
        })),
      )
      .catch((error: unknown) => setProblem(describeError(error)))
      .finally(() => setLoadingMore(false));
  };

  return (
    <div className={styles.page}>
      {onNew && (
        <div>
          <Button appearance="primary" onClick={onNew}>
            New workflow
          </Button>
        </div>
      )}
      <LibraryFilters filter={filter} areaNames={areaNames} onChange={setFilter} />
      {problem !== null && <ProblemMessage title="The workflows could not be loaded" message={problem} />}
      {listing === null && problem === null && <Spinner label="Finding workflows…" />}
      {listing?.workflows.length === 0 && (
        <Body1>No published workflow matches. Try fewer words, or another skill area.</Body1>
      )}
      {listing && listing.workflows.length > 0 && (
        <ul className={styles.cards} aria-label="Workflows">
          {listing.workflows.map((workflow) => (
            <WorkflowCard
              key={workflow.id}
              workflow={workflow}
              areaName={areaNames.get(workflow.skillArea) ?? workflow.skillArea}
              onOpen={() => onOpen(workflow.id)}
            />
          ))}
        </ul>
      )}
      {listing?.nextCursor && (
        <Button disabled={loadingMore} onClick={() => loadMore(listing.nextCursor as string)}>
          {loadingMore ? 'Loading…' : 'Show more workflows'}
        </Button>
      )}
    </div>
  );
}
