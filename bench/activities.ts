import { randomUUID } from 'node:crypto';
import http from 'node:http';

export type Persona = { tenantId: string; aadObjectId: string; displayName: string };

export const conversationIdOf = (persona: Persona) => `a:${persona.aadObjectId}`;

/** A Bot Framework message activity as Teams sends it in a 1:1 chat. */
export function messageActivity(persona: Persona, serviceUrl: string, text: string): Record<string, unknown> {
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:${persona.aadObjectId}`, aadObjectId: persona.aadObjectId, name: persona.displayName },
    recipient: { id: '28:practica-bot', name: 'Practica' },
    conversation: {
      id: conversationIdOf(persona),
      conversationType: 'personal',
      tenantId: persona.tenantId,
    },
    channelData: { tenant: { id: persona.tenantId } },
    locale: 'en-GB',
    text,
    textFormat: 'plain',
  };
}

/** An Adaptive Card Action.Execute click (invoke adaptiveCard/action) on the card message `replyToId`. */
export function invokeActivity(
  persona: Persona,
  serviceUrl: string,
  data: Record<string, unknown>,
  replyToId: string,
): Record<string, unknown> {
  const { text: _text, textFormat: _format, ...base } = messageActivity(persona, serviceUrl, '');
  return {
    ...base,
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId,
    value: { action: { type: 'Action.Execute', verb: 'practica', data }, trigger: 'manual' },
  };
}

export type Posted = { status: number; body: string; ms: number };

const REQUEST_TIMEOUT_MS = 30_000;
/**
 * One keep-alive agent for every bot under test. node:http rather than fetch: on a 2-core machine the load
 * generator shares the CPU with the bots, and fetch cost it 2.4–3.4 times as much a turn (BENCHMARKS.md,
 * "A lighter load generator").
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/** POSTs one activity and times it from the request to the whole response body. */
export function postActivity(botUrl: string, activity: Record<string, unknown>): Promise<Posted> {
  const started = performance.now();
  const body = JSON.stringify(activity);
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${botUrl}/api/messages`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
            ms: performance.now() - started,
          }),
        );
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer after ${REQUEST_TIMEOUT_MS} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}

// Reading Adaptive Cards: what a Teams client would show and send back.

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function walk(node: unknown, visit: (value: Json) => void): void {
  if (Array.isArray(node)) for (const child of node) walk(child, visit);
  else if (isObject(node)) {
    visit(node);
    for (const child of Object.values(node)) walk(child, visit);
  }
}

/** The data of every Action.Execute button on a card with this op (including buttons inside Show cards). */
export function actionsData(card: unknown, op: string): Json[] {
  const found: Json[] = [];
  walk(card, (value) => {
    if (value.type === 'Action.Execute' && isObject(value.data) && value.data.op === op)
      found.push(value.data);
  });
  return found;
}

export function inputIds(card: unknown): string[] {
  const ids: string[] = [];
  walk(card, (value) => {
    if (typeof value.type === 'string' && value.type.startsWith('Input.') && typeof value.id === 'string')
      ids.push(value.id);
  });
  return ids;
}

export function cardText(card: unknown): string {
  const texts: string[] = [];
  walk(card, (value) => {
    if (value.type === 'TextBlock' && typeof value.text === 'string') texts.push(value.text);
  });
  return texts.join('\n');
}

/** The Adaptive Card an activity sent to the connector carries, if any. */
export function cardOfActivity(activity: unknown): unknown {
  if (!isObject(activity) || !Array.isArray(activity.attachments)) return null;
  const first: unknown = activity.attachments[0];
  return isObject(first) ? (first.content ?? null) : null;
}

/** The card an invoke response carries (`{statusCode, type: 'application/vnd.microsoft.card.adaptive', value}`). */
export function cardOfInvokeResponse(body: string): unknown {
  try {
    const parsed: unknown = JSON.parse(body);
    return isObject(parsed) && parsed.type === 'application/vnd.microsoft.card.adaptive'
      ? (parsed.value ?? null)
      : null;
  } catch {
    return null;
  }
}

/** Whether an activity is the final message of a Teams streamed message (how a 1:1 chat receives an answer). */
export function isFinalStreamPart(activity: unknown): boolean {
  const { entities } = (activity ?? {}) as { entities?: { type?: string; streamType?: string }[] };
  return entities?.some((entity) => entity.type === 'streaminfo' && entity.streamType === 'final') ?? false;
}

/** The text of a streamed message's final activity, or '' for any other activity. */
export function streamedText(activity: unknown): string {
  const { text } = (activity ?? {}) as { text?: unknown };
  return isFinalStreamPart(activity) && typeof text === 'string' ? text : '';
}
