import { Container, type CardElement } from '@microsoft/teams.cards';
import type { WorkflowSuggestion } from '../../core';
import { button, buttons, card, heading, paragraph, subtle } from './card-kit';

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
};

export function socialProof(suggestion: WorkflowSuggestion): string {
  const { usage, authorName } = suggestion;
  const parts = [`by ${authorName}`];
  parts.push(
    usage.colleagues === 1 ? '1 colleague completed it' : `${usage.colleagues} colleagues completed it`,
  );
  if (usage.medianMinutesSaved !== null) parts.push(`saves ${usage.medianMinutesSaved} min (median)`);
  if (usage.meanRating !== null) parts.push(`quality ${usage.meanRating.toFixed(1)}/5`);
  return parts.join(' · ');
}

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
    for (const suggestion of model.suggestions) {
      items.push(
        new Container(
          paragraph(`**${suggestion.workflow.title}**`),
          subtle(`${suggestion.reason} · ${socialProof(suggestion)}`),
          paragraph(suggestion.workflow.summary),
          buttons(button('Start', { op: 'start', workflowId: suggestion.workflow.id })),
        ).withSeparator(true),
      );
    }
  } else {
    items.push(
      paragraph(
        'No workflows are published for your organisation yet. Ask a senior colleague to capture one.',
      ),
    );
  }
  items.push(
    subtle(
      'Type **help** for this card, **status** for where you are, **pause**, **back** or **abandon** during a session.',
    ),
  );
  return card(...items);
}
