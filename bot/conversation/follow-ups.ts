import {
  LOW_RATING_THRESHOLD,
  recommendWorkflows,
  type DomainEvent,
  type Person,
  type WorkflowVersion,
} from '../../core';
import type { BotDependencies } from '../bot-dependencies';
import { deliverableMessage, LONG_DELIVERABLE_CHARS, longDeliverableCard } from '../cards';
import { cardMessage, text, type Outgoing } from './outgoing';
import { loadWorkflowCandidates } from './workflow-candidates';

/**
 * Messages that follow from what just happened: the deliverable to copy, and help after a low rating (after a
 * trial, the way back to the draft instead).
 */
export async function followUps(
  deps: BotDependencies,
  person: Person,
  version: WorkflowVersion,
  deliverable: string | null,
  events: DomainEvent[],
): Promise<Outgoing[]> {
  const messages: Outgoing[] = [];
  const completed = events.find((event) => event.type === 'session.completed');
  if (completed?.sessionId && deliverable) {
    messages.push(
      deliverable.length > LONG_DELIVERABLE_CHARS
        ? cardMessage(
            longDeliverableCard(
              version.definition.title,
              deliverable,
              deps.deliverableUrl(completed.sessionId),
            ),
          )
        : text(deliverableMessage(version.definition.title, deliverable)),
    );
  }
  const rated = events.find((event) => event.type === 'session.rated');
  if (rated && version.trial) {
    messages.push(
      text(
        `Thank you. This was a trial of your draft: nothing was recorded or shared. [Change the draft in the tab](${deps.workflowEditUrl(version.workflowId)}), then try it again or publish it.`,
      ),
    );
  } else if (
    rated &&
    typeof rated.data.meanRating === 'number' &&
    rated.data.meanRating < LOW_RATING_THRESHOLD
  ) {
    messages.push(
      text(
        await lowRatingHelp(deps, person, version, rated.data.whatBroke as { stepId: string | null } | null),
      ),
    );
  } else if (rated) {
    messages.push(text('Thank you. Your practice is recorded; type **help** to run another workflow.'));
  }
  return messages;
}

async function lowRatingHelp(
  deps: BotDependencies,
  person: Person,
  version: WorkflowVersion,
  whatBroke: { stepId: string | null } | null,
): Promise<string> {
  const steps = version.definition.steps;
  const named = steps.find((step) => step.id === whatBroke?.stepId);
  const withTips = [named, ...steps].find((step) => step?.kind === 'generate' && step.tips);
  const lines = [
    'Sorry it did not go well. One poor first try is normal; here is what might help next time.',
  ];
  if (withTips?.kind === 'generate' && withTips.tips)
    lines.push(`**The author's tip for "${withTips.title}":** ${withTips.tips}`);

  const sameArea = (await loadWorkflowCandidates(deps, person.tenantId)).filter(
    (candidate) =>
      candidate.definition.skillArea === version.definition.skillArea &&
      candidate.workflow.id !== version.workflowId,
  );
  const [better] = recommendWorkflows({
    person,
    workflows: sameArea,
    usage: await deps.store.sessions.usageByWorkflow(person.tenantId),
    limit: 1,
  });
  if (better)
    lines.push(
      `**A workflow that may suit you better:** ${better.workflow.title} (by ${better.authorName}). Type **find** and its name to start it.`,
    );
  return lines.join('\n\n');
}
