import { DAY_MS } from '../ports';
import fc from 'fast-check';
import type { DomainEvent } from '../events';
import { assessSkillArea } from './assess-skill-area';
import { factsFromEvents, peopleAffectedBy, type WorkflowAuthorship } from './facts-from-events';
import { DEFAULT_LEVEL_THRESHOLDS, type LevelThresholds } from './level-thresholds';

const START = Date.parse('2026-01-05T09:00:00Z');
const PEOPLE = ['ana', 'ben', 'cho', 'dev'];
const AREAS = ['analysis', 'writing'];
const WORKFLOWS: WorkflowAuthorship = new Map([
  ['memo', { title: 'Variance memo', authorId: 'ana' }],
  ['brief', { title: 'Competitor brief', authorId: 'ben' }],
  ['plan', { title: 'Quarter plan', authorId: 'ana' }],
]);
const AREA_OF: Record<string, string> = { memo: 'analysis', brief: 'writing', plan: 'writing' };

type Step =
  | {
      kind: 'run';
      person: number;
      workflow: 'memo' | 'brief' | 'plan';
      day: number;
      score: number;
      rated: boolean;
    }
  | { kind: 'review'; day: number; score: number }
  | { kind: 'certificate'; person: number; area: number; day: number }
  | { kind: 'void'; day: number }
  | { kind: 'attest'; person: number; area: number; day: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 24,
    arbitrary: fc.record({
      kind: fc.constant('run' as const),
      person: fc.nat(PEOPLE.length - 1),
      workflow: fc.constantFrom(
        'memo' as const,
        'memo' as const,
        'memo' as const,
        'brief' as const,
        'plan' as const,
      ),
      // Mostly days apart, so colleagues do reach L2 on an author's workflow (and so L3) within a run.
      day: fc.constantFrom(0, 0, 0, 1, 1, 2, 4),
      score: fc.integer({ min: 2, max: 5 }),
      rated: fc.oneof(
        { weight: 4, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: fc.constant(false) },
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('review' as const),
      day: fc.nat(2),
      score: fc.integer({ min: 1, max: 5 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('certificate' as const),
      person: fc.nat(PEOPLE.length - 1),
      area: fc.nat(1),
      day: fc.nat(5),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('void' as const), day: fc.nat(2) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('attest' as const),
      person: fc.nat(PEOPLE.length - 1),
      area: fc.nat(1),
      day: fc.nat(40),
    }),
  },
);

/** Turns generated steps into a tenant's event log, in time order, as the use cases would write it. */
function eventsOf(steps: Step[]): DomainEvent[] {
  const events: DomainEvent[] = [];
  const sessions: { id: string; personId: string; workflowId: string }[] = [];
  const certificates: { id: string; personId: string }[] = [];
  let clock = START;
  const event = (partial: Partial<DomainEvent> & Pick<DomainEvent, 'type'>): DomainEvent => {
    const made = {
      id: `e-${events.length}`,
      tenantId: 't',
      personId: null,
      sessionId: null,
      workflowId: null,
      occurredAt: new Date(clock),
      data: {},
      ...partial,
    };
    events.push(made);
    return made;
  };
  for (const entry of steps) {
    clock += entry.day * DAY_MS + 60_000;
    switch (entry.kind) {
      case 'run': {
        const session = {
          id: `s-${sessions.length}`,
          personId: PEOPLE[entry.person]!,
          workflowId: entry.workflow,
        };
        sessions.push(session);
        const common = { personId: session.personId, sessionId: session.id, workflowId: session.workflowId };
        event({ type: 'session.completed', ...common, data: { skillArea: AREA_OF[entry.workflow] } });
        if (entry.rated) {
          clock += 60_000;
          event({ type: 'session.rated', ...common, data: { meanRating: entry.score, minutesTaken: 20 } });
        }
        break;
      }
      case 'review': {
        const session = sessions[sessions.length - 1];
        if (session)
          event({
            type: 'session.reviewed',
            personId: session.personId,
            sessionId: session.id,
            workflowId: session.workflowId,
            data: { reviewId: `r-${events.length}`, meanScore: entry.score },
          });
        break;
      }
      case 'certificate': {
        const certificate = { id: `c-${certificates.length}`, personId: PEOPLE[entry.person]! };
        certificates.push(certificate);
        event({
          type: 'certificate.imported',
          personId: certificate.personId,
          data: {
            certificateId: certificate.id,
            skillArea: AREAS[entry.area],
            issuedAt: new Date(clock).toISOString(),
          },
        });
        break;
      }
      case 'void': {
        const certificate = certificates[certificates.length - 1];
        if (certificate)
          event({
            type: 'certificate.voided',
            personId: certificate.personId,
            data: { certificateId: certificate.id },
          });
        break;
      }
      case 'attest':
        event({
          type: 'practice.attested',
          personId: PEOPLE[entry.person]!,
          data: { skillArea: AREAS[entry.area] },
        });
        break;
    }
  }
  return events;
}

type Levels = Map<string, number>;

const NEVER_LAPSE: LevelThresholds = { ...DEFAULT_LEVEL_THRESHOLDS, lapseDays: Number.POSITIVE_INFINITY };

function quietSince(events: DomainEvent[], personId: string, area: string, at: Date): boolean {
  const last = events
    .filter(
      (entry) =>
        entry.type === 'session.completed' && entry.personId === personId && entry.data.skillArea === area,
    )
    .reduce((latest, entry) => Math.max(latest, entry.occurredAt.getTime()), -Infinity);
  return at.getTime() - last > DEFAULT_LEVEL_THRESHOLDS.lapseDays * DAY_MS;
}

function assessPerson(
  events: DomainEvent[],
  personId: string,
  at: Date,
  into: Levels,
  thresholds: LevelThresholds,
): void {
  const facts = factsFromEvents(events, WORKFLOWS, thresholds).get(personId);
  for (const area of AREAS) {
    const level = facts ? assessSkillArea(facts, area, thresholds, at).level : 0;
    into.set(`${personId}/${area}`, level);
  }
}

/** Levels kept up by re-assessing, after each event, only the people it affects. */
function incrementally(events: DomainEvent[], thresholds: LevelThresholds): Levels {
  const levels: Levels = new Map();
  for (let index = 0; index < events.length; index++) {
    const current = events[index]!;
    for (const personId of peopleAffectedBy(current, WORKFLOWS))
      assessPerson(events.slice(0, index + 1), personId, current.occurredAt, levels, thresholds);
  }
  return levels;
}

function recompute(events: DomainEvent[], at: Date, thresholds: LevelThresholds): Levels {
  const levels: Levels = new Map();
  for (const personId of PEOPLE) assessPerson(events, personId, at, levels, thresholds);
  return levels;
}

function expectSameLevels(kept: Levels, recomputed: Levels): void {
  for (const personId of PEOPLE)
    for (const area of AREAS) {
      const key = `${personId}/${area}`;
      expect(`${key} L${kept.get(key) ?? 0}`).toBe(`${key} L${recomputed.get(key)}`);
    }
}

const reachedLevels = new Set<number>();
const history = fc.array(step, { minLength: 1, maxLength: 150, size: 'max' });

describe('levels kept up event by event equal a full recompute', () => {
  afterAll(() => {
    // The generated histories must reach every level, or the properties say little.
    expect([...reachedLevels].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('re-assessing only the people an event affects misses no change (an author included)', () => {
    fc.assert(
      fc.property(history, (steps) => {
        const events = eventsOf(steps);
        fc.pre(events.length > 0);
        const recomputed = recompute(events, events.at(-1)!.occurredAt, NEVER_LAPSE);
        for (const level of recomputed.values()) reachedLevels.add(level);
        expectSameLevels(incrementally(events, NEVER_LAPSE), recomputed);
      }),
      { numRuns: 50 },
    );
  });

  it('with the daily check of quiet areas, lapses match a recompute at any later day', () => {
    fc.assert(
      fc.property(history, fc.nat(120), (steps, daysLater) => {
        const events = eventsOf(steps);
        fc.pre(events.length > 0);
        const kept = incrementally(events, DEFAULT_LEVEL_THRESHOLDS);
        const end = new Date(events.at(-1)!.occurredAt.getTime() + daysLater * DAY_MS);
        for (const [key, level] of [...kept]) {
          const [personId, area] = key.split('/') as [string, string];
          if (level >= 2 && quietSince(events, personId, area, end))
            assessPerson(events, personId, end, kept, DEFAULT_LEVEL_THRESHOLDS);
        }
        expectSameLevels(kept, recompute(events, end, DEFAULT_LEVEL_THRESHOLDS));
      }),
      { numRuns: 50 },
    );
  });
});
