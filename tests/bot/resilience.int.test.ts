import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { silentLogger, type LlmClient } from '../../core';
import { loadConfig } from '../../server/config';
import { DEMO_DEFAULT_USER_EMAIL, DEMO_TENANT, requireDemoPerson } from '../../server/demo';
import { startPractica, type RunningPractica } from '../../server/practica';
import { startLocalConnector } from '../support/local-connector';
import { actionData, cardText, TeamsUser, type Card } from '../support/teams-user';
import { createPostgresDatabase, dropPostgresDatabase } from '../support/test-database';

const analyst = requireDemoPerson(DEMO_DEFAULT_USER_EMAIL);
const start = (env: Record<string, string>, llm: LlmClient | null = null) =>
  startPractica(
    loadConfig({
      PRACTICA_DEV_MODE: 'true',
      PORT: '0',
      LOG_LEVEL: 'silent',
      WORKER_POLL_MS: '50',
      SEED_DEMO_HISTORY: 'false',
      ...env,
    }),
    { logger: silentLogger, llm },
  );

async function firstStep(user: TeamsUser, server: RunningPractica): Promise<Card> {
  await user.say('help');
  const memo = (await server.store.workflows.listPublished(DEMO_TENANT.id)).find(
    (workflow) => workflow.title === 'Monthly reconciliation variance memo',
  )!;
  return user.click({ op: 'start', workflowId: memo.id });
}

describe('sessions survive restarts and run across instances', () => {
  it('resumes after a restart on the same PGlite directory, from the card the employee still has', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'practica-restart-'));
    const connector = await startLocalConnector();
    let server = await start({ PGLITE_DATA_DIR: dataDir });
    let user = new TeamsUser(server.url, connector, {
      tenantId: DEMO_TENANT.id,
      aadObjectId: analyst.aadObjectId,
      displayName: analyst.displayName,
    });
    const first = await firstStep(user, server);
    await server.stop();

    server = await start({ PGLITE_DATA_DIR: dataDir });
    user = new TeamsUser(server.url, connector, user.person);
    const next = await user.click(actionData(first, 'submit_inputs')!, {
      'input.period': 'March',
      'input.reconciliation': 'GL 182,400',
    });
    expect(actionData(next, 'provide_output')).not.toBeNull();
    const status = await user.say('status');
    expect(status[0]?.activity.text).toContain('step 2 of');
    await server.stop();
    await connector.close();
  });

  (process.env.TEST_DATABASE_URL ? it : it.skip)(
    'lets two instances on one PostgreSQL database serve alternate turns of one session',
    async () => {
      const url = await createPostgresDatabase();
      const connector = await startLocalConnector();
      const [one, two] = [await start({ DATABASE_URL: url }), await start({ DATABASE_URL: url })];
      try {
        const person = {
          tenantId: DEMO_TENANT.id,
          aadObjectId: analyst.aadObjectId,
          displayName: analyst.displayName,
        };
        const onOne = new TeamsUser(one.url, connector, person);
        const onTwo = new TeamsUser(two.url, connector, person);
        const first = await firstStep(onOne, one);
        const second = await onTwo.click(actionData(first, 'submit_inputs')!, {
          'input.period': 'March',
          'input.reconciliation': 'GL 182,400',
        });
        const third = await onOne.click(actionData(second, 'provide_output')!, {
          pasted: 'Accruals rose by 40,500.',
        });
        expect(
          actionData(third, 'complete_verification') ??
            actionData(third, 'accept_output') ??
            actionData(third, 'submit_inputs'),
        ).not.toBeNull();
        const stale = await onTwo.click(actionData(second, 'provide_output')!, { pasted: 'again' });
        expect(cardText(stale)).toContain('out of date');
      } finally {
        await one.stop();
        await two.stop();
        await connector.close();
        await dropPostgresDatabase(url);
      }
    },
  );

  it('answers at once while the model takes 60 seconds, and delivers the answer when it comes', async () => {
    const slowModel: LlmClient = {
      complete: ({ signal }) =>
        new Promise((resolve, reject) => {
          const timer = setTimeout(
            () => resolve({ text: 'Slow but sure: accruals rose 40,500.', model: 'slow' }),
            60_000,
          );
          signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(new Error('aborted'));
          });
        }),
    };
    const connector = await startLocalConnector();
    const server = await start({ DATABASE_URL: 'memory://', JOB_LEASE_MS: '20000' }, slowModel);
    try {
      const user = new TeamsUser(server.url, connector, {
        tenantId: DEMO_TENANT.id,
        aadObjectId: analyst.aadObjectId,
        displayName: analyst.displayName,
      });
      const first = await firstStep(user, server);
      const began = performance.now();
      const generating = await user.click(
        actionData(first, 'submit_inputs')!,
        { 'input.period': 'March', 'input.reconciliation': 'GL' },
        { replyToId: 'slow-card' },
      );
      expect(performance.now() - began).toBeLessThan(1_000);
      expect(cardText(generating)).toContain('Generating…');
      const status = await user.say('status');
      expect(status[0]?.activity.text).toContain('step 2 of');
      const answered = await user.waitForUpdate(
        'slow-card',
        (card) => actionData(card, 'accept_output') !== null,
        75_000,
      );
      expect(cardText(answered)).toContain('Slow but sure');
      expect(performance.now() - began).toBeGreaterThanOrEqual(59_000);
    } finally {
      await server.stop();
      await connector.close();
    }
  }, 120_000);
});
