import { PROFILE_VERSION_IRI } from '../statements';
import { certificatesFromStatements, type LrsStatement } from './certificates-from-statements';
import { PeopleByActor } from './people-by-actor';

const people = [
  { id: 'ana', email: 'Ana.Ortiz@contoso.com', lmsIdentifier: 'E-100', active: true },
  { id: 'ben', email: 'ben.ng@contoso.com', lmsIdentifier: null, active: true },
];
const homePage = 'https://lms.contoso.com';
const byAccount = new PeopleByActor(people, { kind: 'account', homePage });
const byMbox = new PeopleByActor(people, { kind: 'mbox' });

const statement = (overrides: Partial<LrsStatement> = {}): LrsStatement => ({
  id: '0b8a1a4e-57e1-4f55-9f3c-7d0f3d3e0001',
  actor: { objectType: 'Agent', account: { homePage, name: 'E-100' } },
  verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
  object: {
    objectType: 'Activity',
    id: 'https://lms.contoso.com/courses/ai-analysis-101',
    definition: { name: { 'de-DE': 'KI für Analysten', 'en-US': 'AI for analysts' } },
  },
  context: { platform: 'Contoso LMS' },
  timestamp: '2026-03-31T10:00:00Z',
  stored: '2026-03-31T10:00:01Z',
  ...overrides,
});
const map = (statements: LrsStatement[], people = byAccount) =>
  certificatesFromStatements(statements, {
    people,
    patterns: [{ pattern: 'https://lms.contoso.com/courses/ai-analysis-*', skillArea: 'analysis' }],
    ownActivityPrefix: 'https://practica.contoso.com/xapi/activities/',
    target: 'lms',
  });

describe('certificatesFromStatements', () => {
  it('turns a completion by one of our people into a certificate in the skill area its activity id matches', () => {
    expect(map([statement()]).records).toEqual([
      {
        personId: 'ana',
        name: 'AI for analysts',
        issuer: 'Contoso LMS',
        activityId: 'https://lms.contoso.com/courses/ai-analysis-101',
        skillArea: 'analysis',
        issuedAt: new Date('2026-03-31T10:00:00Z'),
        statementId: '0b8a1a4e-57e1-4f55-9f3c-7d0f3d3e0001',
        source: 'lrs:lms',
      },
    ]);
  });

  it("matches actors only by the target's mapping: account on its home page, or the lower-case mbox", () => {
    const other = statement({ actor: { account: { homePage: 'https://elsewhere.example', name: 'E-100' } } });
    const stranger = statement({ actor: { account: { homePage, name: 'E-999' } } });
    const mboxActor = statement({ actor: { mbox: 'mailto:ANA.ORTIZ@contoso.com' } });
    expect(map([other, stranger, mboxActor]).records).toEqual([]);
    expect(
      map([statement({ actor: { account: { homePage: `${homePage}/`, name: 'E-100' } } })]).records,
    ).toHaveLength(1);
    expect(map([mboxActor, statement()], byMbox).records.map((record) => record.personId)).toEqual(['ana']);
  });

  it("leaves out Practica's own statements, failed attempts and statements without an id or date", () => {
    const ours = statement({ context: { contextActivities: { category: [{ id: PROFILE_VERSION_IRI }] } } });
    const aboutOurWorkflow = statement({
      object: { objectType: 'Activity', id: 'https://practica.contoso.com/xapi/activities/workflows/1' },
    });
    const failed = statement({
      verb: { id: 'http://adlnet.gov/expapi/verbs/passed' },
      result: { success: false },
    });
    const noId = statement({ id: undefined });
    const noDate = statement({ timestamp: undefined, stored: undefined });
    expect(map([ours, aboutOurWorkflow, failed, noId, noDate]).records).toEqual([]);
  });

  it('collects the ids of voided statements and names a certificate by its activity id when it has no name', () => {
    const voiding = statement({
      id: '0b8a1a4e-57e1-4f55-9f3c-7d0f3d3e0002',
      verb: { id: 'http://adlnet.gov/expapi/verbs/voided' },
      object: { objectType: 'StatementRef', id: '0b8a1a4e-57e1-4f55-9f3c-7d0f3d3e0001' },
    });
    const unnamed = statement({ id: 'x', object: { id: 'https://lms.contoso.com/courses/fire' } });
    const result = map([voiding, unnamed]);
    expect(result.voidedStatementIds).toEqual(['0b8a1a4e-57e1-4f55-9f3c-7d0f3d3e0001']);
    expect(result.records.map((record) => [record.name, record.skillArea])).toEqual([
      ['https://lms.contoso.com/courses/fire', null],
    ]);
  });
});
