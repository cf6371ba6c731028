import { assessSkillArea } from './assess-skill-area';
import { DEFAULT_LEVEL_THRESHOLDS, type LevelThresholds } from './level-thresholds';
import { noFacts, type PracticeRun, type ProficiencyFacts } from './proficiency-facts';

const AREA = 'analysis';
const NOW = new Date('2026-06-30T12:00:00Z');
const at = (iso: string) => new Date(iso);

let sequence = 0;
function run(completedAt: string, overrides: Partial<PracticeRun> = {}): PracticeRun {
  sequence++;
  return {
    sessionId: `s-${sequence}`,
    workflowId: 'variance-memo',
    workflowTitle: 'Variance memo',
    skillArea: AREA,
    completedAt: at(completedAt),
    selfScore: 4,
    minutesLogged: true,
    review: null,
    ...overrides,
  };
}

const facts = (partial: Partial<ProficiencyFacts>): ProficiencyFacts => ({ ...noFacts(), ...partial });

// Three runs of one workflow in two weeks of June 2026 (Mondays: 8, 15, 22).
const practised = () => [
  run('2026-06-09T10:00:00Z'),
  run('2026-06-10T10:00:00Z'),
  run('2026-06-16T10:00:00Z'),
];

type Case = {
  name: string;
  facts: () => ProficiencyFacts;
  level: number;
  next?: RegExp;
  thresholds?: Partial<LevelThresholds>;
  now?: Date;
  evidence?: string[];
};

const cases: Case[] = [
  { name: 'nothing yet is L0', facts: () => noFacts(), level: 0, next: /Complete one guided session/ },
  {
    name: 'one completed session with a deliverable is L1',
    facts: () => facts({ runs: [run('2026-06-20T09:00:00Z')] }),
    level: 1,
    next: /2 more runs of Variance memo in a different week/,
  },
  {
    name: 'a certificate mapped to the area is L1',
    facts: () =>
      facts({
        certificates: [{ id: 'c-1', skillArea: AREA, issuedAt: at('2026-05-01T00:00:00Z'), voided: false }],
      }),
    level: 1,
    evidence: ['certificate:c-1'],
    next: /Run one workflow 3 times within 30 days, in 2 different weeks/,
  },
  {
    name: 'a certificate for another area does not count here',
    facts: () =>
      facts({
        certificates: [
          { id: 'c-1', skillArea: 'writing', issuedAt: at('2026-05-01T00:00:00Z'), voided: false },
        ],
      }),
    level: 0,
  },
  {
    name: 'a voided certificate does not count',
    facts: () =>
      facts({
        certificates: [{ id: 'c-1', skillArea: AREA, issuedAt: at('2026-05-01T00:00:00Z'), voided: true }],
      }),
    level: 0,
  },
  {
    name: 'three runs of one workflow in two weeks within 30 days, meeting the bar with time logged, is L2',
    facts: () => facts({ runs: practised() }),
    level: 2,
    next: /Share a workflow you author/,
  },
  {
    name: 'three runs in one week are not yet L2',
    facts: () =>
      facts({
        runs: [run('2026-06-22T09:00:00Z'), run('2026-06-23T09:00:00Z'), run('2026-06-24T09:00:00Z')],
      }),
    level: 1,
    next: /^1 more run of Variance memo in a different week\.$/,
  },
  {
    name: 'three runs spread over more than 30 days are not L2',
    facts: () =>
      facts({
        runs: [run('2026-05-01T09:00:00Z'), run('2026-05-20T09:00:00Z'), run('2026-06-02T09:00:00Z')],
      }),
    level: 1,
  },
  {
    name: 'three runs of three different workflows are not L2',
    facts: () =>
      facts({
        runs: practised().map((entry, index) => ({
          ...entry,
          workflowId: `w-${index}`,
          workflowTitle: `W${index}`,
        })),
      }),
    level: 1,
  },
  {
    name: 'runs of an earlier, since retired, version count for the same workflow',
    facts: () =>
      facts({
        runs: practised().map((entry, index) => ({ ...entry, workflowTitle: `Variance memo v${index + 1}` })),
      }),
    level: 2,
  },
  {
    name: "a reviewer's low score outranks a high self-rating",
    facts: () =>
      facts({
        runs: practised().map((entry) => ({
          ...entry,
          review: { id: `r-${entry.sessionId}`, meanScore: 3 },
        })),
      }),
    level: 1,
    next: /deliverable rated 3.5 or more/,
  },
  {
    name: "a reviewer's high score outranks a low self-rating, and is evidence",
    facts: () => {
      const runs = practised().map((entry) => ({ ...entry, selfScore: 3 }));
      runs[2] = { ...runs[2]!, review: { id: 'r-1', meanScore: 4.5 } };
      return facts({ runs });
    },
    level: 2,
  },
  {
    name: 'no minutes logged on any run keeps L1',
    facts: () => facts({ runs: practised().map((entry) => ({ ...entry, minutesLogged: false })) }),
    level: 1,
    next: /minutes it took logged/,
  },
  {
    name: 'weeks start on Monday in the tenant time zone (UTC: one week)',
    facts: () =>
      facts({
        runs: [run('2026-06-22T00:30:00Z'), run('2026-06-22T10:00:00Z'), run('2026-06-24T10:00:00Z')],
      }),
    level: 1,
  },
  {
    name: 'weeks start on Monday in the tenant time zone (New York: Sunday evening is the week before)',
    facts: () =>
      facts({
        runs: [run('2026-06-22T00:30:00Z'), run('2026-06-22T10:00:00Z'), run('2026-06-24T10:00:00Z')],
      }),
    thresholds: { timeZone: 'America/New_York' },
    level: 2,
  },
  {
    name: 'L2 lapses to L1 after 60 days without a completed session in the area',
    facts: () => facts({ runs: practised() }),
    now: at('2026-08-16T10:00:01Z'),
    level: 1,
    next: /to get L2 Practises back/,
  },
  {
    name: 'L2 holds at 59 days',
    facts: () => facts({ runs: practised() }),
    now: at('2026-08-14T10:00:00Z'),
    level: 2,
  },
  {
    name: 'a session in another area does not stop the lapse',
    facts: () => facts({ runs: [...practised(), run('2026-08-10T10:00:00Z', { skillArea: 'writing' })] }),
    now: at('2026-08-20T10:00:00Z'),
    level: 1,
  },
  {
    name: 'a workflow they authored bringing 3 colleagues to L2 is L3',
    facts: () =>
      facts({
        runs: practised(),
        adoptions: ['a', 'b', 'c'].map((colleagueId) => ({
          id: `adopt-${colleagueId}`,
          workflowId: 'authored',
          workflowTitle: 'Competitor brief',
          skillArea: AREA,
          colleagueId,
          reachedAt: at('2026-06-25T10:00:00Z'),
        })),
      }),
    level: 3,
    evidence: ['reuse:adopt-a', 'reuse:adopt-b', 'reuse:adopt-c'],
    next: /manager to confirm/,
  },
  {
    name: 'colleagues spread over two authored workflows (2 + 1) are not yet L3',
    facts: () =>
      facts({
        runs: practised(),
        adoptions: [
          ['a', 'authored'],
          ['b', 'authored'],
          ['c', 'other'],
          ['a', 'authored'],
        ].map(([colleagueId, workflowId], index) => ({
          id: `adopt-${index}`,
          workflowId: workflowId!,
          workflowTitle: workflowId === 'authored' ? 'Competitor brief' : 'Other',
          skillArea: AREA,
          colleagueId: colleagueId!,
          reachedAt: at('2026-06-25T10:00:00Z'),
        })),
      }),
    level: 2,
    next: /^1 more colleague reaching L2 with Competitor brief \(2 so far\)\.$/,
  },
  {
    name: 'an author whose workflow recently brought colleagues to L2 does not lapse for running nothing themselves',
    facts: () =>
      facts({
        adoptions: ['a', 'b', 'c'].map((colleagueId) => ({
          id: `adopt-${colleagueId}`,
          workflowId: 'authored',
          workflowTitle: 'Competitor brief',
          skillArea: AREA,
          colleagueId,
          reachedAt: at('2026-06-25T10:00:00Z'),
        })),
      }),
    level: 3,
  },
  {
    name: 'an L3 with neither own runs nor colleagues reaching L2 in 60 days lapses to L2',
    facts: () =>
      facts({
        adoptions: ['a', 'b', 'c'].map((colleagueId) => ({
          id: `adopt-${colleagueId}`,
          workflowId: 'authored',
          workflowTitle: 'Competitor brief',
          skillArea: AREA,
          colleagueId,
          reachedAt: at('2026-04-01T10:00:00Z'),
        })),
      }),
    level: 2,
    next: /to get L3 Multiplies back/,
  },
  {
    name: "a manager's attestation is L4",
    facts: () =>
      facts({
        runs: practised(),
        attestations: [{ id: 'att-1', skillArea: AREA, at: at('2026-06-28T10:00:00Z') }],
      }),
    level: 4,
    evidence: ['attestation:att-1'],
  },
  {
    name: 'evidence dated after the moment assessed does not count yet',
    facts: () => facts({ runs: practised() }),
    now: at('2026-06-15T00:00:00Z'),
    level: 1,
  },
];

