import { Container } from '@microsoft/teams.cards';
import type { SkillArea, WorkflowSuggestion } from '../../core';
import { button, buttons, card, heading, paragraph, subtle } from './card-kit';

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

/** One workflow to pick: its title, why it is offered, who wrote it and what colleagues got from it. */
export function workflowEntry(suggestion: WorkflowSuggestion): Container {
  return new Container(
    paragraph(`**${suggestion.workflow.title}**`),
    subtle(`${suggestion.reason} · ${socialProof(suggestion)}`),
    paragraph(suggestion.workflow.summary),
    buttons(button('Start', { op: 'start', workflowId: suggestion.workflow.id })),
  ).withSeparator(true);
}

/** Search and browse results. */
export function workflowListCard(title: string, suggestions: WorkflowSuggestion[], emptyText: string) {
  return card(
    heading(title),
    ...(suggestions.length > 0 ? suggestions.map(workflowEntry) : [paragraph(emptyText)]),
    subtle('Type **find** followed by words (e.g. "find variance"), or **browse** to pick a skill area.'),
  );
}

export function skillAreasCard(areas: SkillArea[]) {
  return card(
    heading('Browse workflows by skill area'),
    buttons(...areas.map((area) => button(area.name, { op: 'browse', skillArea: area.id }))),
  );
}
