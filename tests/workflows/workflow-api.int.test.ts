import { randomUUID } from 'node:crypto';
import {
  defaultTenantSettings,
  publishWorkflow,
  randomIds,
  startSession,
  systemClock,
  type Person,
  type Workflow,
} from '../../core';
import type { LrsTarget } from '../../lms-connector/targets';
import { DEMO_TENANT } from '../../server/demo';
import { newSession, personProfile, workflowDefinition } from '../factories';
import { feedback } from '../reviews/review-scenario';
import { startChat, type Chat } from '../support/chat';
import { cardOf, cardText } from '../support/teams-user';
import { testDatabaseKinds } from '../support/test-database';

type Who = 'jordan' | 'sofia' | 'gabriel' | 'priya' | 'outsider';
type Json = Record<string, unknown> & { code?: string; details?: Json[] };
type Reply = { status: number; body: Json };

const UNIQUE = 'Zanzibar harbour tonnage report';
/** A target nobody listens on: statements stay in the outbox, where the test reads them. */
const UNREACHABLE_LRS: LrsTarget = {
  name: 'lms',
  endpoint: 'http://127.0.0.1:9/xapi/',
  auth: { kind: 'basic', username: 'practica', password: 'not-used' },
  actor: { kind: 'account', homePage: 'https://lms.northwind.example' },
};

