import type { DomainEvent } from '../events';
import type { LevelThresholds } from './level-thresholds';
import { practiceAchievements } from './practice-rule';
import { noFacts, type AdoptionFact, type PracticeRun, type ProficiencyFacts } from './proficiency-facts';

export type WorkflowAuthorship = Map<string, { title: string; authorId: string }>;

/** The event types a level can rest on. */
export const LEVEL_EVIDENCE_EVENTS = [
  'session.completed',
  'session.rated',
  'session.reviewed',
  'certificate.imported',
  'certificate.voided',
  'practice.attested',
] as const satisfies readonly DomainEvent['type'][];

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const number = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

function factsOf(byPerson: Map<string, ProficiencyFacts>, personId: string): ProficiencyFacts {
  let facts = byPerson.get(personId);
  if (!facts) {
    facts = noFacts();
    byPerson.set(personId, facts);
  }
  return facts;
}

/**
 * Every person's proficiency facts from a tenant's events (oldest first): runs with their self-rating and
 * latest review, certificates (voided ones marked), attestations, and the colleagues each author's
 * workflows brought to L2.
 */
export function factsFromEvents(
  events: DomainEvent[],
  workflows: WorkflowAuthorship,
  thresholds: LevelThresholds,
): Map<string, ProficiencyFacts> {
  const byPerson = new Map<string, ProficiencyFacts>();
  const runs = new Map<string, PracticeRun>();
  const certificates = new Map<string, ProficiencyFacts['certificates'][number]>();

  for (const event of events) {
    const personId = event.personId;
    if (!personId) continue;
    switch (event.type) {
      case 'session.completed': {
        if (!event.sessionId || !event.workflowId) break;
        const run: PracticeRun = {
          sessionId: event.sessionId,
          workflowId: event.workflowId,
          workflowTitle: workflows.get(event.workflowId)?.title ?? 'a workflow',
          skillArea: text(event.data.skillArea) ?? '',
          completedAt: event.occurredAt,
          selfScore: null,
          minutesLogged: false,
          review: null,
        };
        runs.set(event.sessionId, run);
        factsOf(byPerson, personId).runs.push(run);
        break;
      }
      case 'session.rated': {
        const run = event.sessionId ? runs.get(event.sessionId) : undefined;
        if (!run) break;
        run.selfScore = number(event.data.meanRating);
        run.minutesLogged = number(event.data.minutesTaken) !== null;
        break;
      }
      case 'session.reviewed': {
        const run = event.sessionId ? runs.get(event.sessionId) : undefined;
        const reviewId = text(event.data.reviewId);
        const meanScore = number(event.data.meanScore);
        if (run && reviewId && meanScore !== null) run.review = { id: reviewId, meanScore };
        break;
      }
      case 'certificate.imported': {
        const id = text(event.data.certificateId);
        if (!id) break;
        const certificate = {
          id,
          skillArea: text(event.data.skillArea),
          issuedAt: new Date(text(event.data.issuedAt) ?? event.occurredAt.toISOString()),
          voided: false,
        };
        certificates.set(id, certificate);
        factsOf(byPerson, personId).certificates.push(certificate);
        break;
      }
      case 'certificate.voided': {
        const certificate = certificates.get(text(event.data.certificateId) ?? '');
        if (certificate) certificate.voided = true;
        break;
      }
      case 'practice.attested': {
        const skillArea = text(event.data.skillArea);
        if (skillArea)
          factsOf(byPerson, personId).attestations.push({ id: event.id, skillArea, at: event.occurredAt });
        break;
      }
      default:
        break;
    }
  }
  addAdoptions(byPerson, workflows, thresholds);
  return byPerson;
}

function addAdoptions(
  byPerson: Map<string, ProficiencyFacts>,
  workflows: WorkflowAuthorship,
  thresholds: LevelThresholds,
): void {
  const adoptions: { authorId: string; fact: AdoptionFact }[] = [];
  for (const [colleagueId, facts] of byPerson) {
    for (const achievement of practiceAchievements(facts.runs, thresholds)) {
      const workflow = workflows.get(achievement.workflowId);
      if (!workflow || workflow.authorId === colleagueId) continue;
      const last = achievement.runs[achievement.runs.length - 1]!;
      adoptions.push({
        authorId: workflow.authorId,
        fact: {
          id: last.sessionId,
          workflowId: achievement.workflowId,
          workflowTitle: workflow.title,
          skillArea: last.skillArea,
          colleagueId,
          reachedAt: achievement.reachedAt,
        },
      });
    }
  }
  for (const { authorId, fact } of adoptions) factsOf(byPerson, authorId).adoptions.push(fact);
}

/**
 * Whose levels an event can change: the person it is about and, for a run of someone's workflow, its
 * author (a colleague reaching L2 on it counts towards the author's L3).
 */
export function peopleAffectedBy(event: DomainEvent, workflows: WorkflowAuthorship): string[] {
  if (!(LEVEL_EVIDENCE_EVENTS as readonly string[]).includes(event.type) || !event.personId) return [];
  const author = event.workflowId ? workflows.get(event.workflowId)?.authorId : undefined;
  return author && author !== event.personId ? [event.personId, author] : [event.personId];
}
