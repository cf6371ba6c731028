import { randomUUID } from 'node:crypto';
import type { SentActivity } from './local-connector';
import { TeamsUser, type Card } from './teams-user';

const REDELIVERIES = 60;
const REDELIVERY_DELAY_MS = 250;

/**
 * A Teams user whose client behaves like Teams when the bot fails: an activity that was not answered with
 * 200 is posted again, with the same activity id, until it is. Every refusal is kept for the test to read.
 */
export class RedeliveringTeamsUser extends TeamsUser {
  readonly refusals: string[] = [];

  override async click(
    data: Record<string, unknown>,
    inputs: Record<string, string> = {},
    options: { replyToId?: string; activityId?: string } = {},
  ): Promise<Card> {
    const activityId = options.activityId ?? randomUUID();
    return this.redeliver(() => super.click(data, inputs, { ...options, activityId }));
  }

  override async say(text: string, overrides: Record<string, unknown> = {}): Promise<SentActivity[]> {
    const id = (overrides.id as string | undefined) ?? randomUUID();
    return this.redeliver(() => super.say(text, { ...overrides, id }));
  }

  private async redeliver<T>(post: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await post();
      } catch (error) {
        this.refusals.push(error instanceof Error ? error.message : String(error));
        if (attempt > REDELIVERIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, REDELIVERY_DELAY_MS));
      }
    }
  }
}
