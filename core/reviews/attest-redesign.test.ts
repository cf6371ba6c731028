import { randomIds } from '../ports';
import { fixedClock } from '../../tests/factories';
import { reviewScenario } from '../../tests/reviews/review-scenario';
import { attestRedesign } from './attest-redesign';

describe('attestRedesign', () => {
  const clock = fixedClock('2026-11-03T09:00:00.000Z');

  function setUp() {
    const scenario = reviewScenario();
    const attest = (
      managerId: string,
      personId: string,
      skillArea = 'analysis',
      note = 'Month-end close now starts from the AI variance draft.',
    ) =>
      attestRedesign({
        store: scenario.fake.store,
        clock,
        ids: randomIds,
        tenantId: scenario.tenantId,
        managerId,
        personId,
        skillArea,
        note,
      });
    return { ...scenario, attest };
  }

  it('records a manager’s attestation as practice.attested evidence for the person and area, audited', async () => {
    const { fake, manager, owner, attest } = setUp();
    const attestation = await attest(manager.id, owner.id, 'analysis', '  Close process redesigned.  ');
    expect(attestation).toMatchObject({
      personId: owner.id,
      skillArea: 'analysis',
      note: 'Close process redesigned.',
    });
    expect(fake.tables.events).toEqual([
      {
        id: attestation.id,
        tenantId: fake.tenant.id,
        type: 'practice.attested',
        personId: owner.id,
        sessionId: null,
        workflowId: null,
        occurredAt: clock.now(),
        data: { skillArea: 'analysis', note: 'Close process redesigned.', attestedBy: manager.id },
      },
    ]);
    expect(fake.tables.audit).toEqual([
      expect.objectContaining({
        action: 'practice.attested',
        actorId: manager.id,
        subjectPersonId: owner.id,
      }),
    ]);
  });

  it.each([
    [
      'someone who is not their manager',
      'colleague',
      'owner',
      'analysis',
      'A note',
      'forbidden',
      "Only Jordan Owner's manager",
    ],
    [
      'the workflow author',
      'author',
      'owner',
      'analysis',
      'A note',
      'forbidden',
      "Only Jordan Owner's manager",
    ],
    [
      'a manager attesting themselves',
      'manager',
      'manager',
      'analysis',
      'A note',
      'forbidden',
      'your own work',
    ],
    [
      'an unknown skill area',
      'manager',
      'owner',
      'juggling',
      'A note',
      'invalid_input',
      '"juggling" is not one of',
    ],
    ['an empty note', 'manager', 'owner', 'analysis', '   ', 'invalid_input', 'Please say in a note'],
    [
      'a note too long',
      'manager',
      'owner',
      'analysis',
      'x'.repeat(2_001),
      'invalid_input',
      'under 2000 characters',
    ],
  ] as const)('refuses %s and writes nothing', async (_label, who, whom, area, note, code, message) => {
    const scenario = setUp();
    await expect(scenario.attest(scenario[who].id, scenario[whom].id, area, note)).rejects.toMatchObject({
      code,
      message: expect.stringContaining(message),
    });
    expect(scenario.fake.tables.events).toEqual([]);
    expect(scenario.fake.tables.audit).toEqual([]);
  });

  it('refuses a person who is unknown or has left', async () => {
    const { fake, manager, owner, attest } = setUp();
    await expect(attest(manager.id, '0b9c3c7e-93a8-4a50-9d2c-4a4b0b1f6a3e')).rejects.toMatchObject({
      code: 'not_found',
    });
    fake.tables.people = fake.tables.people.map((p) => (p.id === owner.id ? { ...p, active: false } : p));
    await expect(attest(manager.id, owner.id)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('has left'),
    });
    expect(fake.tables.events).toEqual([]);
  });
});
