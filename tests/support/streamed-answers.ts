import type { SentActivity } from './local-connector';
import { cardOf, type Card, type TeamsUser } from './teams-user';

export type StreamPartSeen = {
  streamType: 'informative' | 'streaming' | 'final';
  streamId: string | undefined;
  streamSequence: number;
  text: string;
  card: Card | null;
  /** The activity type the bot posted: `typing` for informative and streaming parts, `message` for the final. */
  type: string | undefined;
};

/** The parts of Teams streamed messages among what the bot posted, in the order posted. */
export function streamParts(sent: SentActivity[]): StreamPartSeen[] {
  return sent.flatMap((entry) => {
    if (entry.updatedActivityId) return [];
    const entities = (entry.activity.entities ?? []) as Record<string, unknown>[];
    const info = entities.find((entity) => entity.type === 'streaminfo');
    if (!info) return [];
    return [
      {
        streamType: info.streamType as StreamPartSeen['streamType'],
        streamId: info.streamId as string | undefined,
        streamSequence: info.streamSequence as number,
        text: entry.activity.text ?? '',
        card: cardOf(entry),
        type: entry.activity.type,
      },
    ];
  });
}

/**
 * Waits for a generation to reach the chat after the employee's click (what they received from `since` on):
 * the card of the streamed answer's final message, or an update of the clicked card `replyToId` that
 * `accepts` (the answer, or a failure) when the answer was not streamed.
 */
export async function waitForAnswer(
  user: TeamsUser,
  options: { since: number; replyToId: string; accepts: (card: Card) => boolean; timeoutMs?: number },
): Promise<Card> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const recent = user.received.slice(options.since);
    const final = streamParts(recent).find((part) => part.streamType === 'final' && part.card);
    if (final?.card && options.accepts(final.card)) return final.card;
    const update = recent
      .filter((sent) => sent.updatedActivityId === options.replyToId)
      .map(cardOf)
      .find((card) => card && options.accepts(card));
    if (update) return update;
    if (Date.now() > deadline) throw new Error(`no answer after message ${options.since}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
