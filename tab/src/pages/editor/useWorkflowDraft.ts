import { useCallback, useEffect, useState } from 'react';
import {
  parseDraft,
  parsePublished,
  parseRetired,
  parseValidation,
  type WorkflowProblem,
} from '../../api/authoring';
import { useApi } from '../../api/ApiProvider';
import { describeError } from '../../api/http';
import { parseWorkflow } from '../../api/workflows';
import { blankDefinition, type EditorDefinition, fromDraft, toDefinition } from './editorModel';

export type DraftState = {
  status: 'loading' | 'ready' | 'error';
  definition: EditorDefinition;
  workflowStatus: 'draft' | 'published' | 'retired' | null;
  latestVersion: number;
  problems: WorkflowProblem[];
  /** What the last action did or why it failed, for the author to read. */
  notice: { intent: 'success' | 'error' | 'info'; text: string } | null;
  busy: boolean;
};

/**
 * The draft being edited: loaded from the API (or the published version when no draft waits), and saved,
 * validated, published and retired through it. A new workflow (`workflowId` null) is created on first save.
 */
export function useWorkflowDraft(workflowId: string | null, onCreated: (id: string) => void) {
  const api = useApi();
  const [state, setState] = useState<DraftState>({
    status: workflowId === null ? 'ready' : 'loading',
    definition: blankDefinition(),
    workflowStatus: null,
    latestVersion: 0,
    problems: [],
    notice: null,
    busy: false,
  });

  useEffect(() => {
    if (workflowId === null) return;
    let current = true;
    (async () => {
      const answer = parseDraft(await api.getJson(`/workflows/${workflowId}/draft`));
      let definition: unknown = answer.draft?.definition;
      if (answer.draft === null) {
        // Nothing waiting: the next version starts as a copy of the published one.
        const published = parseWorkflow(await api.getJson(`/workflows/${workflowId}`));
        definition = {
          ...published.version,
          title: published.title,
          summary: published.summary,
          skillArea: published.skillArea,
        };
      }
      if (current)
        setState((previous) => ({
          ...previous,
          status: 'ready',
          definition: fromDraft(definition),
          workflowStatus: answer.status,
          latestVersion: answer.latestVersionNumber,
        }));
    })().catch((error: unknown) => {
      if (current)
        setState((previous) => ({
          ...previous,
          status: 'error',
          notice: { intent: 'error', text: describeError(error) },
        }));
    });
    return () => {
      current = false;
    };
  }, [api, workflowId]);

  const setDefinition = useCallback(
    (definition: EditorDefinition) => setState((previous) => ({ ...previous, definition })),
    [],
  );

  const run = async (action: () => Promise<Partial<DraftState>>) => {
    setState((previous) => ({ ...previous, busy: true, notice: null }));
    try {
      const change = await action();
      setState((previous) => ({ ...previous, ...change, busy: false }));
    } catch (error) {
      setState((previous) => ({
        ...previous,
        busy: false,
        notice: { intent: 'error', text: describeError(error) },
      }));
    }
  };

  const save = async (): Promise<string> => {
    const body = { definition: toDefinition(state.definition) };
    if (workflowId === null) {
      const created = parseDraft(await api.sendJson('POST', '/workflows', body));
      onCreated(created.workflowId);
      return created.workflowId;
    }
    parseDraft(await api.sendJson('PUT', `/workflows/${workflowId}/draft`, body));
    return workflowId;
  };

  const validate = async (id: string) =>
    parseValidation(await api.sendJson('POST', `/workflows/${id}/draft/validate`));

  return {
    state,
    setDefinition,
    saveDraft: () =>
      run(async () => {
        await save();
        return { notice: { intent: 'success', text: 'Draft saved. Only you and L&D admins can see it.' } };
      }),
    check: () =>
      run(async () => {
        const result = await validate(await save());
        return {
          problems: result.problems,
          notice: result.valid
            ? { intent: 'success', text: 'Draft saved. No problems found: it is ready to publish.' }
            : {
                intent: 'error',
                text: `Draft saved. ${problemCount(result.problems.length)} to fix before publishing.`,
              },
        };
      }),
    publish: () =>
      run(async () => {
        const id = await save();
        const result = await validate(id);
        if (!result.valid)
          return {
            problems: result.problems,
            notice: {
              intent: 'error',
              text: `Not published: ${problemCount(result.problems.length)} to fix first.`,
            },
          };
        const published = parsePublished(await api.sendJson('POST', `/workflows/${id}/publish`));
        return {
          problems: [],
          workflowStatus: 'published',
          latestVersion: published.version.versionNumber,
          notice: {
            intent: 'success',
            text: `Version ${published.version.versionNumber} published: colleagues find it in the library and in chat.`,
          },
        };
      }),
    retire: () =>
      run(async () => {
        if (workflowId === null) return {};
        const retired = parseRetired(await api.sendJson('POST', `/workflows/${workflowId}/retire`));
        return {
          workflowStatus: retired.status,
          notice: {
            intent: 'info',
            text: 'Retired: it is no longer offered; sessions under way can finish.',
          },
        };
      }),
  };
}

const problemCount = (count: number) => (count === 1 ? '1 problem' : `${count} problems`);
