import { cardActivity, type StreamPart } from '../../bot';

/**
 * The Bot Framework activity for one part of a Teams streamed message: informative and streaming parts are
 * `typing` activities, the final part a `message` (it may carry a card). Each says where it belongs in a
 * `streaminfo` entity, and again in `channelData` as the Teams SDK does for older clients.
 */
export function streamActivity(part: StreamPart) {
  const info = {
    streamType: part.type,
    streamSequence: part.sequence,
    ...(part.streamId ? { streamId: part.streamId } : {}),
  };
  const entities = [{ type: 'streaminfo' as const, ...info }];
  if (part.type !== 'final') return { type: 'typing' as const, text: part.text, entities, channelData: info };
  const base = part.card ? cardActivity(part.card) : { type: 'message' as const };
  return { ...base, text: part.text, entities, channelData: info };
}
