import { z } from 'zod';

const channelAccount = z
  .object({ id: z.string().min(1), name: z.string().optional(), aadObjectId: z.string().optional() })
  .loose();

/**
 * The fields Practica relies on in an inbound Bot Framework activity. Anything else is passed through
 * untouched; an activity missing these is refused with 400 before it reaches the bot.
 */
export const inboundActivitySchema = z
  .object({
    type: z.string().min(1),
    id: z.string().min(1).optional(),
    channelId: z.string().min(1),
    serviceUrl: z.url(),
    from: channelAccount,
    recipient: channelAccount,
    conversation: z
      .object({
        id: z.string().min(1),
        tenantId: z.string().optional(),
        conversationType: z.string().optional(),
      })
      .loose(),
    text: z.string().optional(),
    name: z.string().optional(),
    locale: z.string().optional(),
    timestamp: z.string().optional(),
    replyToId: z.string().optional(),
    // The SDK walks these lists (mentions, files, cards): every entry must be an object with its type.
    attachments: z.array(z.object({ contentType: z.string() }).loose()).optional(),
    entities: z.array(z.object({ type: z.string() }).loose()).optional(),
    channelData: z
      .object({ tenant: z.object({ id: z.string() }).loose().optional() })
      .loose()
      .optional(),
  })
  .loose();

export type InboundActivity = z.infer<typeof inboundActivitySchema>;

export function describeActivityProblem(body: unknown): string | null {
  const parsed = inboundActivitySchema.safeParse(body);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return `${issue?.path.join('.') || 'activity'}: ${issue?.message ?? 'invalid'}`;
}