describe.each(testDatabaseKinds())('workflow library and authoring API on %s', (kind) => {
  let chat: Chat;
  let people: Record<Who, Person>;
  let outsiderWorkflow: Workflow;

  const call = async (
    who: Who,
    method: string,
    path: string,
    body?: unknown,
    options: { appRoles?: string[]; raw?: string } = {},
  ): Promise<Reply> => {
    const token = await chat.server.devTokens!.issue(people[who], { appRoles: options.appRoles });
    const response = await fetch(`${chat.server.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: options.raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    return { status: response.status, body: (await response.json()) as Json };
  };
  const get = (who: Who, path: string) => call(who, 'GET', path);
  const findInChat = async (words: string) => {
    const [reply] = await chat.userFor('jordan.ellis@northwind.example').say(`find ${words}`);
    return cardText(cardOf(reply!)!);
  };
  const auditActions = async () =>
    (await chat.server.store.audit.listForTenant(DEMO_TENANT.id, { limit: 200 })).map((entry) => entry);

  beforeAll(async () => {
    chat = await startChat(kind, {}, { lrsTargets: () => [UNREACHABLE_LRS] });
    const store = chat.server.store;
    const byEmail = async (name: string) =>
      (await store.people.findByEmail(DEMO_TENANT.id, `${name}@northwind.example`))!;
    const otherTenant = randomUUID();
    await store.tenants.ensure({
      id: otherTenant,
      displayName: 'Contoso',
      settings: defaultTenantSettings(),
    });
    people = {
      jordan: await byEmail('jordan.ellis'),
      sofia: await byEmail('sofia.lindqvist'),
      gabriel: await byEmail('gabriel.santos'),
      priya: await byEmail('priya.raman'),
      outsider: await store.people.upsertProfile(
        otherTenant,
        personProfile({
          tenantId: otherTenant,
          displayName: 'Olu Outsider',
          roles: ['employee', 'author', 'admin'],
        }),
      ),
    };
    ({ workflow: outsiderWorkflow } = await publishWorkflow({
      store,
      clock: systemClock,
      ids: randomIds,
      tenantId: otherTenant,
      authorId: people.outsider.id,
      definition: workflowDefinition({ title: 'Contoso secret workflow' }),
    }));
  });
  afterAll(async () => {
    await chat?.close();
  });

  describe('library', () => {
    it('lists published workflows with the social proof the bot shows: author, adopters, completions, minutes saved, rating', async () => {
      const store = chat.server.store;
      const memo = (await store.workflows.findByTitle(
        DEMO_TENANT.id,
        'Monthly reconciliation variance memo',
      ))!;
      const version = (await store.workflows.latestVersion(DEMO_TENANT.id, memo.id))!;
      for (const [person, minutesTaken, meanRating] of [
        [people.jordan, 30, 4],
        [people.gabriel, 60, 3],
        [people.jordan, 40, 5],
      ] as const) {
        await store.sessions.create(
          newSession({
            tenantId: DEMO_TENANT.id,
            personId: person.id,
            workflowId: memo.id,
            workflowVersionId: version.id,
            status: 'completed',
            phase: 'done',
            feedback: { ...feedback(false), minutesTaken, manualMinutes: 120, meanRating },
            completedAt: new Date(),
          }),
        );
      }
      const { status, body } = await get('jordan', '/workflows?limit=50');
      expect(status).toBe(200);
      const entries = body.workflows as Json[];
      expect(entries.length).toBeGreaterThanOrEqual(8);
      expect(entries.find((entry) => entry.id === memo.id)).toEqual({
        id: memo.id,
        title: 'Monthly reconciliation variance memo',
        summary: expect.any(String),
        skillArea: 'analysis',
        suitedFor: { departments: ['Finance'], jobTitles: expect.arrayContaining(['Financial Analyst']) },
        manualMinutes: expect.any(Number),
        versionNumber: 1,
        author: { id: people.sofia.id, name: 'Sofia Lindqvist' },
        mine: false,
        reason: expect.any(String),
        usage: { completed: 3, adopters: 2, medianMinutesSaved: 80, meanRating: 4 },
      });
      // Jordan is a Financial Analyst in Finance: what suits them comes first, as in the bot.
      expect(entries[0]!.suitedFor).toMatchObject({ departments: ['Finance'] });
    });

    it('searches by words and filters by skill area, department and role', async () => {
      const titles = async (query: string) =>
        ((await get('jordan', `/workflows?${query}`)).body.workflows as Json[]).map((entry) => entry.title);
      expect(await titles('q=competitor')).toEqual(['Competitive analysis brief']);
      expect(await titles('skillArea=research')).toEqual(
        expect.arrayContaining(['Competitive analysis brief', 'Customer interview synthesis']),
      );
      expect(await titles('skillArea=research')).toHaveLength(2);
      expect((await titles('department=finance')).sort()).toEqual([
        'Monthly reconciliation variance memo',
        'Quarterly budget reforecast commentary',
      ]);
      expect(await titles('role=Support%20Engineer')).toEqual(['Support escalation summary']);
      expect(await titles('q=zebra%20crossings')).toEqual([]);
    });

    it('pages with an opaque cursor that covers every workflow once, and refuses a tampered cursor or unknown skill area', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Reply = await get('jordan', `/workflows?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        seen.push(...(page.body.workflows as Json[]).map((entry) => entry.id as string));
        cursor = page.body.nextCursor as string | null;
      } while (cursor);
      const all = ((await get('jordan', '/workflows?limit=50')).body.workflows as Json[]).map((e) => e.id);
      expect(seen).toEqual(all);
      expect(new Set(seen).size).toBe(seen.length);

      const tampered = await get(
        'jordan',
        `/workflows?cursor=${Buffer.from('offset 2').toString('base64url')}`,
      );
      expect(tampered).toMatchObject({ status: 400, body: { code: 'invalid_input' } });
      expect(await get('jordan', '/workflows?limit=0')).toMatchObject({
        status: 400,
        body: { code: 'invalid_input' },
      });
      const area = await get('jordan', '/workflows?skillArea=astrology');
      expect(area.status).toBe(400);
      expect(area.body.message).toContain('skillArea must be one of');
    });

    it("never shows another tenant's workflows, and answers 404 for their ids", async () => {
      const { body } = await get('jordan', '/workflows?limit=50&q=contoso%20secret');
      expect(body.workflows).toEqual([]);
      expect(await get('jordan', `/workflows/${outsiderWorkflow.id}`)).toMatchObject({
        status: 404,
        body: { code: 'not_found' },
      });
      expect((await get('jordan', '/workflows/not-a-uuid')).status).toBe(404);
      expect((await get('outsider', '/workflows?limit=50')).body.workflows).toEqual([
        expect.objectContaining({ id: outsiderWorkflow.id }),
      ]);
    });

    it('shows the published version (steps, inputs, rubric, manual minutes); usage per version only to its author and admins', async () => {
      const memo = (await chat.server.store.workflows.findByTitle(
        DEMO_TENANT.id,
        'Monthly reconciliation variance memo',
      ))!;
      const asEmployee = await get('jordan', `/workflows/${memo.id}`);
      expect(asEmployee.status).toBe(200);
      expect(asEmployee.body).toMatchObject({
        id: memo.id,
        status: 'published',
        author: { name: 'Sofia Lindqvist' },
        canManage: false,
        versions: null,
        hasDraft: null,
        usage: { completed: 3 },
        version: {
          versionNumber: 1,
          manualMinutes: expect.any(Number),
          inputs: expect.arrayContaining([expect.objectContaining({ name: expect.any(String) })]),
          rubric: expect.arrayContaining([expect.objectContaining({ criterion: expect.any(String) })]),
        },
      });
      const steps = (asEmployee.body.version as Json).steps as Json[];
      expect(steps.at(-1)).toMatchObject({ kind: 'deliverable' });

      const asAuthor = await get('sofia', `/workflows/${memo.id}`);
      expect(asAuthor.body).toMatchObject({ canManage: true, mine: true, hasDraft: false });
      expect(asAuthor.body.versions).toEqual([
        {
          id: expect.any(String),
          versionNumber: 1,
          publishedAt: expect.any(String),
          usage: { started: 3, completed: 3, abandoned: 0, medianMinutesSaved: 80, meanRating: 4 },
        },
      ]);
      expect(JSON.stringify(asAuthor.body)).not.toContain(people.jordan.id);
      expect((await get('priya', `/workflows/${memo.id}`)).body).toMatchObject({ canManage: true });
      expect((await get('gabriel', `/workflows/${memo.id}`)).body).toMatchObject({
        canManage: false,
        versions: null,
      });
    });
  });

  describe('authoring', () => {
    const broken = () =>
      workflowDefinition({
        title: UNIQUE,
        manualMinutes: 0,
        rubric: [],
        steps: workflowDefinition()
          .steps.slice(0, 3)
          .map((step) =>
            step.kind === 'generate' ? { ...step, prompt: 'Summarise {{inputs.variances}}' } : step,
          ),
      });

    it('takes a draft from create to validate to publish; the bot offers it at once; a new version is pinned by new sessions only', async () => {
      expect(await findInChat('zanzibar')).toContain('No workflow matches');
      const created = await call('sofia', 'POST', '/workflows', { definition: broken() });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        status: 'draft',
        latestVersionNumber: 0,
        draft: { definition: { title: UNIQUE }, updatedBy: people.sofia.id },
      });
      const id = created.body.workflowId as string;

      // A draft is the author's: invisible to colleagues, in the library or by id.
      expect((await get('jordan', `/workflows/${id}`)).status).toBe(404);
      expect((await get('gabriel', `/workflows/${id}/draft`)).status).toBe(404);
      expect((await get('jordan', '/workflows?q=zanzibar')).body.workflows).toEqual([]);

      const validation = await call('sofia', 'POST', `/workflows/${id}/draft/validate`);
      expect(validation.status).toBe(200);
      expect(validation.body.valid).toBe(false);
      const codes = (validation.body.problems as Json[]).map((problem) => [problem.path, problem.code]);
      expect(codes).toEqual(
        expect.arrayContaining([
          ['manualMinutes', 'manual_minutes_out_of_range'],
          ['rubric', 'rubric_without_criteria'],
        ]),
      );

      const refused = await call('sofia', 'POST', `/workflows/${id}/publish`);
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('invalid_workflow_definition');
      expect(refused.body.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'rubric', code: 'rubric_without_criteria' }),
        ]),
      );
      expect((await chat.server.store.workflows.get(DEMO_TENANT.id, id))!.status).toBe('draft');

      // Fixed schema problems reveal the structural ones: a placeholder typo and no deliverable step.
      await call('sofia', 'PUT', `/workflows/${id}/draft`, {
        definition: { ...broken(), manualMinutes: 90, rubric: workflowDefinition().rubric },
      });
      const structural = await call('sofia', 'POST', `/workflows/${id}/draft/validate`);
      expect((structural.body.problems as Json[]).map((problem) => problem.code)).toEqual(
        expect.arrayContaining(['unknown_placeholder', 'no_deliverable_step']),
      );

      const saved = await call('sofia', 'PUT', `/workflows/${id}/draft`, {
        definition: workflowDefinition({ title: UNIQUE }),
      });
      expect(saved.status).toBe(200);
      expect((await call('sofia', 'POST', `/workflows/${id}/draft/validate`)).body).toEqual({
        valid: true,
        problems: [],
      });
      const published = await call('sofia', 'POST', `/workflows/${id}/publish`);
      expect(published).toMatchObject({
        status: 201,
        body: { workflowId: id, status: 'published', version: { versionNumber: 1 } },
      });
      const events = await chat.server.store.events.listForTenant(DEMO_TENANT.id, {
        type: 'workflow.published',
      });
      expect(events.filter((event) => event.workflowId === id)).toEqual([
        expect.objectContaining({
          personId: people.sofia.id,
          data: expect.objectContaining({ versionNumber: 1 }),
        }),
      ]);
      const authored = (
        await chat.server.store.xapiOutbox.list(DEMO_TENANT.id, { target: 'lms', limit: 1000 })
      )
        .map((row) => row.payload as { verb?: { id?: string }; object?: { id?: string } })
        .filter((statement) => statement.object?.id?.endsWith(`/workflows/${id}`));
      expect(authored.map((statement) => statement.verb?.id)).toEqual(['http://activitystrea.ms/author']);
      expect(await findInChat('zanzibar')).toContain(UNIQUE);
      expect((await get('jordan', '/workflows?q=zanzibar')).body.workflows).toEqual([
        expect.objectContaining({ id, author: { id: people.sofia.id, name: 'Sofia Lindqvist' } }),
      ]);
      expect((await get('sofia', `/workflows/${id}/draft`)).body).toMatchObject({
        draft: null,
        latestVersionNumber: 1,
      });

      const base = { store: chat.server.store, clock: systemClock, ids: randomIds, tenantId: DEMO_TENANT.id };
      const running = await startSession({
        ...base,
        personId: people.jordan.id,
        workflowId: id,
        llmAvailable: false,
      });
      if (running.kind !== 'started') throw new Error('expected a session');

      await call('sofia', 'PUT', `/workflows/${id}/draft`, {
        definition: workflowDefinition({ title: UNIQUE, manualMinutes: 150 }),
      });
      const second = await call('sofia', 'POST', `/workflows/${id}/publish`);
      expect(second.body).toMatchObject({ version: { versionNumber: 2 } });
      const next = await startSession({
        ...base,
        personId: people.gabriel.id,
        workflowId: id,
        llmAvailable: false,
      });
      if (next.kind !== 'started') throw new Error('expected a session');
      expect(next.version.versionNumber).toBe(2);
      const kept = (await chat.server.store.sessions.get(DEMO_TENANT.id, running.session.id))!;
      expect(kept.workflowVersionId).toBe(running.version.id);
      expect(running.version.versionNumber).toBe(1);
      expect((await get('jordan', `/workflows/${id}`)).body).toMatchObject({
        version: { manualMinutes: 150 },
      });
      const versions = (await get('sofia', `/workflows/${id}`)).body.versions as Json[];
      expect(versions.map((entry) => [entry.versionNumber, (entry.usage as Json).started])).toEqual([
        [1, 1],
        [2, 1],
      ]);

      // Retired: gone from the library and the bot, no new sessions; a running one keeps its version.
      const retired = await call('sofia', 'POST', `/workflows/${id}/retire`);
      expect(retired).toMatchObject({ status: 200, body: { workflowId: id, status: 'retired' } });
      expect(await findInChat('zanzibar')).toContain('No workflow matches');
      expect((await get('jordan', '/workflows?q=zanzibar')).body.workflows).toEqual([]);
      expect((await get('jordan', `/workflows/${id}`)).status).toBe(404);
      await expect(
        startSession({ ...base, personId: people.priya.id, workflowId: id, llmAvailable: false }),
      ).rejects.toMatchObject({ code: 'not_found' });
      expect((await chat.server.store.sessions.get(DEMO_TENANT.id, next.session.id))!.status).toBe('active');
      expect(
        (await chat.server.store.events.listForTenant(DEMO_TENANT.id, { type: 'workflow.retired' })).filter(
          (event) => event.workflowId === id,
        ),
      ).toHaveLength(1);

      const audit = (await auditActions()).filter((entry) => entry.details.workflowId === id);
      expect(audit.map((entry) => [entry.action, entry.actorId]).sort()).toEqual(
        [
          ['workflow.published', people.sofia.id],
          ['workflow.published', people.sofia.id],
          ['workflow.retired', people.sofia.id],
        ].sort(),
      );
    });

    it('lets authors (stored role or the Practica.Author app role) and admins write; refuses employees with 403', async () => {
      const definition = workflowDefinition({ title: 'Employee attempt' });
      expect(await call('jordan', 'POST', '/workflows', { definition })).toMatchObject({
        status: 403,
        body: { code: 'forbidden' },
      });
      const viaAppRole = await call(
        'jordan',
        'POST',
        '/workflows',
        { definition },
        { appRoles: ['Practica.Author'] },
      );
      expect(viaAppRole.status).toBe(201);
      expect((await call('priya', 'POST', '/workflows', { definition })).status).toBe(201);
    });

    it("keeps other people's workflows out of reach: 403 on a published one, 404 on a draft or another tenant's; an admin may publish for the author", async () => {
      const memo = (await chat.server.store.workflows.findByTitle(
        DEMO_TENANT.id,
        'Monthly reconciliation variance memo',
      ))!;
      const definition = workflowDefinition({ title: 'Gabriel edits Sofia' });
      expect(await call('gabriel', 'PUT', `/workflows/${memo.id}/draft`, { definition })).toMatchObject({
        status: 403,
        body: { code: 'forbidden' },
      });
      expect((await call('gabriel', 'POST', `/workflows/${memo.id}/retire`)).status).toBe(403);
      expect((await call('jordan', 'POST', `/workflows/${memo.id}/publish`)).status).toBe(403);

      const draft = await call('sofia', 'POST', '/workflows', {
        definition: workflowDefinition({ title: 'Sofia private draft' }),
      });
      const draftId = draft.body.workflowId as string;
      for (const [method, path] of [
        ['GET', `/workflows/${draftId}/draft`],
        ['PUT', `/workflows/${draftId}/draft`],
        ['POST', `/workflows/${draftId}/draft/validate`],
        ['POST', `/workflows/${draftId}/publish`],
        ['POST', `/workflows/${draftId}/retire`],
      ] as const) {
        const reply = await call('gabriel', method, path, method === 'PUT' ? { definition } : undefined);
        expect([method, path, reply.status, reply.body.code]).toEqual([method, path, 404, 'not_found']);
        const outsider = await call('outsider', method, path, method === 'PUT' ? { definition } : undefined);
        expect([method, path, outsider.status]).toEqual([method, path, 404]);
      }
      for (const path of [
        `/workflows/${outsiderWorkflow.id}/draft`,
        `/workflows/${outsiderWorkflow.id}/retire`,
      ]) {
        const method = path.endsWith('retire') ? 'POST' : 'GET';
        expect((await call('priya', method, path)).status).toBe(404);
      }
      expect(
        (await chat.server.store.workflows.get(outsiderWorkflow.tenantId, outsiderWorkflow.id))!.status,
      ).toBe('published');

      const ownSaves = (await auditActions()).filter(
        (entry) => entry.action === 'workflow.draft_saved',
      ).length;
      await call('sofia', 'PUT', `/workflows/${draftId}/draft`, {
        definition: workflowDefinition({ title: 'Sofia private draft' }),
      });
      expect((await auditActions()).filter((entry) => entry.action === 'workflow.draft_saved')).toHaveLength(
        ownSaves,
      );
      await call('priya', 'PUT', `/workflows/${draftId}/draft`, {
        definition: workflowDefinition({ title: 'Sofia private draft, tidied by L&D' }),
      });
      expect((await auditActions()).find((entry) => entry.action === 'workflow.draft_saved')).toMatchObject({
        actorId: people.priya.id,
        details: { workflowId: draftId, authorId: people.sofia.id },
      });
      const byAdmin = await call('priya', 'POST', `/workflows/${draftId}/publish`);
      expect(byAdmin.status).toBe(201);
      const workflow = (await chat.server.store.workflows.get(DEMO_TENANT.id, draftId))!;
      expect(workflow.authorId).toBe(people.sofia.id);
      const version = (await chat.server.store.workflows.latestVersion(DEMO_TENANT.id, draftId))!;
      expect(version.publishedBy).toBe(people.priya.id);
      const audit = (await auditActions()).find(
        (entry) => entry.action === 'workflow.published' && entry.details.workflowId === draftId,
      );
      expect(audit).toMatchObject({ actorId: people.priya.id, details: { authorId: people.sofia.id } });
    });

    it('refuses bad requests with a clear code and stores nothing', async () => {
      const created = await call('sofia', 'POST', '/workflows', { definition: { title: 'Half written' } });
      expect(created.status).toBe(201);
      const id = created.body.workflowId as string;
      const before = await chat.server.store.workflows.getDraft(DEMO_TENANT.id, id);

      const cases: [string, string, unknown, string | undefined, string][] = [
        ['POST', '/workflows', {}, undefined, 'invalid_input'],
        ['POST', '/workflows', { definition: [1, 2] }, undefined, 'invalid_input'],
        ['PUT', `/workflows/${id}/draft`, { definition: 'text' }, undefined, 'invalid_input'],
        ['PUT', `/workflows/${id}/draft`, { definition: {}, extra: true }, undefined, 'invalid_input'],
        ['PUT', `/workflows/${id}/draft`, undefined, '{"definition": ', 'malformed_json'],
      ];
      for (const [method, path, body, raw, code] of cases) {
        const reply = await call('sofia', method, path, body, { raw });
        expect([method, path, reply.status, reply.body.code]).toEqual([method, path, 400, code]);
        expect(reply.body.message).toEqual(expect.any(String));
      }
      const unknownField = await call('sofia', 'PUT', `/workflows/${id}/draft`, {
        definition: {},
        extra: true,
      });
      expect(unknownField.body.details).toEqual([expect.objectContaining({ code: 'unknown_field' })]);
      expect(await chat.server.store.workflows.getDraft(DEMO_TENANT.id, id)).toEqual(before);

      const retiredDraft = await call('sofia', 'POST', `/workflows/${id}/retire`);
      expect(retiredDraft).toMatchObject({ status: 400, body: { code: 'invalid_input' } });
      const published = await chat.server.store.workflows.findByTitle(
        DEMO_TENANT.id,
        'Monthly reconciliation variance memo',
      );
      const noDraft = await call('sofia', 'POST', `/workflows/${published!.id}/publish`);
      expect(noDraft).toMatchObject({ status: 400, body: { code: 'invalid_input' } });
      expect(noDraft.body.message).toContain('no draft');
    });

    it('lists my own workflows in every state, with whether a draft waits; nobody else’s', async () => {
      const { status, body } = await get('sofia', '/me/workflows');
      expect(status).toBe(200);
      const mine = body.workflows as Json[];
      const byTitle = (title: string) => mine.find((entry) => entry.title === title);
      expect(byTitle('Monthly reconciliation variance memo')).toMatchObject({
        status: 'published',
        latestVersionNumber: 1,
        hasDraft: false,
      });
      expect(byTitle(UNIQUE)).toMatchObject({ status: 'retired', latestVersionNumber: 2, hasDraft: false });
      expect(byTitle('Half written')).toMatchObject({
        status: 'draft',
        latestVersionNumber: 0,
        hasDraft: true,
      });
      expect(mine.map((entry) => entry.title)).not.toContain('Competitive analysis brief');
      const gabriels = ((await get('gabriel', '/me/workflows')).body.workflows as Json[]).map(
        (entry) => entry.title,
      );
      expect(gabriels).toContain('Competitive analysis brief');
      expect(gabriels).not.toContain('Half written');
      expect((await get('outsider', '/me/workflows')).body.workflows).toEqual([
        expect.objectContaining({ id: outsiderWorkflow.id }),
      ]);
    });
  });
});
