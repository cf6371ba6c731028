import { certificateRecordId } from './certificate-record-id';
import { skillAreaForActivity } from './skill-area-for-activity';

const patterns = [
  { pattern: 'https://lms.contoso.com/courses/ai-analysis-*', skillArea: 'analysis' },
  { pattern: '*/courses/prompt-writing*', skillArea: 'writing' },
  { pattern: 'https://lms.contoso.com/courses/ai-*', skillArea: 'research' },
];

describe('skillAreaForActivity', () => {
  it('takes the first pattern the activity id matches, ignoring case', () => {
    expect(skillAreaForActivity('https://lms.contoso.com/courses/AI-Analysis-101', patterns)).toBe(
      'analysis',
    );
    expect(skillAreaForActivity('https://lms.contoso.com/courses/ai-basics', patterns)).toBe('research');
    expect(skillAreaForActivity('https://other.example/courses/prompt-writing/2', patterns)).toBe('writing');
  });

  it('leaves a certificate without a skill area when nothing matches, or it has no activity id', () => {
    expect(skillAreaForActivity('https://lms.contoso.com/courses/fire-safety', patterns)).toBeNull();
    expect(skillAreaForActivity(null, patterns)).toBeNull();
  });

  it('treats regular-expression characters in a pattern literally', () => {
    expect(
      skillAreaForActivity('https://lms.contoso.com/courses/x', [
        { pattern: 'https://lms.contoso.com/courses/.', skillArea: 'a' },
      ]),
    ).toBeNull();
    expect(skillAreaForActivity('course(1)+', [{ pattern: 'course(1)+', skillArea: 'a' }])).toBe('a');
  });
});

describe('certificateRecordId', () => {
  const facts = {
    tenantId: 't',
    personId: 'p',
    name: 'Prompting basics',
    issuedAt: new Date('2026-03-31T10:00:00Z'),
    activityId: null,
  };
  it('is a UUID that is the same for the same record and different for another', () => {
    const id = certificateRecordId(facts);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(
      certificateRecordId({
        ...facts,
        name: ' prompting BASICS ',
        issuedAt: new Date('2026-03-31T18:00:00Z'),
      }),
    ).toBe(id);
    expect(certificateRecordId({ ...facts, issuedAt: new Date('2026-04-01T10:00:00Z') })).not.toBe(id);
  });
});
