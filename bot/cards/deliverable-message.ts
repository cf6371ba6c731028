import { ActionSet, OpenUrlAction } from '@microsoft/teams.cards';
import { card, document, heading, subtle } from './card-kit';

/**
 * Past this length a deliverable is not sent as a chat message: Teams refuses messages over ~100 KB, and long
 * before that a wall of text is hard to read or copy. It goes as a summary card linking to the tab instead.
 */
export const LONG_DELIVERABLE_CHARS = 6_000;
const SUMMARY_CHARS = 700;

/** The deliverable as a plain message the employee can copy; it is also kept with the session. */
export function deliverableMessage(workflowTitle: string, deliverable: string): string {
  return [`**Your deliverable: ${workflowTitle}**`, '', deliverable].join('\n');
}

function summaryOf(deliverable: string): string {
  if (deliverable.length <= SUMMARY_CHARS) return deliverable;
  const cut = deliverable.slice(0, SUMMARY_CHARS);
  const paragraphEnd = cut.lastIndexOf('\n\n');
  return `${(paragraphEnd > SUMMARY_CHARS / 2 ? cut.slice(0, paragraphEnd) : cut).trimEnd()}…`;
}

export function longDeliverableCard(workflowTitle: string, deliverable: string, url: string) {
  const words = deliverable.split(/\s+/).filter(Boolean).length;
  return card(
    heading(`Your deliverable: ${workflowTitle}`),
    subtle(
      `${words.toLocaleString('en-GB')} words: too long for a chat message. Open it in Practica to read, copy or download it as Word or Markdown.`,
    ),
    document(summaryOf(deliverable)),
    new ActionSet(new OpenUrlAction(url, { title: 'Open the full deliverable' })),
  );
}
