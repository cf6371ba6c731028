import type { SessionAction, WorkflowDefinition, WorkflowStep } from '../../core';
import { scriptFeedback } from './history-feedback';
import { cannedInput, cannedOutput, CORRECTIONS, EDIT_NOTE, REGENERATION_NOTES } from './history-material';
import type { PlannedRun } from './history-plan';
import type { Random } from './history-random';

export type TimedAction = { at: Date; action: SessionAction };

/**
 * What one person does in one session, and when: the employee's actions in bring-your-own-AI mode, each
 * 1–8 minutes after the last (so active time is realistic), ending in feedback, an abandon or a pause.
 */
export function scriptSession(
  definition: WorkflowDefinition,
  run: PlannedRun,
  random: Random,
): TimedAction[] {
  const actions: TimedAction[] = [];
  let at = run.startAt.getTime();
  const act = (minMinutes: number, maxMinutes: number, action: SessionAction) => {
    at += random.int(minMinutes, maxMinutes) * 60_000 + random.int(0, 50) * 1_000;
    actions.push({ at: new Date(at), action });
  };

  const workSteps = definition.steps.filter((step) => step.kind !== 'deliverable');
  const stepsToDo = run.outcome === 'completed' ? workSteps.length : random.int(1, workSteps.length - 1);
  const variant = random.int(0, 2);
  workSteps.slice(0, stepsToDo).forEach((step, index) => {
    scriptStep(step, workSteps[index - 1], definition, variant, random, act);
  });

  if (run.outcome === 'completed')
    act(1, 4, { type: 'submit_feedback', feedback: scriptFeedback(definition, run, random) });
  else if (run.outcome === 'abandoned') act(1, 5, { type: 'abandon' });
  else if (run.outcome === 'paused') act(1, 3, { type: 'pause' });
  return actions;
}

type Act = (minMinutes: number, maxMinutes: number, action: SessionAction) => void;

function scriptStep(
  step: WorkflowStep,
  previous: WorkflowStep | undefined,
  definition: WorkflowDefinition,
  variant: number,
  random: Random,
  act: Act,
): void {
  switch (step.kind) {
    case 'input': {
      const inputs: Record<string, string> = {};
      for (const name of step.inputNames) {
        const input = definition.inputs.find((candidate) => candidate.name === name);
        inputs[name] = cannedInput(name, input?.label ?? name, variant);
      }
      act(2, 6, { type: 'submit_inputs', inputs });
      return;
    }
    case 'generate':
      act(3, 8, { type: 'provide_output', text: cannedOutput(step.id, step.title) });
      return;
    case 'verify':
      // Sometimes the check catches something: back to the answer, then fix it by hand or run the prompt
      // again with a note and paste the new answer; then check again.
      if (previous?.kind === 'generate') {
        const fix = random.weighted([
          ['none', 84],
          ['edit', 8],
          ['regenerate', 8],
        ] as const);
        if (fix !== 'none') act(1, 3, { type: 'back' });
        if (fix === 'edit')
          act(2, 5, {
            type: 'edit_output',
            text: `${cannedOutput(previous.id, previous.title)}\n\n${EDIT_NOTE}`,
          });
        if (fix === 'regenerate') {
          act(1, 2, { type: 'request_generation', note: random.pick(REGENERATION_NOTES) });
          act(3, 8, { type: 'provide_output', text: cannedOutput(previous.id, previous.title) });
        }
      }
      act(2, 8, {
        type: 'complete_verification',
        checked: step.checklist.filter(() => random.chance(0.85)),
        corrections: random.chance(0.2) ? random.pick(CORRECTIONS) : '',
      });
      return;
    default:
      return;
  }
}
