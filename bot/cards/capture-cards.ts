import { ActionSet, OpenUrlAction, type CardElement } from '@microsoft/teams.cards';
import type { CaptureQuestionId, WorkflowDefinition, WorkflowProblem } from '../../core';
import { button, buttons, card, document, heading, paragraph, reveal, subtle, warning } from './card-kit';

const QUESTIONS: Record<CaptureQuestionId, { ask: string; hint: string }> = {
  task: {
    ask: 'What task does this workflow do? One sentence is enough.',
    hint: 'For example: "Write the monthly variance commentary for the management pack".',
  },
  audience: {
    ask: 'Who is it for: who does this task, and who uses the result?',
    hint: 'For example: "Finance analysts; the CFO reads it".',
  },
  material: {
    ask: 'What material do you start from? One kind per line.',
    hint: "For example: this month's trial balance, last month's commentary. Each becomes something a colleague pastes or attaches.",
  },
  steps: {
    ask: 'What steps do you take? One per line, in order.',
    hint: 'Name the steps where your AI tool helps; up to 9.',
  },
  prompts: {
    ask: 'Which prompts do you use with your AI tool? Paste them, a blank line between prompts, in the order of your steps.',
    hint: 'Reply **skip** if you write them fresh each time.',
  },
  goodResult: {
    ask: 'What does a good result get right? Three to five things, one per line.',
    hint: 'These become the checklist and the rubric colleagues rate their result on.',
  },
  manualMinutes: {
    ask: 'How long does this take you by hand, without AI?',
    hint: 'In minutes or hours, e.g. "90" or "2 hours".',
  },
  example: {
    ask: 'Last one: paste or attach an example of a finished result, or reply **skip**.',
    hint: 'Colleagues see it beside their own deliverable.',
  },
};

const FILE_QUESTIONS: readonly CaptureQuestionId[] = ['material', 'steps', 'prompts', 'example'];

export const acceptsFile = (question: CaptureQuestionId) => FILE_QUESTIONS.includes(question);

/** One question of the capture interview, with where the author is and how to stop. */
export function captureQuestionCard(model: {
  question: CaptureQuestionId;
  number: number;
  total: number;
  interviewId: string;
}) {
  const { ask, hint } = QUESTIONS[model.question];
  return card(
    subtle(`Capturing your workflow · question ${model.number} of ${model.total}`),
    paragraph(`**${ask}**`),
    subtle(hint),
    subtle(
      acceptsFile(model.question)
        ? 'Type or paste your answer, or attach a file. Type **stop** to stop; what you said so far is kept as a draft.'
        : 'Type your answer. Type **stop** to stop; what you said so far is kept as a draft.',
    ),
    buttons(button('Stop here', { op: 'capture_stop', interviewId: model.interviewId }, 'destructive')),
  );
}

export function captureDraftingCard() {
  return card(
    heading('Drafting your workflow…'),
    paragraph("Thank you. I'm turning your answers into a draft; I'll post it here when it is ready."),
  );
}

export type CaptureSummaryModel = {
  workflowId: string;
  editUrl: string;
  /** The saved draft when it passes the editor's validation; null when it still has problems. */
  definition: WorkflowDefinition | null;
  title: string;
  problems: WorkflowProblem[];
  source: 'llm' | 'template';
  /** In bring-your-own-AI mode: a prompt the author can run in their own AI tool to improve the draft. */
  byoPrompt: string | null;
  /** Why the draft is not the model's, when the model's draft failed validation. */
  note?: string;
};

const KIND_LABELS = {
  input: 'material',
  generate: 'AI step',
  verify: 'check',
  deliverable: 'deliverable',
} as const;
const MAX_PROMPT_ON_CARD = 12_000;

const problemList = (problems: WorkflowProblem[]) =>
  problems
    .slice(0, 5)
    .map((problem) => `- ${problem.path}: ${problem.message}`)
    .join('\n');

/** The captured draft: what it holds, whether it passes validation, and where to finish it. Nothing is published. */
export function captureSummaryCard(model: CaptureSummaryModel) {
  const items: CardElement[] = [heading(`Your draft: ${model.title}`)];
  if (model.note) items.push(subtle(model.note));
  const { definition } = model;
  if (definition) {
    items.push(
      paragraph(definition.summary),
      paragraph(
        definition.steps
          .map((step, index) => `${index + 1}. ${step.title} (${KIND_LABELS[step.kind]})`)
          .join('\n'),
      ),
      paragraph(`**Rubric:** ${definition.rubric.map((criterion) => criterion.criterion).join('; ')}`),
      subtle(`About ${definition.manualMinutes} minutes by hand. The draft passes the editor's checks.`),
    );
  } else {
    items.push(
      warning('The draft still has problems to fix in the editor:'),
      paragraph(problemList(model.problems)),
    );
  }
  items.push(
    subtle(
      model.source === 'llm'
        ? 'Drafted by the AI model from your answers.'
        : "Built from your answers. Review the prompts: they are your own words, bound to your colleagues' material.",
    ),
    subtle('It is saved as a draft only: nobody sees it until you publish it from the editor.'),
  );
  if (model.byoPrompt !== null) {
    const prompt =
      model.byoPrompt.length <= MAX_PROMPT_ON_CARD
        ? model.byoPrompt
        : 'Your answers are too long to show the prompt here; improve the draft in the editor instead.';
    items.push(
      buttons(
        reveal(
          'Improve it with your own AI',
          card(
            paragraph(
              'Run this prompt in your AI tool (e.g. Microsoft 365 Copilot), then paste the JSON it returns into the editor.',
            ),
            document(prompt),
          ),
        ),
      ),
    );
  }
  items.push(
    new ActionSet(
      // Only a draft that passes the checks can be tried; the button re-checks the draft as saved by then.
      ...(definition
        ? [button('Try it yourself', { op: 'try_draft', workflowId: model.workflowId }, 'positive')]
        : []),
      new OpenUrlAction(model.editUrl, { title: 'Finish in the tab' }),
    ),
  );
  return card(...items);
}

/** "Try it yourself" on a draft that does not pass the checks (yet): its problems, and where to fix them. */
export function trialRefusedCard(model: { title: string; problems: WorkflowProblem[]; editUrl: string }) {
  return card(
    heading(`Your draft: ${model.title}`),
    warning('The draft cannot be tried yet: fix these problems in the editor first.'),
    paragraph(problemList(model.problems)),
    ...(model.problems.length > 5 ? [subtle(`…and ${model.problems.length - 5} more.`)] : []),
    new ActionSet(new OpenUrlAction(model.editUrl, { title: 'Fix it in the tab' })),
  );
}
