import { randomUUID } from 'node:crypto';

/** A Bot Framework message activity as Teams sends it in a 1:1 chat. */
export function messageActivity(options: {
  tenantId: string;
  aadObjectId: string;
  serviceUrl: string;
  text?: string;
  id?: string;
  name?: string;
}): Record<string, unknown> {
  return {
    type: 'message',
    id: options.id ?? randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    from: {
      id: `29:${options.aadObjectId}`,
      aadObjectId: options.aadObjectId,
      name: options.name ?? 'Someone',
    },
    recipient: { id: '28:practica-bot', name: 'Practica' },
    conversation: {
      id: `a:${options.aadObjectId}`,
      conversationType: 'personal',
      tenantId: options.tenantId,
    },
    channelData: { tenant: { id: options.tenantId } },
    locale: 'en-GB',
    text: options.text ?? 'hello',
    textFormat: 'plain',
  };
}
