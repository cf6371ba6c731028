import { DEFAULT_LEVEL_THRESHOLDS, type PracticeRun } from '../proficiency';
import { openBadgeCredential } from './open-badge-credential';
import { practiceEvidence } from './practice-evidence';

const run = (overrides: Partial<PracticeRun>): PracticeRun => ({
  sessionId: 's',
  workflowId: 'w1',
  workflowTitle: 'Monthly variance memo',
  skillArea: 'analysis',
  completedAt: new Date('2026-03-02T09:00:00Z'),
  selfScore: 4,
  minutesLogged: true,
  review: null,
  ...overrides,
});

describe('practice evidence and the credential built from it', () => {
  const runs = [
    run({ sessionId: 'a', selfScore: 3, review: { id: 'r1', meanScore: 4.5 } }),
    run({ sessionId: 'b', completedAt: new Date('2026-03-10T09:00:00Z'), selfScore: 4 }),
    run({ sessionId: 'c', completedAt: new Date('2026-03-17T09:00:00Z'), selfScore: null }),
    run({ sessionId: 'd', workflowId: 'w2', workflowTitle: 'Board pack summary', selfScore: 5 }),
  ];

  it('counts runs per workflow, most practised first, with the reviewers’ mean apart from the mean that counts', () => {
    expect(practiceEvidence(runs)).toEqual([
      {
        workflowTitle: 'Monthly variance memo',
        runs: 3,
        firstRunAt: new Date('2026-03-02T09:00:00Z'),
        lastRunAt: new Date('2026-03-17T09:00:00Z'),
        reviewedRuns: 1,
        meanReviewedScore: 4.5,
        // The reviewer's 4.5 outranks that run's self-rating of 3; the unscored run is left out.
        meanScore: 4.3,
      },
      expect.objectContaining({
        workflowTitle: 'Board pack summary',
        runs: 1,
        reviewedRuns: 0,
        meanReviewedScore: null,
      }),
    ]);
  });

  it('describes the evidence in counts and scores, and links issuer, revocation list and achievement under the base URL', () => {
    const credential = openBadgeCredential({
      baseUrl: 'https://practica.contoso.com',
      credentialId: '11111111-1111-4111-8111-111111111111',
      subjectId: '22222222-2222-4222-8222-222222222222',
      tenant: { id: '33333333-3333-4333-8333-333333333333', displayName: 'Contoso' },
      holderName: 'Avery Analyst',
      skillArea: { id: 'analysis', name: 'Analysis & reporting' },
      thresholds: DEFAULT_LEVEL_THRESHOLDS,
      evidence: practiceEvidence(runs),
      validFrom: new Date('2026-03-17T09:00:00Z'),
      validUntil: new Date('2026-05-16T09:00:00Z'),
    });
    expect(credential).toMatchObject({
      id: 'https://practica.contoso.com/credentials/11111111-1111-4111-8111-111111111111',
      issuer: {
        id: 'https://practica.contoso.com/credentials/tenants/33333333-3333-4333-8333-333333333333/issuer',
      },
      credentialStatus: {
        type: '1EdTechRevocationList',
        id: 'https://practica.contoso.com/credentials/tenants/33333333-3333-4333-8333-333333333333/revocations',
      },
      evidence: [
        {
          name: 'Monthly variance memo',
          description:
            '3 completed runs between 2026-03-02 and 2026-03-17. 1 reviewed, mean reviewer score 4.5 out of 5. Mean quality score 4.3 out of 5.',
        },
        { name: 'Board pack summary', description: expect.stringContaining('No run reviewed yet.') },
      ],
    });
  });
});
