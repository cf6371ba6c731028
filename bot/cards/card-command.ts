import { z } from 'zod';

const sessionRef = { sessionId: z.uuid(), version: z.number().int().positive() };

/** What a Practica card button carries back (the inputs on the card arrive beside these fields). */
export const cardCommandSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('home') }),
  z.object({ op: z.literal('browse'), skillArea: z.string().min(1).max(40).optional() }),
  z.object({ op: z.literal('start'), workflowId: z.uuid() }),
  z.object({ op: z.literal('continue'), sessionId: z.uuid() }),
  z.object({ op: z.literal('submit_inputs'), ...sessionRef }),
  z.object({ op: z.literal('accept_output'), ...sessionRef }),
  z.object({ op: z.literal('edit_output'), ...sessionRef }),
  z.object({ op: z.literal('regenerate'), ...sessionRef }),
  z.object({ op: z.literal('switch_to_byo'), ...sessionRef }),
  z.object({ op: z.literal('provide_output'), ...sessionRef }),
  z.object({ op: z.literal('complete_verification'), ...sessionRef }),
  z.object({ op: z.literal('submit_feedback'), ...sessionRef }),
  z.object({ op: z.literal('back'), ...sessionRef }),
  z.object({ op: z.literal('pause'), ...sessionRef }),
  z.object({ op: z.literal('abandon'), ...sessionRef }),
  z.object({ op: z.literal('capture') }),
  z.object({ op: z.literal('capture_stop'), interviewId: z.uuid() }),
  z.object({ op: z.literal('nudges') }),
  z.object({ op: z.literal('save_nudges') }),
  z.object({ op: z.literal('try_draft'), workflowId: z.uuid() }),
]);

export type CardCommand = z.infer<typeof cardCommandSchema>;

/** The card's own inputs, by id: `input.<name>`, `note`, `edited`, `check.<n>`, `rating.<criterion>`, `nudge.<kind>`, … */
export type CardInputs = Record<string, string>;

export function parseCardSubmission(data: unknown): { command: CardCommand; inputs: CardInputs } | null {
  if (typeof data !== 'object' || data === null) return null;
  const parsed = cardCommandSchema.safeParse(data);
  if (!parsed.success) return null;
  const inputs: CardInputs = {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string' && !['op', 'sessionId', 'workflowId', 'interviewId'].includes(key))
      inputs[key] = value;
  }
  return { command: parsed.data, inputs };
}
