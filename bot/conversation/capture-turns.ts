import type { IAdaptiveCard } from '@microsoft/teams.cards';
import {
  abandonCapture,
  answerCapture,
  CAPTURE_QUESTIONS,
  currentQuestion,
  isAppError,
  mayAuthor,
  startOrResumeCapture,
  type CaptureInterview,
  type Person,
} from '../../core';
import type { BotDependencies } from '../bot-dependencies';
import { acceptsFile, captureDraftingCard, captureQuestionCard, noticeCard } from '../cards';
import { captureSummaryMessage } from './capture-summary';
import type { FileAttachment } from './handle-file';
import { cardMessage, text, type Outgoing } from './outgoing';

export const CAPTURE_COMMAND = /^\/?capture(?:\s+my\s+workflow)?$/i;
const STOP = /^(stop|cancel|quit|abandon)$/i;
/** Typed commands that keep their usual meaning during an interview (the interview waits for the next answer). */
const PASS_THROUGH =
  /^(help|hi|hello|hey|home|menu|start|workflows|\?|status|where am i|resume|continue|(find|search|browse)\b.*)$/is;

const viewerOf = (person: Person) => ({ person, roles: person.roles });

function questionMessage(interview: CaptureInterview, above?: string): Outgoing[] {
  const question = currentQuestion(interview);
  if (!question) return [cardMessage(captureDraftingCard(), above)];
  const card = captureQuestionCard({
    question,
    number: CAPTURE_QUESTIONS.indexOf(question) + 1,
    total: CAPTURE_QUESTIONS.length,
    interviewId: interview.id,
  });
  return [cardMessage(card, above)];
}

/** "Capture my workflow" (typed or the home card's button): starts the interview or picks it up where it was. */
export async function startCaptureTurn(deps: BotDependencies, person: Person): Promise<Outgoing[]> {
  try {
    const { interview, resumed } = await startOrResumeCapture({ ...deps, viewer: viewerOf(person) });
    if (interview.status === 'drafting') return [cardMessage(captureDraftingCard())];
    if (interview.status === 'drafted')
      return [
        text('The AI model has not delivered a draft, so here is the draft built from your answers.'),
        await captureSummaryMessage(deps, person.tenantId, interview),
      ];
    return questionMessage(
      interview,
      resumed
        ? 'Picking up your interview where you left it.'
        : "Let's capture how you work, one question at a time. I'll draft a workflow from your answers; nothing is published until you say so.",
    );
  } catch (error) {
    if (isAppError(error) && (error.code === 'forbidden' || error.code === 'conflict'))
      return [text(error.message)];
    throw error;
  }
}

/**
 * The interview that should take this typed text or file: one still being answered, and more recent than
 * the person's current session (starting or continuing a session hands typed text back to it).
 */
async function interviewInFocus(deps: BotDependencies, person: Person): Promise<CaptureInterview | null> {
  // Only authors can answer an interview; someone without the role (most people) has none to look up, and one
  // who lost it keeps using Practica as everyone else does instead of having every message refused.
  if (!mayAuthor(viewerOf(person))) return null;
  const interview = await deps.store.captureInterviews.findOpenForAuthor(person.tenantId, person.id);
  if (interview?.status !== 'interviewing') return null;
  const session = await deps.store.sessions.findCurrentForPerson(person.tenantId, person.id);
  if (session && session.updatedAt > interview.updatedAt) return null;
  return interview;
}

/** Typed text during an interview; null when it is not the interview's (the usual handling applies). */
export async function handleCaptureText(
  deps: BotDependencies,
  person: Person,
  message: string,
  activityId: string | undefined,
): Promise<Outgoing[] | null> {
  if (CAPTURE_COMMAND.test(message.trim())) return startCaptureTurn(deps, person);
  if (PASS_THROUGH.test(message.trim())) return null;
  const interview = await interviewInFocus(deps, person);
  if (!interview) return null;
  if (STOP.test(message.trim())) return stopCapture(deps, person, interview);
  return answer(deps, person, interview, message, activityId);
}

/** A file attached during an interview, at a question that takes one: its text is the answer. */
export async function handleCaptureFile(
  deps: BotDependencies,
  person: Person,
  file: FileAttachment,
  activityId: string | undefined,
): Promise<Outgoing[] | null> {
  const interview = await interviewInFocus(deps, person);
  if (!interview) return null;
  const question = currentQuestion(interview);
  if (!question || !acceptsFile(question))
    return [text('This question wants a typed answer, not a file.'), ...questionMessage(interview)];
  if (!deps.readAttachment) return [text('Files cannot be read here; please paste the text instead.')];
  try {
    const read = await deps.readAttachment(file);
    return answer(deps, person, interview, read.text, activityId, `Read **${file.name}**.`);
  } catch (error) {
    if (isAppError(error) && error.code === 'invalid_input')
      return [text(error.message), ...questionMessage(interview)];
    throw error;
  }
}

export async function stopCapture(
  deps: BotDependencies,
  person: Person,
  interview: CaptureInterview,
): Promise<Outgoing[]> {
  if (interview.authorId !== person.id || interview.status !== 'interviewing')
    return [text('That interview is already finished.')];
  await abandonCapture({ ...deps, interview });
  return [
    text(
      interview.workflowId
        ? `Stopped. What you told me is kept as a draft: [finish it in the tab](${deps.workflowEditUrl(interview.workflowId)}), or type **capture my workflow** to start a new interview.`
        : 'Stopped. Type **capture my workflow** whenever you want to start again.',
    ),
  ];
}

async function answer(
  deps: BotDependencies,
  person: Person,
  interview: CaptureInterview,
  message: string,
  activityId: string | undefined,
  above?: string,
): Promise<Outgoing[]> {
  let next: Awaited<ReturnType<typeof answerCapture>>;
  try {
    next = await answerCapture({
      ...deps,
      viewer: viewerOf(person),
      interview,
      answer: message,
      llmAvailable: deps.llmAvailable,
      ...(activityId ? { activityId } : {}),
    });
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === 'conflict') {
      const fresh = await deps.store.captureInterviews.get(person.tenantId, interview.id);
      return fresh?.status === 'interviewing' ? questionMessage(fresh, error.message) : [text(error.message)];
    }
    if (['invalid_input', 'payload_too_large', 'forbidden'].includes(error.code))
      return questionMessage(interview, error.message);
    throw error;
  }
  if (next === 'duplicate') return [];
  if (next.status === 'interviewing') return questionMessage(next, above);
  if (next.status === 'drafting') return [cardMessage(captureDraftingCard(), above)];
  return [await captureSummaryMessage(deps, person.tenantId, next)];
}

/** The home card's "Capture my workflow" and a question card's "Stop here", answered as a card turn. */
export async function handleCaptureCommand(
  deps: BotDependencies,
  person: Person,
  command: { op: 'capture' } | { op: 'capture_stop'; interviewId: string },
): Promise<{ card: IAdaptiveCard; before: Outgoing[] }> {
  let messages: Outgoing[];
  if (command.op === 'capture') messages = await startCaptureTurn(deps, person);
  else {
    const interview = await deps.store.captureInterviews.get(person.tenantId, command.interviewId);
    messages =
      interview && interview.authorId === person.id
        ? await stopCapture(deps, person, interview)
        : [text('That interview is not yours or no longer exists.')];
  }
  const last = messages.at(-1);
  if (last?.kind === 'card')
    return { card: last.card, before: [...messages.slice(0, -1), ...(last.text ? [text(last.text)] : [])] };
  return {
    card: noticeCard(messages.map((message) => (message.kind === 'text' ? message.text : '')).join('\n\n')),
    before: [],
  };
}
