import type { DomainEvent } from '../events';
import { HEAVY_EDIT_RATIO } from '../sessions/edit-ratio';

export type StepInsight = {
  stepId: string;
  title: string;
  kind: string;
  /** Times the step was finished in the period. */
  completions: number;
  /** Regenerations asked for in all those completions, and in how many completions there was at least one. */
  regenerations: number;
  completionsRegenerated: number;
  regeneratedShare: number | null;
  /** Completions whose output the employee edited, and those where editRatio ≥ HEAVY_EDIT_RATIO. */
  edited: number;
  heavilyEdited: number;
  heavilyEditedShare: number | null;
  /** "What broke" answers naming this step: how many, and their text (null when withheld). */
  whatBrokeCount: number;
  whatBroke: string[] | null;
};

export type WorkflowInsightFigures = {
  adoption: {
    sessionsStarted: number;
    sessionsCompleted: number;
    sessionsAbandoned: number;
    completionRate: number | null;
    /** Distinct people who started it in the period, and colleagues (not the author) who completed it. */
    people: number;
    colleaguesCompleted: number;
  };
  /** Null when fewer than the minimum group ran it: scores would point at someone. */
  quality: {
    scoredSessions: number;
    sessionsMeetingBar: number;
    shareMeetingBar: number | null;
    meanScore: number | null;
    reviewedSessions: number;
  } | null;
  minutesSaved: { total: number; medianPerSession: number | null };
  steps: StepInsight[];
  /** "What broke" answers that named no step (null when withheld). */
  whatBrokeGeneral: string[] | null;
  withheld: string | null;
};

type StepDefinition = { id: string; title: string; kind: string };

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * What an author learns about one workflow over a period, from its events (every version): adoption, quality,
 * minutes saved and, per step of the latest version, regenerations, heavy edits and "what broke" answers.
 * Nothing names a person. Quality and the answers' text are left out when fewer than `minimumGroup` people
 * ran it in the period.
 */
export function workflowInsights(options: {
  events: readonly DomainEvent[];
  steps: readonly StepDefinition[];
  authorId: string;
  qualityBar: number;
  period: { start: Date; end: Date };
  minimumGroup: number;
}): WorkflowInsightFigures {
  const { start, end } = options.period;
  const inPeriod = (event: DomainEvent) => event.occurredAt >= start && event.occurredAt < end;
  const ordered = [...options.events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const started = ordered.filter((event) => event.type === 'session.started' && inPeriod(event));
  const people = new Set(started.map((event) => event.personId));
  const completed = ordered.filter((event) => event.type === 'session.completed' && inPeriod(event));
  const completedIds = new Set(completed.map((event) => event.sessionId));
  const rated = new Map<string, Record<string, unknown>>();
  const reviewed = new Map<string, number>();
  for (const event of ordered) {
    if (!event.sessionId || !completedIds.has(event.sessionId)) continue;
    if (event.type === 'session.rated') rated.set(event.sessionId, event.data);
    const score = num(event.data['meanScore']);
    if (event.type === 'session.reviewed' && score !== null) reviewed.set(event.sessionId, score);
  }
  const scores: number[] = [];
  const saved: number[] = [];
  for (const event of completed) {
    const id = event.sessionId ?? '';
    const feedback = rated.get(id);
    const score = reviewed.get(id) ?? (feedback ? num(feedback['meanRating']) : null);
    if (score !== null) scores.push(score);
    const manual = (feedback && num(feedback['manualMinutes'])) ?? num(event.data['manualMinutes']) ?? 0;
    const actual = (feedback && num(feedback['minutesTaken'])) ?? num(event.data['activeMinutes']) ?? 0;
    saved.push(manual - actual);
  }
  const shown = people.size >= options.minimumGroup;
  const notes = ordered
    .filter((event) => event.type === 'session.rated' && inPeriod(event))
    .map((event) => event.data['whatBroke'])
    .filter(
      (value): value is { stepId: string | null; text: string } =>
        typeof value === 'object' && value !== null && typeof (value as { text?: unknown }).text === 'string',
    );
  const stepEvents = ordered.filter((event) => event.type === 'session.step_completed' && inPeriod(event));

  const steps: StepInsight[] = options.steps.map((step) => {
    const mine = stepEvents.filter((event) => event.data['stepId'] === step.id);
    const regenerations = mine.map((event) => num(event.data['regenerations']) ?? 0);
    const edited = mine.filter((event) => event.data['outputSource'] === 'edited');
    const heavy = edited.filter((event) => (num(event.data['editRatio']) ?? 0) >= HEAVY_EDIT_RATIO);
    const broke = notes.filter((note) => note.stepId === step.id);
    return {
      stepId: step.id,
      title: step.title,
      kind: step.kind,
      completions: mine.length,
      regenerations: regenerations.reduce((sum, value) => sum + value, 0),
      completionsRegenerated: regenerations.filter((value) => value > 0).length,
      regeneratedShare: share(regenerations.filter((value) => value > 0).length, mine.length),
      edited: edited.length,
      heavilyEdited: heavy.length,
      heavilyEditedShare: share(heavy.length, mine.length),
      whatBrokeCount: broke.length,
      whatBroke: shown ? broke.map((note) => note.text) : null,
    };
  });
  const stepIds = new Set(options.steps.map((step) => step.id));
  const general = notes.filter((note) => note.stepId === null || !stepIds.has(note.stepId));

  return {
    adoption: {
      sessionsStarted: started.length,
      sessionsCompleted: completed.length,
      sessionsAbandoned: ordered.filter((event) => event.type === 'session.abandoned' && inPeriod(event))
        .length,
      completionRate: share(completed.length, started.length),
      people: people.size,
      colleaguesCompleted: new Set(
        completed.filter((event) => event.personId !== options.authorId).map((event) => event.personId),
      ).size,
    },
    quality: shown
      ? {
          scoredSessions: scores.length,
          sessionsMeetingBar: scores.filter((score) => score >= options.qualityBar).length,
          shareMeetingBar: share(
            scores.filter((score) => score >= options.qualityBar).length,
            completed.length,
          ),
          meanScore: scores.length > 0 ? scores.reduce((sum, value) => sum + value, 0) / scores.length : null,
          reviewedSessions: reviewed.size,
        }
      : null,
    minutesSaved: { total: saved.reduce((sum, value) => sum + value, 0), medianPerSession: median(saved) },
    steps,
    whatBrokeGeneral: shown ? general.map((note) => note.text) : null,
    withheld: shown
      ? null
      : `Scores and "what broke" answers are shown once ${options.minimumGroup} or more people have run it in the period; ${people.size} have.`,
  };
}
