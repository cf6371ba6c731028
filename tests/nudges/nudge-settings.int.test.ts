import {
  DAY_MS,
  nudgePlanPayload,
  personWantsNudge,
  publishWorkflow,
  randomIds,
  type Person,
} from '../../core';
import { DEMO_TENANT } from '../../server/demo';
import { NUDGE_SEND_JOB } from '../../server/jobs';
import { nudgeRepository } from '../../store';
import { workflowDefinition } from '../factories';
import { startLocalConnector } from '../support/local-connector';
import { startTestServer, type TestServer } from '../support/practica-server';
import { testDatabaseKinds } from '../support/test-database';
import { actionData, cardOf, cardText, type Card, TeamsUser } from '../support/teams-user';
import { cardsSaying, eventually, ManualClock, nudgeJobs } from './nudge-test-kit';

/** The card's switches, by input id, as the person sees them set. */
function switches(card: Card): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const value = node as Record<string, unknown>;
      if (value.type === 'Input.Toggle' && typeof value.id === 'string')
        found[value.id] = String(value.value);
      Object.values(value).forEach(walk);
    }
  };
  walk(card);
  return found;
}

describe.each(testDatabaseKinds())('choosing reminders on a settings card, on %s', (kind) => {
  // Wednesday 2 December 2026, 11:00 UTC: working hours in the tenant's zone (UTC).
  const clock = new ManualClock(Date.parse('2026-12-02T11:00:00Z'));
  let server: TestServer;
  let connector: Awaited<ReturnType<typeof startLocalConnector>>;
  let jordan: Person;
  let chat: TeamsUser;
  let workflowId: string;

  beforeAll(async () => {
    server = await startTestServer(kind, {}, { llm: null, clock });
    connector = await startLocalConnector();
    const byEmail = async (name: string) =>
      (await server.store.people.findByEmail(DEMO_TENANT.id, `${name}@northwind.example`))!;
    jordan = await byEmail('jordan.ellis');
    chat = new TeamsUser(server.url, connector, {
      tenantId: DEMO_TENANT.id,
      aadObjectId: jordan.aadObjectId,
      displayName: jordan.displayName,
    });
    const published = await publishWorkflow({
      store: server.store,
      clock,
      ids: randomIds,
      tenantId: DEMO_TENANT.id,
      authorId: (await byEmail('nadia.haddad')).id,
      definition: workflowDefinition({ title: 'Board update draft' }),
    });
    workflowId = published.workflow.id;
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await connector?.close();
  });

  const preferences = () => nudgeRepository(server.database.db).preferences(DEMO_TENANT.id, jordan.id);

  it('shows a switch per kind on "nudges" and from the home card, the department digest off until asked for', async () => {
    const [answer] = await chat.say('nudges');
    const settings = cardOf(answer!)!;
    expect(cardText(settings)).toContain('Your reminders from Practica');
    expect(cardText(settings)).toContain('At most 2 a week, in your working hours.');
    expect(switches(settings)).toEqual({
      'nudge.all': 'true',
      'nudge.low_rating_follow_up': 'true',
      'nudge.toward_l2': 'true',
      'nudge.social_proof': 'false',
      'nudge.author_reuse': 'true',
      'nudge.author_summary': 'true',
      'nudge.manager_digest': 'true',
      'nudge.lapse_warning': 'true',
    });
    expect(actionData(settings, 'save_nudges')).toEqual({ op: 'save_nudges' });

    const [home] = await chat.say('help');
    expect(actionData(cardOf(home!)!, 'nudges')).toEqual({ op: 'nudges' });
    expect(switches(await chat.click({ op: 'nudges' }))).toEqual(switches(settings));
  });

  it('saves the switches in place, and a reminder switched off is no longer sent', async () => {
    const saved = await chat.click(
      { op: 'save_nudges' },
      { 'nudge.all': 'true', 'nudge.social_proof': 'true', 'nudge.toward_l2': 'false' },
    );
    expect(cardText(saved)).toContain('Saved.');
    expect(switches(saved)).toMatchObject({
      'nudge.all': 'true',
      'nudge.social_proof': 'true',
      'nudge.toward_l2': 'false',
      'nudge.lapse_warning': 'true',
    });
    const stored = await preferences();
    expect(personWantsNudge(stored, 'social_proof')).toBe(true);
    expect(personWantsNudge(stored, 'toward_l2')).toBe(false);
    expect(personWantsNudge(stored, 'lapse_warning')).toBe(true);

    await server.store.jobs.enqueue({
      tenantId: DEMO_TENANT.id,
      kind: NUDGE_SEND_JOB,
      payload: nudgePlanPayload({
        kind: 'toward_l2',
        personId: jordan.id,
        key: 'switched-off-1',
        runAt: clock.now(),
        expiresAt: new Date(clock.now().getTime() + 3 * DAY_MS),
        data: { workflowId, runs: 1 },
      }),
      runAt: clock.now(),
      uniqueKey: 'nudge:switched-off-1',
    });
    await eventually(
      async () => (await nudgeJobs(server.database.db, 'nudge:switched-off-1'))[0]?.status === 'done',
      'the reminder job',
    );
    expect(cardsSaying(chat, 'makes it a habit')).toEqual([]);

    // All off keeps the choices underneath: switching back on restores them.
    const allOff = await chat.click({ op: 'save_nudges' }, { ...switches(saved), 'nudge.all': 'false' });
    expect(cardText(allOff)).toContain('Saved: Practica will not send you reminders.');
    expect(personWantsNudge(await preferences(), 'lapse_warning')).toBe(false);
    const allOn = await chat.click({ op: 'save_nudges' }, { ...switches(allOff), 'nudge.all': 'true' });
    expect(switches(allOn)).toEqual(switches(saved));
  });

  it('refuses a change it cannot read and keeps the choices as they were', async () => {
    const before = await preferences();
    const unreadable: Record<string, string>[] = [
      { 'nudge.toward_l2': 'maybe' },
      { 'nudge.birthday_wishes': 'true' },
    ];
    for (const inputs of unreadable) {
      const refused = await chat.click({ op: 'save_nudges' }, inputs);
      expect(cardText(refused)).toContain('Practica could not read that change, so nothing was changed.');
      expect(switches(refused)['nudge.social_proof']).toBe('true');
    }
    expect(await preferences()).toEqual(before);
  });

  it('leaves off the card what the organisation turned off for everyone', async () => {
    const admin = (await server.store.people.list(DEMO_TENANT.id)).find((person) =>
      person.roles.includes('admin'),
    )!;
    const patched = await fetch(`${server.url}/api/v1/admin/settings`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${await server.devTokens!.issue(admin)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ nudges: { kinds: { author_summary: false } } }),
    });
    expect(patched.status).toBe(200);
    const card = await chat.click({ op: 'nudges' });
    expect(Object.keys(switches(card))).not.toContain('nudge.author_summary');
    expect(cardText(card)).toContain('Turned off for everyone by your organisation: author summary.');
  });
});
