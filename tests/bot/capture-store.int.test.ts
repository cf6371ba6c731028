import {
  answerCapture,
  AppError,
  draftCaptureWithModel,
  DRAFTING_PATIENCE_MS,
  isAppError,
  LlmError,
  PermanentJobError,
  randomIds,
  startOrResumeCapture,
  validateWorkflowDraft,
  type CaptureInterview,
  type LlmClient,
  type Person,
  type Store,
} from '../../core';
import { createStore } from '../../store';
import { fixedClock, personProfile, seedTenant } from '../factories';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/test-database';

const ANSWERS = [
  'Write the weekly pipeline summary',
  'Sales managers; the sales director reads it',
  'The CRM pipeline export',
  'Find the deals that moved\nSummarise the week',
  'skip',
  'Every deal amount matches the export\nNames the next step for each deal\nFits on one screen',
  '45',
  'skip',
];

const replying = (text: string): LlmClient => ({ complete: async () => ({ text, model: 'fake' }) });

describe.each(testDatabaseKinds())('capture interviews stored on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;
  let tenantId: string;
  let author: Person;
  const clock = fixedClock();
  const ids = randomIds;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    store = createStore(database.db);
    tenantId = await seedTenant(store);
    author = await store.people.upsertProfile(
      tenantId,
      personProfile({ tenantId, displayName: 'Ana', roles: ['employee', 'author'] }),
    );
  });
  afterAll(() => database?.drop());

  const viewer = () => ({ person: author, roles: ['employee', 'author'] as const });

  async function freshInterview(): Promise<CaptureInterview> {
    const { interview } = await startOrResumeCapture({ store, clock, ids, viewer: viewer() });
    return interview;
  }

  async function answerAll(llmAvailable: boolean): Promise<CaptureInterview> {
    let interview = await freshInterview();
    for (const answer of ANSWERS) {
      const next = await answerCapture({
        store,
        clock,
        ids,
        viewer: viewer(),
        interview,
        answer,
        llmAvailable,
      });
      if (next === 'duplicate') throw new Error('unexpected duplicate');
      interview = next;
    }
    return interview;
  }

  it('lets only one of two answers to the same question land, and creates the draft once', async () => {
    const interview = await freshInterview();
    const before = (await store.workflows.listAll(tenantId)).length;
    const results = await Promise.allSettled(
      ['First answer wins', 'Second answer loses'].map((answer) =>
        answerCapture({ store, clock, ids, viewer: viewer(), interview, answer, llmAvailable: false }),
      ),
    );
    const refused = results.filter((result) => result.status === 'rejected');
    expect(refused).toHaveLength(1);
    const reason = (refused[0] as PromiseRejectedResult).reason as unknown;
    expect(isAppError(reason) && reason.code).toBe('conflict');
    const stored = await store.captureInterviews.get(tenantId, interview.id);
    expect(stored?.version).toBe(interview.version + 1);
    expect(['First answer wins', 'Second answer loses']).toContain(stored?.answers.task);
    expect((await store.workflows.listAll(tenantId)).length).toBe(before + 1);
    const draft = await store.workflows.getDraft(tenantId, stored!.workflowId!);
    expect(draft?.definition).toMatchObject({ title: stored?.answers.task });
  });

  it("does not show an author's interview to another tenant", async () => {
    const otherTenant = await seedTenant(store);
    const interview = await store.captureInterviews.findOpenForAuthor(tenantId, author.id);
    expect(interview).not.toBeNull();
    expect(await store.captureInterviews.findOpenForAuthor(otherTenant, author.id)).toBeNull();
    expect(await store.captureInterviews.get(otherTenant, interview!.id)).toBeNull();
  });

  it('refuses someone without the author role, in chat and in the draft job', async () => {
    const employee = await store.people.upsertProfile(tenantId, personProfile({ tenantId }));
    await expect(
      startOrResumeCapture({ store, clock, ids, viewer: { person: employee, roles: ['employee'] } }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await store.captureInterviews.findOpenForAuthor(tenantId, employee.id)).toBeNull();

    // An author who lost the role before the job ran: refused for good, the model never asked.
    const formerViewer = {
      person: await store.people.upsertProfile(
        tenantId,
        personProfile({ tenantId, roles: ['employee', 'author'] }),
      ),
      roles: ['employee', 'author'] as const,
    };
    const { interview } = await startOrResumeCapture({ store, clock, ids, viewer: formerViewer });
    const answered = await answerCapture({
      store,
      clock,
      ids,
      viewer: formerViewer,
      interview,
      answer: 'Plan the quarter',
      llmAvailable: true,
    });
    if (answered === 'duplicate') throw new Error('unexpected duplicate');
    await store.captureInterviews.compareAndSet({
      ...answered,
      status: 'drafting',
      version: answered.version + 1,
    });
    await store.people.upsertProfile(tenantId, {
      ...personProfile({ tenantId, roles: ['employee'] }),
      aadObjectId: formerViewer.person.aadObjectId,
    });
    let asked = false;
    const llm: LlmClient = {
      complete: async () => {
        asked = true;
        return { text: '{}', model: 'fake' };
      },
    };
    await expect(
      draftCaptureWithModel({ store, clock, ids, llm, tenantId, interviewId: interview.id }),
    ).rejects.toBeInstanceOf(PermanentJobError);
    expect(asked).toBe(false);
  });

  it('with a model: the last answer queues the draft job, and a model failure leaves the interview to retry', async () => {
    await store.captureInterviews.compareAndSet({
      ...(await store.captureInterviews.findOpenForAuthor(tenantId, author.id))!,
      status: 'abandoned',
      version: (await store.captureInterviews.findOpenForAuthor(tenantId, author.id))!.version + 1,
    });
    const interview = await answerAll(true);
    expect(interview.status).toBe('drafting');
    const claimed = await store.jobs.claimDue({
      workerId: 'test',
      now: new Date(clock.now().getTime() + 1_000),
      leaseMs: 60_000,
      limit: 10,
      kinds: ['capture.draft'],
    });
    expect(claimed.map((job) => job.payload)).toEqual([{ interviewId: interview.id }]);

    const failing: LlmClient = {
      complete: async () => {
        throw new LlmError('unavailable', 'down');
      },
    };
    await expect(
      draftCaptureWithModel({ store, clock, ids, llm: failing, tenantId, interviewId: interview.id }),
    ).rejects.toBeInstanceOf(LlmError);
    expect((await store.captureInterviews.get(tenantId, interview.id))?.status).toBe('drafting');

    const result = await draftCaptureWithModel({
      store,
      clock,
      ids,
      llm: replying('Sorry, I cannot produce JSON today.'),
      tenantId,
      interviewId: interview.id,
    });
    expect(result).toMatchObject({ kind: 'drafted', source: 'template' });
    const check = await validateWorkflowDraft({ store, viewer: viewer(), workflowId: interview.workflowId! });
    expect(check.valid).toBe(true);
    const again = await draftCaptureWithModel({
      store,
      clock,
      ids,
      llm: replying('{}'),
      tenantId,
      interviewId: interview.id,
    });
    expect(again.kind).toBe('not-needed');
  });

  it('keeps the answers and the draft when a bad answer is refused', async () => {
    const interview = await freshInterview();
    await expect(
      answerCapture({ store, clock, ids, viewer: viewer(), interview, answer: '   ', llmAvailable: false }),
    ).rejects.toEqual(expect.any(AppError));
    expect((await store.captureInterviews.get(tenantId, interview.id))?.version).toBe(interview.version);
  });

  it("settles for the answers' draft when the model has not delivered after the patience period", async () => {
    const open = await store.captureInterviews.findOpenForAuthor(tenantId, author.id);
    if (open)
      await store.captureInterviews.compareAndSet({
        ...open,
        status: 'abandoned',
        version: open.version + 1,
      });
    const drafting = await answerAll(true);
    expect(drafting.status).toBe('drafting');

    const early = await startOrResumeCapture({ store, clock, ids, viewer: viewer() });
    expect(early.interview).toMatchObject({ status: 'drafting', version: drafting.version });

    clock.advance(DRAFTING_PATIENCE_MS + 1_000);
    const settled = await startOrResumeCapture({ store, clock, ids, viewer: viewer() });
    expect(settled.interview).toMatchObject({ status: 'drafted', draftedWith: 'template' });
    const check = await validateWorkflowDraft({ store, viewer: viewer(), workflowId: drafting.workflowId! });
    expect(check.valid).toBe(true);
    const late = await draftCaptureWithModel({
      store,
      clock,
      ids,
      llm: replying('{}'),
      tenantId,
      interviewId: drafting.id,
    });
    expect(late.kind).toBe('not-needed');
  });
});
