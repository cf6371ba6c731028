import { validateWorkflowDefinition, type WorkflowVersion } from '../workflows';
import { workflowDefinition } from '../../tests/factories';
import { applySessionAction } from './apply-session-action';
import { HEAVY_EDIT_RATIO } from './edit-ratio';
import { openSession } from './open-session';
import type { Session } from './session';
import type { SessionAction } from './session-action';

const definition = validateWorkflowDefinition(workflowDefinition());
const version: WorkflowVersion = {
  id: 'version-1',
  tenantId: 'tenant-1',
  workflowId: 'workflow-1',
  versionNumber: 1,
  trial: false,
  definition,
  publishedAt: new Date('2026-11-01T00:00:00Z'),
  publishedBy: 'author-1',
};
let counter = 0;
const context = (at: string) => ({
  now: new Date(at),
  newId: () => `id-${++counter}`,
  llmAvailable: true,
  workflowAuthorId: 'author-1',
});
const act = (session: Session, action: SessionAction, at: string) =>
  applySessionAction(session, definition, action, context(at));
const DRAFT = 'Travel is 4,000 over budget because of the Lisbon offsite; software is 500 under budget.';

/** The generate step's completed event after the employee answers the model's draft with `finish`. */
function stepEvent(finish: SessionAction | null) {
  let session = openSession({
    tenantId: 'tenant-1',
    personId: 'person-1',
    version,
    context: context('2026-11-02T09:00:00Z'),
  }).session;
  session = act(
    session,
    { type: 'submit_inputs', inputs: { variances: 'Travel 12,000 vs 8,000' } },
    '2026-11-02T09:01:00Z',
  ).session;
  const attemptId = session.steps[1]!.attempts[0]!.id;
  session = act(
    session,
    { type: 'generation_succeeded', attemptId, text: DRAFT },
    '2026-11-02T09:02:00Z',
  ).session;
  const outcome = act(session, finish ?? { type: 'accept_output' }, '2026-11-02T09:03:00Z');
  return outcome.events.find((event) => event.type === 'session.step_completed')!;
}

describe('a finished generate step records how much of the draft the employee changed', () => {
  it('nothing when the draft was accepted as it was', () => {
    expect(stepEvent(null).data).toMatchObject({ outputSource: 'llm', editRatio: null });
  });

  it('a small share for a corrected figure, a large one for a rewrite', () => {
    const corrected = stepEvent({ type: 'edit_output', text: DRAFT.replace('4,000', '4,100') });
    expect(corrected.data['outputSource']).toBe('edited');
    expect(corrected.data['editRatio']).toBeLessThan(HEAVY_EDIT_RATIO);
    const rewritten = stepEvent({
      type: 'edit_output',
      text: 'Freeze travel until Q4; software needs no action.',
    });
    expect(rewritten.data['editRatio']).toBeGreaterThanOrEqual(HEAVY_EDIT_RATIO);
  });
});
