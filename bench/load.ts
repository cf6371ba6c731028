import { benchPersonas, createPostgresDatabase, ECHO_BOT, startPractica } from './bot';
import { EchoConversation, runConversations } from './bot-load';
import { startLocalConnector } from './local-connector';
import { addCounts, checkSessions, existingSessionIds } from './load-check';
import { LoadEmployee, type SessionCounts } from './load-employee';
import {
  checkLines,
  formatMemory,
  memoryOf,
  operationTable,
  problemLines,
  saturationLines,
  stepTable,
  type Configuration,
} from './load-report';
import { playStep, type Segment, type Step } from './load-steps';
import { LoadTabUser } from './load-tab-user';
import { LoadTally } from './load-tally';
import { freePort, startServer, type RunningServer } from './processes';
import { startSlowModel } from './slow-model';

export type LoadBenchOptions = {
  /** Employees per concurrency step, ascending (the echo bot plays as many conversations). */
  steps: number[];
  /** Tab users per employee at each step (rounded up). */
  tabUsersPerEmployee: number;
  segment: Segment;
  /** How long the fake OpenAI-compatible model takes to answer. */
  modelDelayMs: number;
  /** The PostgreSQL server on which a fresh database is created for the run and dropped after. */
  postgresAdminUrl: string;
};

/** What an instance logged, each message cut to its first line and 100 characters, with how many times. */
function loggedBriefly(server: RunningServer): string | null {
  const counts = new Map<string, number>();
  for (const [message, count] of server.logged()) {
    const brief = (message.split('\n')[0] ?? '').slice(0, 100);
    counts.set(brief, (counts.get(brief) ?? 0) + count);
  }
  return counts.size === 0 ? null : [...counts].map(([message, count]) => `${count}x ${message}`).join('; ');
}

type Instances = { label: string; servers: RunningServer[] };

/**
 * DESIGN §9 and issue #15, load: many employees playing whole guided sessions through /api/messages (card
 * actions, duplicate deliveries) and many tab users reading the API at once, against one and then two real
 * server instances on one PostgreSQL database, step by step in concurrency, beside a bare echo bot at the same
 * concurrency; then the database is checked for anything lost or stored twice.
 */
export async function benchLoad(options: LoadBenchOptions, print: (line: string) => void): Promise<void> {
  const began = performance.now();
  const database = await createPostgresDatabase(options.postgresAdminUrl);
  const connector = await startLocalConnector();
  const model = await startSlowModel(options.modelDelayMs);
  const servers: RunningServer[] = [];
  try {
    const env = { ...database.env, LLM_BASE_URL: model.baseUrl, LLM_MODEL: 'bench-fast-model' };
    const echo = await startServer(ECHO_BOT, await freePort(), { LOG_LEVEL: 'warn' });
    servers.push(echo);
    const first = await startPractica(env);
    servers.push(first);
    const url = database.env.DATABASE_URL!;
    const before = await existingSessionIds(url);
    const people = benchPersonas(Math.max(...options.steps));
    const tabUsersAt = (employees: number) => Math.ceil(employees * options.tabUsersPerEmployee);

    const echoSteps: Step[] = [];
    const play = async (instances: Instances, withEcho: boolean) => {
      const tally = new LoadTally();
      const employees = people.map((person, index) => new LoadEmployee(connector, person, index, tally));
      const tabUsers = Array.from(
        { length: tabUsersAt(people.length) },
        (_, index) => new LoadTabUser(index, tally),
      );
      const steps: Step[] = [];
      for (const count of options.steps) {
        if (withEcho) {
          const echoes = people
            .slice(0, count)
            .map((person) => new EchoConversation(echo.url, connector, person));
          echoSteps.push({
            employees: count,
            tabUsers: 0,
            load: await runConversations(echoes, options.segment),
          });
        }
        const urls = instances.servers.map((server) => server.url);
        steps.push(
          await playStep(
            employees.slice(0, count),
            tabUsers.slice(0, tabUsersAt(count)),
            urls,
            options.segment,
          ),
        );
        print(`  load: ${instances.label}, ${count} employees done`);
      }
      const counts = employees.map((employee) => employee.counts).reduce(addCounts);
      const memory = instances.servers.map(
        (server, index) => `instance ${index + 1} ${formatMemory(memoryOf(server.pid))}`,
      );
      return { configuration: { label: instances.label, steps, tally }, counts, memory };
    };

    const one = await play({ label: '1 instance', servers: [first] }, true);
    const second = await startPractica(env);
    servers.push(second);
    const two = await play({ label: '2 instances', servers: [first, second] }, false);
    for (const server of servers)
      if (server.exited()) throw new Error(`a server exited during the run: ${server.output().trim()}`);
    const played: SessionCounts = addCounts(one.counts, two.counts);
    const checks = await checkSessions(url, before, played);

    const configurations: Configuration[] = [one.configuration, two.configuration];
    const seconds = options.segment.durationMs / 1000;
    print(
      `load on PostgreSQL, steps of ${options.steps.join(', ')} employees (+${options.tabUsersPerEmployee} tab users each), ` +
        `${seconds} s measured per step after ${options.segment.warmupMs / 1000} s warm-up, model answers in ${options.modelDelayMs} ms:`,
    );
    for (const line of stepTable(echoSteps, configurations)) print(`  ${line}`);
    print(
      "  (bot/s: activities answered per second, p95 of those; vs echo: bot/s over the echo bot's at as many " +
        "conversations, where Practica's employees also wait for each answer of the model and tab users share " +
        'the machine; tab/s: API reads per second, p95 of those. Saturation: bot turns and tab reads together.)',
    );
    for (const line of saturationLines(echoSteps, configurations)) print(line);
    print('  per operation, over all steps:');
    for (const line of operationTable(configurations)) print(`  ${line}`);
    print(
      `  memory: 1 instance run: ${one.memory.join('; ')}; 2 instances run: ${two.memory.join('; ')}; echo bot ${formatMemory(memoryOf(echo.pid))}`,
    );
    print(`  the load run took ${((performance.now() - began) / 1000).toFixed(0)} s in all`);
    print(
      `  sessions played: ${played.started} started, ${played.finished} finished, ${played.abandoned} given up; ` +
        `${played.duplicates} activities delivered twice`,
    );
    for (const line of problemLines(configurations)) print(line);
    print('  database afterwards:');
    for (const line of checkLines(checks)) print(line);
    for (const [index, server] of [first, second].entries()) {
      const log = loggedBriefly(server);
      if (log) print(`  instance ${index + 1} logged (LOG_LEVEL=warn): ${log}`);
    }
  } finally {
    for (const server of servers.reverse()) await server.stop();
    await model.close();
    await connector.close();
    await database.drop();
  }
}
