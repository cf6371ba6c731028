import { AppError } from '../errors';

/** What the interview asks, in order; each answer is kept as the author wrote it. */
export const CAPTURE_QUESTIONS = [
  'task',
  'audience',
  'material',
  'steps',
  'prompts',
  'goodResult',
  'manualMinutes',
  'example',
] as const;

export type CaptureQuestionId = (typeof CAPTURE_QUESTIONS)[number];

export type CaptureStatus = 'interviewing' | 'drafting' | 'drafted' | 'abandoned';

/**
 * One author's capture in progress. Stored with a version number and written by compare-and-set, like a
 * session, so a restart or a second instance answering the next message continues the same interview.
 */
export type CaptureInterview = {
  id: string;
  tenantId: string;
  authorId: string;
  /** The workflow draft the interview fills; created with the first answer so abandoning leaves a draft. */
  workflowId: string | null;
  status: CaptureStatus;
  answers: Partial<Record<CaptureQuestionId, string>>;
  /** How the draft was made once the answers were in (null while interviewing). */
  draftedWith: 'llm' | 'template' | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

/** Longest answer kept; a longer paste is refused with this limit named, and the interview stays where it was. */
export const MAX_ANSWER_CHARS = 20_000;
export const MAX_MATERIAL_ITEMS = 10;
export const MAX_AUTHOR_STEPS = 9;

export function startInterview(options: {
  id: string;
  tenantId: string;
  authorId: string;
  now: Date;
}): CaptureInterview {
  return {
    id: options.id,
    tenantId: options.tenantId,
    authorId: options.authorId,
    workflowId: null,
    status: 'interviewing',
    answers: {},
    draftedWith: null,
    version: 1,
    createdAt: options.now,
    updatedAt: options.now,
  };
}

/** The question still to answer, or null once every question has an answer. */
export function currentQuestion(interview: CaptureInterview): CaptureQuestionId | null {
  return CAPTURE_QUESTIONS.find((question) => interview.answers[question] === undefined) ?? null;
}

/** The answer's lines, trimmed, blanks and list markers ("-", "*", "1.") dropped. */
export function answerLines(answer: string | undefined): string[] {
  return (answer ?? '')
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
    .filter((line) => line !== '');
}

const SKIP = /^(skip|none|no|n\/a|-)$/i;

/**
 * Records the answer to the current question and moves to the next; a bad answer is AppError('invalid_input')
 * with a sentence for the author, and the interview is left unchanged so they can answer again.
 */
export function answerQuestion(interview: CaptureInterview, answer: string, now: Date): CaptureInterview {
  if (interview.status !== 'interviewing')
    throw new AppError(
      'conflict',
      'This interview is finished; type **capture my workflow** to start another.',
    );
  const question = currentQuestion(interview);
  if (!question) throw new AppError('conflict', 'Every question is answered already.');
  const text = answer.trim();
  if (text === '') throw new AppError('invalid_input', 'The answer is empty; type it or paste it.');
  if (text.length > MAX_ANSWER_CHARS)
    throw new AppError(
      'payload_too_large',
      `That answer is ${text.length.toLocaleString('en')} characters; the limit is ${MAX_ANSWER_CHARS.toLocaleString('en')}. Paste the part that matters most.`,
    );
  const stored = checkAnswer(question, text);
  return {
    ...interview,
    answers: { ...interview.answers, [question]: stored },
    version: interview.version + 1,
    updatedAt: now,
  };
}

/** Marks every question answered and hands the interview to draft-making. */
export function beginDrafting(interview: CaptureInterview, now: Date): CaptureInterview {
  if (interview.status !== 'interviewing' || currentQuestion(interview) !== null)
    throw new AppError('conflict', 'The interview is not ready for a draft yet.');
  return { ...interview, status: 'drafting', version: interview.version + 1, updatedAt: now };
}

export function finishDrafting(
  interview: CaptureInterview,
  draftedWith: 'llm' | 'template',
  now: Date,
): CaptureInterview {
  return { ...interview, status: 'drafted', draftedWith, version: interview.version + 1, updatedAt: now };
}

export function abandonInterview(interview: CaptureInterview, now: Date): CaptureInterview {
  return { ...interview, status: 'abandoned', version: interview.version + 1, updatedAt: now };
}

function checkAnswer(question: CaptureQuestionId, text: string): string {
  switch (question) {
    case 'material': {
      const items = answerLines(text);
      if (items.length > MAX_MATERIAL_ITEMS)
        throw new AppError(
          'invalid_input',
          `That is ${items.length} kinds of material; name at most ${MAX_MATERIAL_ITEMS}, one per line.`,
        );
      return text;
    }
    case 'steps': {
      const steps = answerLines(text);
      if (steps.length > MAX_AUTHOR_STEPS)
        throw new AppError(
          'invalid_input',
          `That is ${steps.length} steps; group them into at most ${MAX_AUTHOR_STEPS}, one per line.`,
        );
      return text;
    }
    case 'goodResult': {
      const criteria = answerLines(text);
      if (criteria.length < 3 || criteria.length > 5)
        throw new AppError(
          'invalid_input',
          `Give 3 to 5 things a good result gets right, one per line (you gave ${criteria.length}).`,
        );
      return text;
    }
    case 'manualMinutes': {
      const minutes = parseMinutes(text);
      if (minutes === null)
        throw new AppError(
          'invalid_input',
          'Give the time by hand in minutes or hours, between 1 minute and 40 hours (e.g. "90" or "2 hours").',
        );
      return String(minutes);
    }
    case 'prompts':
    case 'example':
      return SKIP.test(text) ? '' : text;
    default:
      return text;
  }
}

/** "90", "90 minutes", "2 hours", "1.5 h" → minutes; null outside 1..2400. */
export function parseMinutes(text: string): number | null {
  const match = /^(\d+(?:[.,]\d+)?)\s*(m|min|mins|minutes?|h|hrs?|hours?)?\.?$/i.exec(text.trim());
  if (!match?.[1]) return null;
  const value = Number(match[1].replace(',', '.'));
  const minutes = Math.round(/^h/i.test(match[2] ?? '') ? value * 60 : value);
  return minutes >= 1 && minutes <= 2_400 ? minutes : null;
}
