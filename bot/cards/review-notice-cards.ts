import { button, buttons, card, heading, paragraph, subtle } from './card-kit';

export type ReviewNotice = {
  reviewerName: string;
  workflowTitle: string;
  meanScore: number;
  scores: { criterion: string; score: number }[];
  comment: string | null;
};

/** Tells an employee their shared deliverable was reviewed: the scores per criterion and the reviewer's comment. */
export function reviewNoticeCard(notice: ReviewNotice) {
  return card(
    heading(`Your deliverable was reviewed: ${notice.workflowTitle}`),
    paragraph(`${notice.reviewerName} scored it ${notice.meanScore.toFixed(1)} of 5.`),
    ...notice.scores.map(({ criterion, score }) => subtle(`${criterion}: ${score} of 5`)),
    ...(notice.comment ? [paragraph(`“${notice.comment}”`)] : []),
    subtle('A reviewer’s score counts for your level ahead of your own rating.'),
    buttons(button('Home', { op: 'home' })),
  );
}

/** Tells a manager or workflow author that a deliverable now awaits their review. */
export function shareNoticeCard(notice: { ownerName: string; workflowTitle: string; asAuthor: boolean }) {
  return card(
    heading(`A deliverable to review: ${notice.workflowTitle}`),
    paragraph(
      notice.asAuthor
        ? `${notice.ownerName} ran your workflow and shared the deliverable for your review.`
        : `${notice.ownerName} shared their deliverable with you for review.`,
    ),
    subtle('Open the Practica tab, Reviews, to score it against the workflow’s rubric.'),
  );
}
