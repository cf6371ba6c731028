import { cardOf, cardText, type Card, type TeamsUser } from '../support/teams-user';

/** An author's answers to the capture interview, in question order. */
export const CAPTURE_ANSWERS = {
  task: 'Write the monthly variance commentary for the management pack',
  audience: 'Finance analysts; the CFO reads it',
  material: "- This month's trial balance\n- Last month's commentary",
  steps: '1. Find the largest variances\n2. Explain each variance\n3. Write the commentary',
  prompts: 'List the ten largest variances against budget, largest first, with amounts.',
  goodResult: 'Every figure matches the trial balance\nExplains why, not only what\nFits on one page',
  manualMinutes: '2 hours',
  example: 'skip',
};

/** The first card after `since` whose text contains `text`, waiting for a job to post it. */
export async function waitForCard(
  user: TeamsUser,
  since: number,
  text: string,
  timeoutMs = 20_000,
): Promise<Card> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = user.received
      .slice(since)
      .map(cardOf)
      .find((card) => card && cardText(card).includes(text));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no card with "${text}" in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs the whole interview by typing, and returns the summary card the bot posts with the draft. */
export async function captureByInterview(author: TeamsUser): Promise<Card> {
  const since = author.received.length;
  await author.say('capture my workflow');
  for (const answer of Object.values(CAPTURE_ANSWERS)) await author.say(answer);
  return waitForCard(author, since, 'Your draft:');
}
