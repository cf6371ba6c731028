import {
  actionsData,
  cardOfActivity,
  cardOfInvokeResponse,
  conversationIdOf,
  inputIds,
  invokeActivity,
  messageActivity,
  postActivity,
  type Persona,
} from './activities';
import type { LocalConnector } from './local-connector';

export type Turn = { kind: string; startedAt: number; endedAt: number; ok: boolean };

/** One 1:1 chat: each call plays its next turn and resolves when the bot's HTTP response has arrived. */
export interface Conversation {
  next(): Promise<Turn>;
}

export type LoadResult = {
  /** Turns that ended inside the measured windows (after each warm-up, before each deadline). */
  measured: Turn[];
  seconds: number;
  /** CPU the bot's process used inside the measured windows (ms), when it could be read. */
  cpuMs: number | null;
};

export const emptyLoad = (): LoadResult => ({ measured: [], seconds: 0, cpuMs: 0 });

export const addLoad = (a: LoadResult, b: LoadResult): LoadResult => ({
  measured: [...a.measured, ...b.measured],
  seconds: a.seconds + b.seconds,
  cpuMs: a.cpuMs === null || b.cpuMs === null ? null : a.cpuMs + b.cpuMs,
});

const MAX_CONSECUTIVE_FAILURES = 20;

/**
 * Runs every conversation as a closed loop (next turn when the previous answered) for `warmupMs` plus
 * `durationMs`, and keeps the turns that ended in the measured window (and, given `cpuMs`, the CPU the bot's
 * process used in it). Bounded by the deadline: each HTTP request times out after 30 s, and a conversation
 * stops after 20 failures in a row.
 */
export async function runConversations(
  conversations: Conversation[],
  options: { warmupMs: number; durationMs: number; cpuMs?: () => number | null },
): Promise<LoadResult> {
  const begin = performance.now();
  const measureFrom = begin + options.warmupMs;
  const deadline = measureFrom + options.durationMs;
  const turns: Turn[] = [];
  const cpuAt = (at: number) =>
    new Promise<number | null>((resolve) =>
      setTimeout(() => resolve(options.cpuMs?.() ?? null), Math.max(0, at - performance.now())),
    );
  const cpu = Promise.all([cpuAt(measureFrom), cpuAt(deadline)]);
  await Promise.all(
    conversations.map(async (conversation) => {
      let failures = 0;
      while (performance.now() < deadline && failures < MAX_CONSECUTIVE_FAILURES) {
        const turn = await conversation.next();
        turns.push(turn);
        failures = turn.ok ? 0 : failures + 1;
      }
    }),
  );
  const [cpuFrom, cpuTo] = await cpu;
  return {
    measured: turns.filter((turn) => turn.endedAt >= measureFrom && turn.endedAt <= deadline),
    seconds: options.durationMs / 1000,
    cpuMs: cpuFrom === null || cpuTo === null ? null : cpuTo - cpuFrom,
  };
}

async function timed(kind: string, work: () => Promise<boolean>): Promise<Turn> {
  const startedAt = performance.now();
  let ok = false;
  try {
    ok = await work();
  } catch {
    ok = false;
  }
  return { kind, startedAt, endedAt: performance.now(), ok };
}

/** A message turn is answered when the HTTP response is 200 and the reply has reached the connector. */
async function messageTurn(
  botUrl: string,
  connector: LocalConnector,
  persona: Persona,
  kind: string,
  text: string,
): Promise<Turn> {
  return timed(kind, async () => {
    const conversationId = conversationIdOf(persona);
    const before = connector.count(conversationId);
    const posted = await postActivity(botUrl, messageActivity(persona, connector.serviceUrl, text));
    return posted.status === 200 && connector.count(conversationId) > before;
  });
}

export const PASTED_ANSWER =
  'Answer produced in my own AI tool: the 40,500 increase in accrued expenses is driven by the Acme Ltd ' +
  'accrual booked on 28 March; the subledger difference of 2,300 is a late invoice and reverses in April.';

export const SAMPLE_MATERIAL =
  'Account 2150 Accrued expenses: GL 182,400 vs 141,900 last month; subledger 180,100; reconciling item ' +
  '2,300 late invoice (Acme Ltd, 28 March).';