describe('levels per skill area (DESIGN section 5)', () => {
  it.each(cases)('$name', (testCase) => {
    const thresholds = { ...DEFAULT_LEVEL_THRESHOLDS, ...testCase.thresholds };
    const assessment = assessSkillArea(testCase.facts(), AREA, thresholds, testCase.now ?? NOW);
    expect(assessment.level).toBe(testCase.level);
    if (testCase.next) expect(assessment.next).toMatch(testCase.next);
    if (testCase.evidence)
      expect(assessment.evidence.map((ref) => `${ref.kind}:${ref.id}`)).toEqual(testCase.evidence);
    if (assessment.level === 4) expect(assessment.next).toBeNull();
    if (assessment.level > 0) expect(assessment.evidence.length).toBeGreaterThan(0);
  });

  it('names the sessions (and reviews) that earned L2', () => {
    const runs = practised();
    runs[1] = { ...runs[1]!, review: { id: 'r-9', meanScore: 4 } };
    const assessment = assessSkillArea(facts({ runs }), AREA, DEFAULT_LEVEL_THRESHOLDS, NOW);
    expect(assessment.evidence).toEqual([
      { kind: 'session', id: runs[0]!.sessionId },
      { kind: 'session', id: runs[1]!.sessionId },
      { kind: 'review', id: 'r-9' },
      { kind: 'session', id: runs[2]!.sessionId },
    ]);
  });

  it('follows a tenant that asks for more runs', () => {
    const assessment = assessSkillArea(
      facts({ runs: practised() }),
      AREA,
      { ...DEFAULT_LEVEL_THRESHOLDS, practiceRuns: 4 },
      NOW,
    );
    expect(assessment.level).toBe(1);
    expect(assessment.next).toMatch(/1 more run of Variance memo/);
  });
});
