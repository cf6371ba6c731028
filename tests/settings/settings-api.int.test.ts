import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  defaultTenantSettings,
  DEFAULT_LEVEL_THRESHOLDS,
  DEFAULT_SKILL_AREAS,
  type Person,
} from '../../core';
import { DEMO_TENANT } from '../../server/demo';
import { tenantSettings } from '../../store/schema';
import { personProfile } from '../factories';
import { startChat, type Chat } from '../support/chat';
import { cardOf, cardText } from '../support/teams-user';
import { testDatabaseKinds } from '../support/test-database';

type Who = 'jordan' | 'sofia' | 'rahul' | 'priya' | 'outsider';
type Json = Record<string, unknown> & { code?: string; details?: Json[] };

describe.each(testDatabaseKinds())('tenant settings API on %s', (kind) => {
  let chat: Chat;
  let people: Record<Who, Person>;
  let otherTenant: string;

  const call = async (who: Who, method: string, body?: unknown, raw?: string) => {
    const token = await chat.server.devTokens!.issue(people[who]);
    const response = await fetch(`${chat.server.url}/api/v1/admin/settings`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    return { status: response.status, body: (await response.json()) as Json };
  };
  const stored = async (tenantId: string = DEMO_TENANT.id) =>
    (await chat.server.store.tenants.get(tenantId))!.settings;
  const settingsAudit = async () =>
    (await chat.server.store.audit.listForTenant(DEMO_TENANT.id, { limit: 500 })).filter(
      (entry) => entry.action === 'settings.changed',
    );

  beforeAll(async () => {
    chat = await startChat(kind);
    const byEmail = async (name: string) =>
      (await chat.server.store.people.findByEmail(DEMO_TENANT.id, `${name}@northwind.example`))!;
    otherTenant = randomUUID();
    await chat.server.store.tenants.ensure({
      id: otherTenant,
      displayName: 'Contoso',
      settings: defaultTenantSettings(),
    });
    people = {
      jordan: await byEmail('jordan.ellis'),
      sofia: await byEmail('sofia.lindqvist'),
      rahul: await byEmail('rahul.mehta'),
      priya: await byEmail('priya.raman'),
      outsider: await chat.server.store.people.upsertProfile(
        otherTenant,
        personProfile({ tenantId: otherTenant, roles: ['employee', 'admin'] }),
      ),
    };
  });
  afterAll(async () => {
    await chat?.close();
  });

  it('shows an L&D admin the settings as they apply, defaults filled in', async () => {
    const { status, body } = await call('priya', 'GET');
    expect(status).toBe(200);
    expect(body).toEqual({
      displayName: DEMO_TENANT.displayName,
      settings: expect.objectContaining({
        skillAreas: expect.arrayContaining(DEFAULT_SKILL_AREAS),
        managerVisibility: 'shared',
        retentionDays: expect.any(Number),
        nudgesEnabled: expect.any(Boolean),
        certificateSkillAreaPatterns: expect.any(Array),
        levelThresholds: expect.objectContaining({ practiceRuns: DEFAULT_LEVEL_THRESHOLDS.practiceRuns }),
      }),
    });
  });

  it('refuses everyone but admins with 403, before looking at what they sent', async () => {
    for (const who of ['jordan', 'sofia', 'rahul'] as const) {
      expect([who, (await call(who, 'GET')).status]).toEqual([who, 403]);
      const patch = await call(who, 'PATCH', { managerVisibility: 'full' });
      expect([who, patch.status, patch.body.code]).toEqual([who, 403, 'forbidden']);
      expect([who, (await call(who, 'PATCH', { retentionDays: -1 })).status]).toEqual([who, 403]);
    }
    expect((await stored()).managerVisibility).toBe('shared');
  });

  it('applies a change, audits the before and after of the changed keys only, and a no-op writes nothing', async () => {
    const before = await stored();
    const auditBefore = (await settingsAudit()).length;
    const { status, body } = await call('priya', 'PATCH', {
      managerVisibility: 'levels-only',
      nudgesEnabled: before.nudgesEnabled,
      levelThresholds: { practiceRuns: 4 },
    });
    expect(status).toBe(200);
    expect(body.settings).toMatchObject({
      managerVisibility: 'levels-only',
      levelThresholds: {
        practiceRuns: 4,
        practiceDistinctWeeks: DEFAULT_LEVEL_THRESHOLDS.practiceDistinctWeeks,
      },
    });
    expect(await stored()).toMatchObject({
      managerVisibility: 'levels-only',
      levelThresholds: { practiceRuns: 4 },
    });
    const entries = await settingsAudit();
    expect(entries).toHaveLength(auditBefore + 1);
    expect(entries[0]).toMatchObject({
      actorId: people.priya.id,
      details: {
        changes: {
          managerVisibility: { before: before.managerVisibility, after: 'levels-only' },
          levelThresholds: { before: before.levelThresholds ?? null, after: { practiceRuns: 4 } },
        },
      },
    });
    expect(Object.keys(entries[0]!.details.changes as object).sort()).toEqual([
      'levelThresholds',
      'managerVisibility',
    ]);

    expect((await call('priya', 'PATCH', { managerVisibility: 'levels-only' })).status).toBe(200);
    expect((await call('priya', 'PATCH', {})).status).toBe(200);
    expect(await settingsAudit()).toHaveLength(auditBefore + 1);
    await call('priya', 'PATCH', { managerVisibility: 'shared' });
  });

  it('refuses bad input with 400 and a code naming the field, changing nothing', async () => {
    const before = await stored();
    const cases: [unknown, string][] = [
      [{ retentionDays: 0 }, 'retentionDays'],
      [{ retentionDays: 'ninety' }, 'retentionDays'],
      [{ managerVisibility: 'everyone' }, 'managerVisibility'],
      [{ colour: 'blue' }, '(body)'],
      [{ skillAreas: [] }, 'skillAreas'],
      [{ skillAreas: [{ id: 'Bad Id', name: 'Bad' }] }, 'skillAreas.0.id'],
      [{ levelThresholds: { qualityBar: 9 } }, 'levelThresholds.qualityBar'],
      [{ levelThresholds: { timeZone: 'Mars/Olympus' } }, 'levelThresholds.timeZone'],
      [[1, 2], '(body)'],
    ];
    for (const [body, path] of cases) {
      const reply = await call('priya', 'PATCH', body);
      expect([JSON.stringify(body), reply.status, reply.body.code]).toEqual([
        JSON.stringify(body),
        400,
        'invalid_input',
      ]);
      expect(reply.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    }
    const unknownArea = await call('priya', 'PATCH', {
      certificateSkillAreaPatterns: [{ pattern: 'https://lms.example/*', skillArea: 'astrology' }],
    });
    expect(unknownArea).toMatchObject({ status: 400, body: { code: 'invalid_input' } });
    expect(unknownArea.body.details).toEqual([
      expect.objectContaining({
        path: 'certificateSkillAreaPatterns.0.skillArea',
        code: 'unknown_skill_area',
      }),
    ]);
    const duplicate = await call('priya', 'PATCH', {
      skillAreas: [...before.skillAreas, { id: before.skillAreas[0]!.id, name: 'Again' }],
    });
    expect(duplicate.body.details).toEqual([expect.objectContaining({ code: 'duplicate_skill_area' })]);
    expect((await call('priya', 'PATCH', undefined, '{"retentionDays": ')).body.code).toBe('malformed_json');
    expect(await stored()).toEqual(before);
  });

  it('refuses removing a skill area that workflows still use, naming them; an unused one can go', async () => {
    const before = await stored();
    const withoutAnalysis = before.skillAreas.filter((area) => area.id !== 'analysis');
    const refused = await call('priya', 'PATCH', { skillAreas: withoutAnalysis });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('conflict');
    expect(refused.body.message).toContain('Monthly reconciliation variance memo');
    expect(refused.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'skillAreas', code: 'skill_area_in_use' })]),
    );
    expect(await stored()).toEqual(before);

    const added = await call('priya', 'PATCH', {
      skillAreas: [...before.skillAreas, { id: 'negotiation', name: 'Negotiation' }],
    });
    expect(added.status).toBe(200);
    const removed = await call('priya', 'PATCH', { skillAreas: before.skillAreas });
    expect(removed.status).toBe(200);
    expect((await stored()).skillAreas).toEqual(before.skillAreas);
  });

  it('a change is seen at once on the same instance, by the bot as well as the API', async () => {
    const user = chat.userFor('jordan.ellis@northwind.example');
    // The bot reads the tenant through its cache: this read fills it.
    const [first] = await user.say('browse vendors');
    expect(cardText(cardOf(first!)!)).toContain('Browse workflows by skill area');
    const before = await stored();
    await call('priya', 'PATCH', {
      skillAreas: [...before.skillAreas, { id: 'vendors', name: 'Vendor negotiation' }],
    });
    const [second] = await user.say('browse vendors');
    expect(cardText(cardOf(second!)!)).toContain('No workflows in Vendor negotiation yet.');
    expect(((await call('priya', 'GET')).body.settings as Json).skillAreas).toEqual(
      expect.arrayContaining([{ id: 'vendors', name: 'Vendor negotiation' }]),
    );
    await call('priya', 'PATCH', { skillAreas: before.skillAreas });
  });

  it('does not undo a change another instance made moments ago (reads afresh, not from the cache)', async () => {
    expect((await call('priya', 'GET')).body.settings).toMatchObject({ managerVisibility: 'shared' });
    // Another instance sets `full`; this instance's caches still hold `shared`.
    const current = await stored();
    await chat.server.database.db
      .update(tenantSettings)
      .set({ settings: { ...current, managerVisibility: 'full' } })
      .where(eq(tenantSettings.tenantId, DEMO_TENANT.id));
    const { status, body } = await call('priya', 'PATCH', { nudgesEnabled: !current.nudgesEnabled });
    expect(status).toBe(200);
    expect(body.settings).toMatchObject({ managerVisibility: 'full', nudgesEnabled: !current.nudgesEnabled });
    expect(await stored()).toMatchObject({
      managerVisibility: 'full',
      nudgesEnabled: !current.nudgesEnabled,
    });
    expect((await settingsAudit())[0]!.details.changes).toEqual({
      nudgesEnabled: { before: current.nudgesEnabled, after: !current.nudgesEnabled },
    });
    await call('priya', 'PATCH', { managerVisibility: 'shared', nudgesEnabled: current.nudgesEnabled });
  });

  it("changes only the caller's own tenant", async () => {
    const ours = await stored();
    const { status } = await call('outsider', 'PATCH', { managerVisibility: 'full', retentionDays: 30 });
    expect(status).toBe(200);
    expect(await stored(otherTenant)).toMatchObject({ managerVisibility: 'full', retentionDays: 30 });
    expect(await stored()).toEqual(ours);
    const row = await chat.server.database.db
      .select()
      .from(tenantSettings)
      .where(eq(tenantSettings.tenantId, DEMO_TENANT.id));
    expect(row[0]!.settings).toEqual(ours);
    expect((await call('outsider', 'GET')).body.displayName).toBe('Contoso');
  });
});
