import {
  actionsData,
  cardOfActivity,
  cardOfInvokeResponse,
  cardText,
  conversationIdOf,
  invokeActivity,
  isFinalStreamPart,
  messageActivity,
  postActivity,
  type Persona,
} from './activities';
import { filledInputs, PASTED_ANSWER, startWorkflowIds, type Conversation, type Turn } from './bot-load';
import type { LocalConnector } from './local-connector';
import { feedbackInputs, isStepCard, verificationInputs } from './load-cards';
import { measured, unlessOk, type LoadTally } from './load-tally';

/** What one employee's sessions came to, checked against the database afterwards. */
export type SessionCounts = {
  started: number;
  finished: number;
  /** Sessions the employee gave up on (a card the bench could not play): typed `abandon`. */
  abandoned: number;
  deliverables: number;
  /** Activities delivered a second time with the same id, as Teams does when it retries. */
  duplicates: number;
};

type Json = Record<string, unknown>;

const ANSWER_TIMEOUT_MS = 30_000;
/**
 * An employee playing whole guided sessions through /api/messages, one turn per `next()`: `help` (the home
 * card), start a workflow (delivered twice at once, as a Teams retry racing the original), its inputs, the
 * model's answer (waited for in the chat) or a pasted one, accept, verify, feedback (delivered again after
 * it was answered), and again with the next workflow. Each turn goes to the next server instance in turn.
 */
export class LoadEmployee implements Conversation {
  readonly counts: SessionCounts = { started: 0, finished: 0, abandoned: 0, deliverables: 0, duplicates: 0 };
  private urls: string[] = [];
  private posted = 0;
  private state: 'welcome' | 'start' | 'session' = 'welcome';
  private workflowIds: string[] = [];
  private sessions = 0;
  private card: unknown = null;
  private cardId = '';
  private sessionStartedAt = 0;
  private lastClickAt = 0;
  /** Turns already played (a duplicate delivery) that the next calls report. */
  private readonly queued: Turn[] = [];

  constructor(
    private readonly connector: LocalConnector,
    readonly persona: Persona,
    private readonly index: number,
    private readonly tally: LoadTally,
  ) {}

  /** The server instances to talk to from now on (one, or two taken in turn). */
  useInstances(urls: string[]): void {
    this.urls = urls;
  }

  next(): Promise<Turn> {
    const queued = this.queued.shift();
    if (queued) return Promise.resolve(queued);
    if (this.state === 'welcome') return this.welcome();
    if (this.state === 'start') return this.start();
    return this.step();
  }

  /** Plays on, unmeasured, until the session in progress (if any) has ended. */
  async finishSession(): Promise<void> {
    for (let turn = 0; turn < 40 && this.state === 'session'; turn++) await this.next();
    if (this.state === 'session') await this.abandon('did not finish in 40 turns');
    this.queued.length = 0;
  }

  private nextUrl(): string {
    const url = this.urls[(this.index + this.posted++) % this.urls.length];
    if (!url) throw new Error('no server instance to talk to');
    return url;
  }

  private welcome(): Promise<Turn> {
    const url = this.nextUrl();
    return measured(this.tally, 'welcome (help)', async () => {
      const since = performance.now();
      const posted = await postActivity(
        url,
        messageActivity(this.persona, this.connector.serviceUrl, 'help'),
      );
      if (posted.status !== 200) return `HTTP ${posted.status}`;
      const ids = startWorkflowIds(this.connector, this.persona, since);
      if (ids.length === 0) return 'no home card with workflows to start';
      this.workflowIds = ids;
      this.state = 'start';
      return null;
    });
  }

  private async start(): Promise<Turn> {
    const workflowId = this.workflowIds[(this.index + this.sessions) % this.workflowIds.length];
    this.cardId = `load-card-${this.index}-${this.sessions++}`;
    const activity = invokeActivity(
      this.persona,
      this.connector.serviceUrl,
      { op: 'start', workflowId },
      this.cardId,
    );
    const [url, retryUrl] = [this.nextUrl(), this.nextUrl()];
    const cards: unknown[] = [];
    const deliver = (to: string) => async () => {
      const posted = await postActivity(to, activity);
      cards.push(cardOfInvokeResponse(posted.body));
      return unlessOk(posted.status);
    };
    const startedAt = performance.now();
    this.counts.duplicates++;
    const [turn, retried] = await Promise.all([
      measured(this.tally, 'start workflow', deliver(url)),
      measured(this.tally, 'start, delivered twice at once', deliver(retryUrl)),
    ]);
    this.queued.push(retried);
    // One of the two deliveries started the session; the other answers with the session's current card.
    const card = cards.find(isStepCard);
    if (!card) {
      this.tally.note('start workflow', 'neither delivery answered with the first step');
      this.state = 'welcome';
      return { ...turn, ok: false };
    }
    this.counts.started++;
    this.sessionStartedAt = startedAt;
    this.lastClickAt = startedAt;
    this.card = card;
    this.state = 'session';
    return turn;
  }

