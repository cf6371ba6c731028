import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { Logger } from '../core';
import { safeCardText } from './cards/safe-text';

/**
 * One activity of a Teams streamed message. `sequence` counts from 1 over the whole stream; `streamId` is
 * the id Teams gave the first activity (absent on that first one).
 */
export type StreamPart =
  | { type: 'informative'; sequence: number; text: string; streamId: string | null }
  | { type: 'streaming'; sequence: number; text: string; streamId: string }
  | { type: 'final'; sequence: number; text: string; streamId: string; card: IAdaptiveCard | null };

export type AnswerStreamOptions = {
  /** Posts one part to the chat; resolves to the id of the posted activity. */
  post(part: StreamPart): Promise<string>;
  logger: Logger;
  /** Teams takes about one streaming request per second. */
  minIntervalMs?: number;
  /** Teams ends a stream after two minutes; one still open after this is ended with `overtimeNote`. */
  maxOpenMs?: number;
  overtimeNote?: string;
  now?: () => number;
};

export const STREAM_MIN_INTERVAL_MS = 1_000;
export const STREAM_MAX_OPEN_MS = 100_000;
const OVERTIME_NOTE =
  'This answer is taking longer than Teams lets a message stream. It will appear in the step card when it is ready.';

type State = 'new' | 'open' | 'ending' | 'ended' | 'broken';

/**
 * An answer written into a 1:1 chat as the model produces it: an informative update, then the text so far
 * (always the whole text so far, at most one post per `minIntervalMs`, pieces that arrive meanwhile joined
 * into the next post), then one final message. Posts go out one at a time, in order.
 *
 * Once a post fails (Teams refuses streaming here, the employee pressed Stop, the two minutes ran out) the
 * stream stops quietly and `finish` reports false, so the caller shows the answer the ordinary way.
 */
export class AnswerStream {
  private state: State = 'new';
  private streamId: string | null = null;
  private sequence = 0;
  private text = '';
  private postedText = '';
  private lastPostAt = Number.NEGATIVE_INFINITY;
  private queue: Promise<unknown> = Promise.resolve();
  private flushQueued = false;
  private overtime: ReturnType<typeof setTimeout> | undefined;
  private readonly minIntervalMs: number;
  private readonly maxOpenMs: number;
  private readonly now: () => number;

  constructor(private readonly options: AnswerStreamOptions) {
    this.minIntervalMs = options.minIntervalMs ?? STREAM_MIN_INTERVAL_MS;
    this.maxOpenMs = options.maxOpenMs ?? STREAM_MAX_OPEN_MS;
    this.now = options.now ?? Date.now;
  }

  /** Posts the informative update that starts the stream; false when Teams would not take it. */
  async open(informative: string): Promise<boolean> {
    if (this.state !== 'new') return this.state === 'open';
    this.state = 'open';
    await this.enqueue(() => this.post({ type: 'informative', text: informative, streamId: null }));
    if (this.state !== 'open') return false;
    this.overtime = setTimeout(() => {
      void this.end(this.options.overtimeNote ?? OVERTIME_NOTE, null);
    }, this.maxOpenMs);
    this.overtime.unref?.();
    return true;
  }

  /** The next piece of the answer. */
  append(delta: string): void {
    if (this.state !== 'open' || delta === '') return;
    this.text += delta;
    if (this.flushQueued) return;
    this.flushQueued = true;
    void this.enqueue(async () => {
      await this.waitForTurn();
      this.flushQueued = false;
      if (this.state !== 'open' || this.text === this.postedText) return;
      const text = this.text;
      await this.post({ type: 'streaming', text, streamId: this.streamId ?? '' });
      this.postedText = text;
    });
  }

  /** Ends the stream with the whole answer and its card; false when it could not (see the class comment). */
  finish(text: string, card: IAdaptiveCard): Promise<boolean> {
    return this.end(text, card);
  }

  /** Ends the stream with a short note instead of an answer (the model failed, or the answer is not wanted). */
  async abandon(note: string): Promise<void> {
    await this.end(note, null);
  }

  private async end(text: string, card: IAdaptiveCard | null): Promise<boolean> {
    if (this.state !== 'open') {
      await this.queue;
      return false;
    }
    this.state = 'ending';
    clearTimeout(this.overtime);
    return this.enqueue(async () => {
      await this.waitForTurn();
      if (this.state !== 'ending') return false;
      await this.post({ type: 'final', text, card, streamId: this.streamId ?? '' });
      if (this.state !== 'ending') return false;
      this.state = 'ended';
      return true;
    });
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async waitForTurn(): Promise<void> {
    const waitMs = this.lastPostAt + this.minIntervalMs - this.now();
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
  }

  private async post(part: DistributiveOmit<StreamPart, 'sequence'>): Promise<void> {
    try {
      // Teams renders streamed text as Markdown: a prompt-injected answer must not put a script link behind a label.
      const text = safeCardText(part.text);
      const id = await this.options.post({ ...part, text, sequence: this.sequence + 1 } as StreamPart);
      this.sequence++;
      this.lastPostAt = this.now();
      this.streamId ??= id;
    } catch (error) {
      this.state = 'broken';
      clearTimeout(this.overtime);
      this.options.logger.warn('Streaming to the chat stopped; the answer goes to the card instead', {
        part: part.type,
        sequence: this.sequence + 1,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
