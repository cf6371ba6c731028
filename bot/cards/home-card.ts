import { Container, type CardElement } from '@microsoft/teams.cards';
import type { WorkflowSuggestion } from '../../core';
import { button, buttons, card, heading, paragraph, subtle } from './card-kit';
import { workflowEntry } from './workflow-list';

export type HomeCardModel = {
  firstName: string;
  current: {
    sessionId: string;
    workflowTitle: string;
    stepNumber: number;
    stepCount: number;
    awaitingFeedback: boolean;
  } | null;
  suggestions: WorkflowSuggestion[];
  /** Authors and admins are offered "Capture my workflow". */
  canCapture?: boolean;
  /** The bot sends reminders here: offer the card that chooses them. */
  canChooseReminders?: boolean;
};

/** Welcome and "help": what Practica does, where the person left off, and workflows that suit them. */
export function homeCard(model: HomeCardModel) {
  const items: CardElement[] = [
    heading(`Hi ${model.firstName}, I'm Practica.`),
    paragraph(
      'Run a workflow a colleague already uses on your own material, and leave with a real deliverable. Then tell me how it went, so your practice counts.',
    ),
  ];
  if (model.current) {
    items.push(
      new Container(
        paragraph(`**Continue where you left off:** ${model.current.workflowTitle}`),
        subtle(
          model.current.awaitingFeedback
            ? 'Your deliverable is ready; your feedback is all that is left.'
            : `Step ${model.current.stepNumber} of ${model.current.stepCount}`,
        ),
        buttons(button('Continue', { op: 'continue', sessionId: model.current.sessionId }, 'positive')),
      ).withStyle('emphasis'),
    );
  }
  if (model.suggestions.length > 0) {
    items.push(paragraph('**Workflows for you**'));
    items.push(...model.suggestions.map(workflowEntry));
  } else {
    items.push(
      paragraph(
        'No workflows are published for your organisation yet. Ask a senior colleague to capture one.',
      ),
    );
  }
  if (model.canCapture)
    items.push(
      paragraph('**Share how you work:** I can interview you and draft a workflow colleagues can reuse.'),
      buttons(button('Capture my workflow', { op: 'capture' })),
    );
  if (model.canChooseReminders) items.push(buttons(button('My reminders', { op: 'nudges' })));
  items.push(
    subtle(
      'Type **find** and a few words to search workflows, **browse** to pick a skill area, **status** for where you are, and **pause**, **back** or **abandon** during a session.',
    ),
  );
  return card(...items);
}
