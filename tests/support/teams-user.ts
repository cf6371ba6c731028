import { randomUUID } from 'node:crypto';
import { messageActivity } from './activities';
import type { SentActivity } from './local-connector';

export type Card = { body?: unknown[]; actions?: unknown[] } & Record<string, unknown>;
type ExecuteData = Record<string, unknown> & { op: string };

function walk(node: unknown, visit: (value: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((child) => walk(child, visit));
  else if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((child) => walk(child, visit));
  }
}

/** The data of the Action.Execute button with this op on a card (including buttons inside Show cards). */
export function actionData(card: Card, op: string): ExecuteData | null {
  let found: ExecuteData | null = null;
  walk(card, (value) => {
    const data = value.data as ExecuteData | undefined;
    if (!found && value.type === 'Action.Execute' && data?.op === op) found = data;
  });
  return found;
}

export function inputIds(card: Card): string[] {
  const ids: string[] = [];
  walk(card, (value) => {
    if (typeof value.type === 'string' && value.type.startsWith('Input.') && typeof value.id === 'string')
      ids.push(value.id);
  });
  return ids;
}

export function cardText(card: Card): string {
  const texts: string[] = [];
  walk(card, (value) => {
    if (value.type === 'TextBlock' && typeof value.text === 'string') texts.push(value.text);
  });
  return texts.join('\n');
}

export const cardOf = (sent: SentActivity): Card | null =>
  (sent.activity.attachments?.[0]?.content as Card | undefined) ?? null;

/** Plays one employee in a 1:1 chat: posts real activity JSON to the bot endpoint, reads replies from the connector. */
export class TeamsUser {
  readonly conversationId: string;

  constructor(
    private readonly baseUrl: string,
    private readonly connector: { serviceUrl: string; sent: SentActivity[] },
    readonly person: { tenantId: string; aadObjectId: string; displayName: string },
  ) {
    this.conversationId = `a:${person.aadObjectId}`;
  }

  get received(): SentActivity[] {
    return this.connector.sent.filter((sent) => sent.conversationId === this.conversationId);
  }

  async say(text: string, overrides: Record<string, unknown> = {}): Promise<SentActivity[]> {
    const before = this.received.length;
    const activity = {
      ...messageActivity({
        ...this.person,
        name: this.person.displayName,
        serviceUrl: this.connector.serviceUrl,
        text,
      }),
      ...overrides,
    };
    const response = await fetch(`${this.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    if (response.status !== 200)
      throw new Error(`message answered ${response.status}: ${await response.text()}`);
    return this.received.slice(before);
  }

  /** Clicks an Action.Execute button; resolves to the card that replaces the clicked one. */
  async click(
    data: Record<string, unknown>,
    inputs: Record<string, string> = {},
    options: { replyToId?: string; activityId?: string } = {},
  ): Promise<Card> {
    const base = messageActivity({
      ...this.person,
      name: this.person.displayName,
      serviceUrl: this.connector.serviceUrl,
      id: options.activityId ?? randomUUID(),
    });
    const activity = {
      ...base,
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      replyToId: options.replyToId ?? 'card-message-1',
      value: {
        action: { type: 'Action.Execute', verb: 'practica', data: { ...data, ...inputs } },
        trigger: 'manual',
      },
    };
    const response = await fetch(`${this.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const body = (await response.json()) as { statusCode: number; type: string; value: Card };
    if (response.status !== 200 || body.type !== 'application/vnd.microsoft.card.adaptive')
      throw new Error(`invoke answered ${response.status}: ${JSON.stringify(body)}`);
    return body.value;
  }

  /** Waits for the bot to update the card message `activityId` (a finished generation). */
  async waitForUpdate(
    activityId: string,
    predicate: (card: Card) => boolean,
    timeoutMs = 30_000,
  ): Promise<Card> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const update = this.received
        .filter((sent) => sent.updatedActivityId === activityId)
        .map(cardOf)
        .find((card) => card && predicate(card));
      if (update) return update;
      if (Date.now() > deadline) throw new Error(`no update of ${activityId} in ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