  private step(): Promise<Turn> {
    const card = this.card;
    const button = (op: string) => actionsData(card, op)[0];
    const submit = button('submit_inputs');
    const provide = button('provide_output');
    const accept = button('accept_output');
    const verify = button('complete_verification');
    const feedback = button('submit_feedback');
    if (submit) return this.click('inputs', { ...submit, ...filledInputs(card) });
    if (provide) return this.click('paste answer (own AI)', { ...provide, pasted: PASTED_ANSWER });
    if (accept) return this.click('accept answer', accept);
    if (cardText(card).includes('Generating')) return this.awaitAnswer();
    if (verify) return this.click('verify', { ...verify, ...verificationInputs(card) });
    if (feedback) return this.giveFeedback({ ...feedback, ...feedbackInputs(card) });
    return this.abandon(`stuck on a card: ${cardText(card).slice(0, 80) || 'none'}`);
  }

  /** Clicks an Action.Execute button on the session's card; the answer is the card that replaces it. */
  private click(kind: string, data: Json, url = this.nextUrl()): Promise<Turn> {
    const activity = invokeActivity(this.persona, this.connector.serviceUrl, data, this.cardId);
    const startedAt = performance.now();
    return measured(
      this.tally,
      kind,
      async () => {
        const posted = await postActivity(url, activity);
        if (posted.status !== 200) return `HTTP ${posted.status}`;
        const next = cardOfInvokeResponse(posted.body);
        if (!next) return 'no card in the answer';
        this.card = next;
        this.lastClickAt = startedAt;
        return null;
      },
      startedAt,
    );
  }

  /** From the click that started the generation to the model's answer in the chat (streamed, or the card updated). */
  private awaitAnswer(): Promise<Turn> {
    const since = this.lastClickAt;
    return measured(
      this.tally,
      'generate (answer in chat)',
      async () => {
        for (;;) {
          const answer = this.answerSince(since);
          if (answer) {
            this.card = answer;
            return actionsData(answer, 'accept_output').length > 0
              ? null
              : `the generation failed: ${cardText(answer).slice(0, 80)}`;
          }
          if (performance.now() - since > ANSWER_TIMEOUT_MS) {
            this.card = null;
            return `no answer within ${ANSWER_TIMEOUT_MS / 1000} s (${this.receivedSince(since)})`;
          }
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      },
      since,
    );
  }

  private answerSince(since: number): unknown {
    const conversationId = conversationIdOf(this.persona);
    for (const received of this.connector.recent(conversationId)) {
      if (received.receivedAt < since) continue;
      if (received.updatedActivityId !== this.cardId && !isFinalStreamPart(received.activity)) continue;
      const card = cardOfActivity(received.activity);
      const done =
        actionsData(card, 'accept_output').length > 0 ||
        actionsData(card, 'switch_to_byo').length > 0 ||
        cardText(card).includes('did not');
      if (done) return card;
    }
    return null;
  }

  /** What reached the chat since `since`, briefly: how many activities, and the last one's card or text. */
  private receivedSince(since: number): string {
    const received = this.connector
      .recent(conversationIdOf(this.persona))
      .filter((entry) => entry.receivedAt >= since);
    const last = received.at(-1);
    const { text } = (last?.activity ?? {}) as { text?: unknown };
    const shown = cardText(cardOfActivity(last?.activity)) || (typeof text === 'string' ? text : '');
    return `${received.length} activities came, the last: ${shown.replace(/\s+/g, ' ').slice(0, 60) || 'none'}`;
  }

  /** Submits the feedback (the session ends), checks the deliverable came, then delivers the same activity again. */
  private async giveFeedback(data: Json): Promise<Turn> {
    const activity = invokeActivity(this.persona, this.connector.serviceUrl, data, this.cardId);
    const url = this.nextUrl();
    const turn = await measured(this.tally, 'feedback', async () => {
      const posted = await postActivity(url, activity);
      if (posted.status !== 200) return `HTTP ${posted.status}`;
      const text = cardText(cardOfInvokeResponse(posted.body));
      return text.includes('complete') ? null : `no completion card: ${text.slice(0, 80)}`;
    });
    // Not answered: the feedback card stays, and the next turn sends it again.
    if (!turn.ok) return turn;
    this.counts.finished++;
    const deliverable = this.deliverableArrived();
    if (deliverable) this.counts.deliverables++;
    this.tally.note('deliverable in chat', deliverable ? null : 'not received');
    const retryUrl = this.nextUrl();
    this.counts.duplicates++;
    this.queued.push(
      await measured(this.tally, 'feedback, delivered again', async () =>
        unlessOk((await postActivity(retryUrl, activity)).status),
      ),
    );
    this.state = 'welcome';
    return turn;
  }

  private deliverableArrived(): boolean {
    return this.connector.recent(conversationIdOf(this.persona)).some((received) => {
      if (received.receivedAt < this.sessionStartedAt) return false;
      const { text } = (received.activity ?? {}) as { text?: unknown };
      return (
        (typeof text === 'string' && text.startsWith('**Your deliverable:')) ||
        cardText(cardOfActivity(received.activity)).startsWith('Your deliverable:')
      );
    });
  }

  private async abandon(reason: string): Promise<Turn> {
    this.tally.note('session', reason);
    this.counts.abandoned++;
    this.state = 'welcome';
    const url = this.nextUrl();
    return measured(this.tally, 'abandon (after a problem)', async () =>
      unlessOk(
        (await postActivity(url, messageActivity(this.persona, this.connector.serviceUrl, 'abandon'))).status,
      ),
    );
  }
}