/** The echo bot's conversation: the same message texts as Practica's, in turn. */
export class EchoConversation implements Conversation {
  private turn = 0;
  private static readonly TEXTS = ['help', 'status', PASTED_ANSWER, 'abandon'];

  constructor(
    private readonly botUrl: string,
    private readonly connector: LocalConnector,
    private readonly persona: Persona,
  ) {}

  next(): Promise<Turn> {
    const text = EchoConversation.TEXTS[this.turn++ % EchoConversation.TEXTS.length] ?? 'help';
    return messageTurn(this.botUrl, this.connector, this.persona, 'echo', text);
  }
}

/** Workflow ids, read from the first home card a conversation receives (they are not known in advance). */
export type SharedWorkflows = { ids: string[] };

/** The workflows the home card(s) this conversation received since `since` offer to start. */
export function startWorkflowIds(connector: LocalConnector, persona: Persona, since: number): string[] {
  const ids = new Set<string>();
  const recent = connector
    .recent(conversationIdOf(persona))
    .filter((received) => received.receivedAt >= since);
  for (const received of recent)
    for (const data of actionsData(cardOfActivity(received.activity), 'start'))
      if (typeof data.workflowId === 'string') ids.add(data.workflowId);
  return [...ids];
}

export function filledInputs(card: unknown): Record<string, string> {
  return Object.fromEntries(
    inputIds(card)
      .filter((id) => id.startsWith('input.'))
      .map((id) => [id, `${SAMPLE_MATERIAL} (${id.slice(6)})`]),
  );
}

type Step = 'help' | 'start' | 'submit inputs' | 'status' | 'pasted answer' | 'abandon';

/**
 * An employee using Practica without a model configured (bring-your-own-AI): `help` (the home card with
 * recommendations), start a workflow (card button), submit the first step's inputs (card button), `status`,
 * paste the answer from their own AI tool (free text, understood by the session engine), `abandon`; repeat
 * with the next workflow.
 */
export class PracticaConversation implements Conversation {
  private step: Step = 'help';
  private cycle = 0;
  private submit: Record<string, unknown> | null = null;

  constructor(
    private readonly botUrl: string,
    private readonly connector: LocalConnector,
    private readonly persona: Persona,
    private readonly index: number,
    private readonly workflows: SharedWorkflows,
  ) {}

  async next(): Promise<Turn> {
    const step = this.step;
    switch (step) {
      case 'help': {
        const turn = await messageTurn(this.botUrl, this.connector, this.persona, step, 'help');
        if (turn.ok && this.workflows.ids.length === 0)
          this.workflows.ids = startWorkflowIds(this.connector, this.persona, turn.startedAt);
        this.step = 'start';
        return turn;
      }
      case 'start': {
        const ids = this.workflows.ids;
        const workflowId = ids[(this.index + this.cycle) % Math.max(1, ids.length)];
        this.submit = null;
        const turn = await timed(step, async () => {
          if (!workflowId) return false;
          const card = await this.click({ op: 'start', workflowId });
          const submit = actionsData(card, 'submit_inputs')[0];
          if (submit) this.submit = { ...submit, ...filledInputs(card) };
          return submit !== undefined;
        });
        this.step = this.submit ? 'submit inputs' : 'status';
        return turn;
      }
      case 'submit inputs': {
        const data = this.submit ?? {};
        this.step = 'status';
        return timed(step, async () => (await this.click(data)) !== null);
      }
      case 'status':
        this.step = 'pasted answer';
        return messageTurn(this.botUrl, this.connector, this.persona, step, 'status');
      case 'pasted answer':
        this.step = 'abandon';
        return messageTurn(this.botUrl, this.connector, this.persona, step, PASTED_ANSWER);
      case 'abandon':
        this.step = 'help';
        this.cycle++;
        return messageTurn(this.botUrl, this.connector, this.persona, step, 'abandon');
    }
  }

  /** Clicks an Action.Execute button; resolves to the card that replaces the clicked one, or null. */
  private async click(data: Record<string, unknown>): Promise<unknown> {
    const activity = invokeActivity(
      this.persona,
      this.connector.serviceUrl,
      data,
      `card-${this.index}-${this.cycle}`,
    );
    const posted = await postActivity(this.botUrl, activity);
    return posted.status === 200 ? cardOfInvokeResponse(posted.body) : null;
  }
}
