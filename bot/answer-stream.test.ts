import { silentLogger } from '../core';
import { AnswerStream, type StreamPart } from './answer-stream';
import { card, paragraph } from './cards/card-kit';

const INTERVAL_MS = 40;
const CARD = card(paragraph('Accept, edit or regenerate'));

type Posted = StreamPart & { at: number };

/** A stream posting to a fake chat that numbers what it accepts (act-1, act-2, …) and can refuse a part. */
function chat(options: { refuse?: (part: StreamPart) => boolean; maxOpenMs?: number } = {}) {
  const posted: Posted[] = [];
  const stream = new AnswerStream({
    logger: silentLogger,
    minIntervalMs: INTERVAL_MS,
    ...(options.maxOpenMs === undefined ? {} : { maxOpenMs: options.maxOpenMs }),
    overtimeNote: 'Taking too long to stream.',
    post: async (part) => {
      if (options.refuse?.(part)) throw new Error('Request failed with status code 403');
      posted.push({ ...part, at: Date.now() });
      return `act-${posted.length}`;
    },
  });
  return { stream, posted };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Appends `pieces` one by one, `gapMs` apart. */
async function write(stream: AnswerStream, pieces: string[], gapMs: number): Promise<void> {
  for (const piece of pieces) {
    stream.append(piece);
    await sleep(gapMs);
  }
}

const PIECES = ['Accruals ', 'rose ', '40,500 ', 'because ', 'of ', 'the ', 'Acme ', 'invoice.'];
const WHOLE = PIECES.join('');

describe('AnswerStream', () => {
  it('posts an informative update, the text so far in order, then one final message with the card', async () => {
    const { stream, posted } = chat();

    await expect(stream.open('Asking the AI service…')).resolves.toBe(true);
    await write(stream, PIECES, 25);
    await expect(stream.finish(WHOLE, CARD)).resolves.toBe(true);

    expect(posted[0]).toMatchObject({
      type: 'informative',
      sequence: 1,
      text: 'Asking the AI service…',
      streamId: null,
    });
    const streaming = posted.filter((part) => part.type === 'streaming');
    expect(streaming.length).toBeGreaterThanOrEqual(2);
    expect(posted.map((part) => part.sequence)).toEqual(posted.map((_part, index) => index + 1));
    expect(posted.slice(1).every((part) => part.streamId === 'act-1')).toBe(true);
    // Each post carries the whole text so far: it grows, and the final message holds all of it.
    streaming.forEach((part, index) => {
      const next = streaming[index + 1]?.text;
      if (next !== undefined) expect(next.startsWith(part.text) && next.length > part.text.length).toBe(true);
      expect(WHOLE.startsWith(part.text)).toBe(true);
    });
    expect(posted.filter((part) => part.type === 'final')).toEqual([
      expect.objectContaining({ type: 'final', text: WHOLE, card: CARD, streamId: 'act-1' }),
    ]);
    expect(posted.at(-1)?.type).toBe('final');
  });

  it('streams a script link from a prompt-injected answer as plain text, while it grows and at the end', async () => {
    const { stream, posted } = chat();
    const hostile = [
      'See ',
      '[the memo](javascript:alert(1)',
      ') and ',
      '[the policy](https://intranet.example/p)',
    ];

    await stream.open('Asking…');
    await write(stream, hostile, 50);
    await stream.finish(hostile.join(''), CARD);

    expect(posted.some((part) => part.text.includes('the memo (javascript:alert(1)'))).toBe(true);
    expect(posted.filter((part) => /\]\(javascript:/i.test(part.text))).toEqual([]);
    expect(posted.at(-1)?.text).toContain('[the policy](https://intranet.example/p)');
  });

  it('posts at most once per interval, joining the pieces that came meanwhile', async () => {
    const { stream, posted } = chat();

    await stream.open('Asking…');
    await write(stream, PIECES, 5);
    await stream.finish(WHOLE, CARD);

    expect(posted.length).toBeLessThan(PIECES.length);
    for (let index = 1; index < posted.length; index++)
      expect(posted[index]!.at - posted[index - 1]!.at).toBeGreaterThanOrEqual(INTERVAL_MS - 5);
  });

  it('stops at the first refused post and leaves the answer to the caller', async () => {
    const { stream, posted } = chat({ refuse: (part) => part.sequence === 3 });

    await stream.open('Asking…');
    await write(stream, PIECES, 20);

    await expect(stream.finish(WHOLE, CARD)).resolves.toBe(false);
    expect(posted.map((part) => part.type)).toEqual(['informative', 'streaming']);
  });

  it('declines to open when the informative update is refused, and then posts nothing', async () => {
    const { stream, posted } = chat({ refuse: () => true });

    await expect(stream.open('Asking…')).resolves.toBe(false);
    stream.append('text');
    await expect(stream.finish('text', CARD)).resolves.toBe(false);
    expect(posted).toEqual([]);
  });

  it('ends with a note and no card when abandoned, and is finalised once only', async () => {
    const { stream, posted } = chat();

    await stream.open('Asking…');
    stream.append('Accruals ');
    await stream.abandon('The AI service did not finish this answer.');
    stream.append('rose');

    await expect(stream.finish(WHOLE, CARD)).resolves.toBe(false);
    const finals = posted.filter((part) => part.type === 'final');
    expect(finals).toEqual([
      expect.objectContaining({ text: 'The AI service did not finish this answer.', card: null }),
    ]);
    expect(posted.at(-1)?.type).toBe('final');
  });

  it('ends itself with the overtime note before Teams would, and then leaves the answer to the caller', async () => {
    const { stream, posted } = chat({ maxOpenMs: 120 });

    await stream.open('Asking…');
    stream.append('Accruals ');
    await sleep(250);

    await expect(stream.finish(WHOLE, CARD)).resolves.toBe(false);
    expect(posted.filter((part) => part.type === 'final')).toEqual([
      expect.objectContaining({ text: 'Taking too long to stream.', card: null }),
    ]);
  });
});
