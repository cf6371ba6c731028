import { z } from 'zod';

/** `POST /workflows/{id}/start-in-chat`: the session opened; its first card is on its way to the chat. */
const startedSchema = z.object({
  sessionId: z.string(),
  alreadyStarted: z.boolean(),
  chatUrl: z.string().nullable(),
});

export type StartedInChat = z.infer<typeof startedSchema>;

export const parseStartedInChat = (body: unknown): StartedInChat => startedSchema.parse(body);
