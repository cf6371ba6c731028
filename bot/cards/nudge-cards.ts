import { MIN_GROUP_SIZE, NUDGE_KIND_NAMES, type NudgeKind, type NudgeMessage } from '../../core';
import { ActionSet, OpenUrlAction } from '@microsoft/teams.cards';
import { button, buttons, card, heading, paragraph, subtle } from './card-kit';

const quoted = (title: string) => `“${title}”`;
const count = (value: number, noun: string) => `${value} ${noun}${value === 1 ? '' : 's'}`;
const NOTES_SHOWN = 3;
const clipped = (text: string) => (text.length > 200 ? `${text.slice(0, 199)}…` : text);
const hours = (value: number) => `${value.toFixed(1).replace(/\.0$/, '')} h`;

/** How to turn this kind (or every nudge) off, on every nudge. */
export function nudgeOptOutLine(kind: NudgeKind): string {
  return `Reply “stop ${NUDGE_KIND_NAMES[kind]}” to stop these, or “stop nudges” to stop all reminders.`;
}

/** The card a nudge sends; what it says was worked out in core/nudges when it went out. */
export function nudgeCard(message: NudgeMessage, links: { reviewsUrl: string }) {
  switch (message.kind) {
    case 'low_rating_follow_up': {
      const { colleagues } = message;
      return card(
        heading(`${quoted(message.workflowTitle)} did not go well yesterday: worth one more try`),
        paragraph(
          message.brokenStep
            ? `You said “${message.brokenStep}” was where it broke. What most often fixes it:`
            : 'What most often fixes it:',
        ),
        ...(message.tips.length > 0
          ? message.tips.map((tip) => paragraph(`${tip.stepTitle}: ${tip.tip}`))
          : [
              paragraph(
                'Give the AI more of your own context in the inputs, and edit the draft before accepting it.',
              ),
            ]),
        ...(colleagues.completions > 0
          ? [
              subtle(
                `Colleagues completed it ${colleagues.completions} ${colleagues.completions === 1 ? 'time' : 'times'}` +
                  (colleagues.meanRating === null
                    ? '.'
                    : `, rating it ${colleagues.meanRating.toFixed(1)} of 5 on average.`),
              ),
            ]
          : []),
        buttons(button('Try it again', { op: 'start', workflowId: message.workflowId }, 'positive')),
        subtle(nudgeOptOutLine(message.kind)),
      );
    }
    case 'toward_l2':
      return card(
        heading(`One more run of ${quoted(message.workflowTitle)} this week makes it a habit`),
        paragraph(
          `You have run it ${message.runs === 1 ? 'once' : 'twice'}. Running it again in a different week is what turns a first try into practice (Level 2).`,
        ),
        buttons(
          button(
            `Start ${message.workflowTitle}`,
            { op: 'start', workflowId: message.workflowId },
            'positive',
          ),
        ),
        subtle(nudgeOptOutLine(message.kind)),
      );
    case 'author_reuse':
      return card(
        heading(`Your workflow ${quoted(message.workflowTitle)} was reused`),
        paragraph(
          message.reusesThisWeek === 1
            ? 'A colleague completed it this week.'
            : `Colleagues completed it ${message.reusesThisWeek} times this week.`,
        ),
        subtle('The Workflows page in the Practica tab shows its ratings and what broke, step by step.'),
        subtle(nudgeOptOutLine(message.kind)),
      );
    case 'lapse_warning':
      return card(
        heading(`Your Level ${message.level} in ${message.skillAreaName} lapses on ${message.lapsesOn}`),
        paragraph(
          message.workflow
            ? `One run of ${quoted(message.workflow.title)} before then keeps it.`
            : `One workflow run in ${message.skillAreaName} before then keeps it.`,
        ),
        buttons(
          message.workflow
            ? button(
                `Start ${message.workflow.title}`,
                { op: 'start', workflowId: message.workflow.id },
                'positive',
              )
            : button('Browse workflows', { op: 'browse' }),
        ),
        subtle(nudgeOptOutLine('lapse_warning')),
      );
    case 'social_proof':
      return card(
        heading(`What colleagues in ${message.department} rated highly`),
        ...message.workflows.flatMap((workflow) => [
          paragraph(
            workflow.people === null
              ? `Colleagues in ${message.department} used ${quoted(workflow.workflowTitle)} in the last 7 days and rated it highly.`
              : `${workflow.people} people in ${message.department} used ${quoted(workflow.workflowTitle)} in the last 7 days` +
                  (workflow.hoursSavedEach === null
                    ? ', rating it highly.'
                    : `, saving ${hours(workflow.hoursSavedEach)} each.`),
          ),
          buttons(
            button(`Start ${workflow.workflowTitle}`, { op: 'start', workflowId: workflow.workflowId }),
          ),
        ]),
        subtle(nudgeOptOutLine(message.kind)),
      );
    case 'author_summary':
      return card(
        heading('Your workflows in the last 7 days'),
        ...message.workflows.flatMap((workflow) => [
          paragraph(
            `**${quoted(workflow.workflowTitle)}**: ${count(workflow.started, 'run')} started, ${workflow.completed} completed` +
              (workflow.colleaguesCompleted > 0
                ? ` (by ${count(workflow.colleaguesCompleted, 'colleague')}).`
                : '.') +
              (workflow.meanScore === null ? '' : ` Mean score ${workflow.meanScore.toFixed(1)} of 5.`),
          ),
          ...workflow.whatBroke.map((broke) => {
            const where = broke.stepTitle === null ? 'no step named' : quoted(broke.stepTitle);
            return broke.notes === null
              ? paragraph(
                  `“What broke” named ${where} ${broke.count === 1 ? 'once' : `${broke.count} times`}.`,
                )
              : paragraph(
                  `What broke (${where}): ${broke.notes
                    .slice(0, NOTES_SHOWN)
                    .map((note) => quoted(clipped(note)))
                    .join('; ')}`,
                );
          }),
          ...(workflow.withheld
            ? [subtle(`Scores and notes are shown when ${MIN_GROUP_SIZE} or more people ran it in the week.`)]
            : []),
        ]),
        subtle('The Workflows page in the Practica tab shows each step’s regenerations and edits.'),
        subtle(nudgeOptOutLine(message.kind)),
      );
    case 'manager_digest':
      return card(
        heading('Your team this week'),
        paragraph(
          `${message.activeReports} of your ${message.reports} ${message.reports === 1 ? 'report' : 'reports'} completed a workflow in the last 7 days.`,
        ),
        ...(message.awaitingReview > 0
          ? [
              paragraph(
                `${message.awaitingReview} ${message.awaitingReview === 1 ? 'deliverable awaits' : 'deliverables await'} your review.`,
              ),
              new ActionSet(new OpenUrlAction(links.reviewsUrl, { title: 'Review in the tab' })),
            ]
          : []),
        ...message.suggestions.map((suggestion) => paragraph(`${suggestion.reportName}: ${suggestion.text}`)),
        subtle(nudgeOptOutLine(message.kind)),
      );
  }
}
