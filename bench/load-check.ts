import { Client } from 'pg';
import type { SessionCounts } from './load-employee';

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The sessions already in the database (the demo history), so that the check counts only the bench's. */
export const existingSessionIds = (url: string): Promise<Set<string>> =>
  withClient(url, async (client) => {
    const { rows } = await client.query<{ id: string }>('select id from sessions');
    return new Set(rows.map((row) => row.id));
  });

export const addCounts = (a: SessionCounts, b: SessionCounts): SessionCounts => ({
  started: a.started + b.started,
  finished: a.finished + b.finished,
  abandoned: a.abandoned + b.abandoned,
  deliverables: a.deliverables + b.deliverables,
  duplicates: a.duplicates + b.duplicates,
});

/** How long the check waits for jobs the last turns queued (a credential after a completed session) to run. */
const JOBS_SETTLE_MS = 20_000;

async function jobsSettled(client: Client, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const { rows } = await client.query<{ n: string }>(
      `select count(*)::text as n from jobs where status in ('queued', 'running') and run_at <= now()`,
    );
    if (Number(rows[0]?.n ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export type Check = { what: string; holds: boolean; detail: string };

/**
 * Nothing lost, nothing twice: the sessions the bench played are the sessions stored, each finished one
 * completed with its deliverable, and each with one start, one completion, one rating and one completion per
 * step (the duplicate deliveries added no event); no generation job left behind.
 */
export const checkSessions = (url: string, before: Set<string>, played: SessionCounts): Promise<Check[]> =>
  withClient(url, async (client) => {
    const sessions = (
      await client.query<{ id: string; status: string; has_deliverable: boolean }>(
        'select id, status, deliverable is not null as has_deliverable from sessions where not trial',
      )
    ).rows.filter((row) => !before.has(row.id));
    const ids = sessions.map((session) => session.id);
    const withStatus = (status: string) => sessions.filter((session) => session.status === status);
    const other = sessions.filter((session) => !['completed', 'abandoned'].includes(session.status));

    const repeated = (
      await client.query<{ type: string; sessions: string }>(
        `select type, count(*)::text as sessions from (
           select session_id, type from events where session_id = any($1::uuid[])
           group by session_id, type, data->>'stepIndex' having count(*) > 1) twice
         group by type`,
        [ids],
      )
    ).rows;
    const once = async (type: string) =>
      Number(
        (
          await client.query<{ n: string }>(
            'select count(distinct session_id)::text as n from events where session_id = any($1::uuid[]) and type = $2',
            [ids, type],
          )
        ).rows[0]?.n ?? 0,
      );
    const completed = withStatus('completed');
    // Every step but the last has its step event; the deliverable step ends the session (session.completed).
    const stepsShort = (
      await client.query<{ n: string }>(
        `select count(*)::text as n from (
           select session_id from events
           where session_id = any($1::uuid[]) and type = 'session.step_completed'
           group by session_id having count(*) <> max((data->>'stepCount')::int) - 1) short`,
        [completed.map((session) => session.id)],
      )
    ).rows[0]?.n;
    await jobsSettled(client, JOBS_SETTLE_MS);
    const jobsLeft = (
      await client.query<{ kind: string; status: string; n: string; error: string | null }>(
        `select kind, status, count(*)::text as n, min(left(last_error, 120)) as error from jobs
         where (status in ('queued', 'running') and run_at <= now()) or status = 'failed' group by kind, status`,
      )
    ).rows;

    const started = await once('session.started');
    const completions = await once('session.completed');
    const ratings = await once('session.rated');
    return [
      {
        what: 'sessions stored = sessions played',
        holds: sessions.length === played.started,
        detail: `${sessions.length} stored, ${played.started} played`,
      },
      {
        what: 'every session played reached its feedback',
        holds: played.abandoned === 0 && played.finished === played.started,
        detail: `${played.finished} of ${played.started}; ${played.abandoned} given up (see what went wrong above)`,
      },
      {
        what: 'completed = finished with feedback',
        holds:
          completed.length === played.finished &&
          withStatus('abandoned').length === played.abandoned &&
          other.length === 0,
        detail:
          `${completed.length} completed, ${played.finished} finished; ${withStatus('abandoned').length} abandoned ` +
          `(${played.abandoned} given up by the bench); ${other.length} left in another state`,
      },
      {
        what: 'each completed session has its deliverable',
        holds:
          completed.every((session) => session.has_deliverable) && played.deliverables === played.finished,
        detail: `${completed.filter((session) => session.has_deliverable).length} stored, ${played.deliverables} reached the chat`,
      },
      {
        what: 'one start, completion and rating event per session',
        holds:
          started === sessions.length && completions === completed.length && ratings === completed.length,
        detail: `started ${started}, completed ${completions}, rated ${ratings}`,
      },
      {
        what: 'no event twice (duplicate deliveries ignored)',
        holds: repeated.length === 0 && Number(stepsShort ?? 0) === 0,
        detail:
          `${played.duplicates} activities delivered twice; ` +
          (repeated.length === 0
            ? 'no repeated event'
            : repeated.map((row) => `${row.type} twice in ${row.sessions} sessions`).join(', ')) +
          `; ${stepsShort ?? 0} completed sessions without one step event per step`,
      },
      {
        what: 'no job failed or left queued or running',
        holds: jobsLeft.length === 0,
        detail:
          jobsLeft.length === 0
            ? 'none'
            : jobsLeft
                .map((row) => `${row.n} ${row.kind} ${row.status}${row.error ? ` (${row.error})` : ''}`)
                .join(', '),
      },
    ];
  });
