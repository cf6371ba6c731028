import type { IAdaptiveCard } from '@microsoft/teams.cards';

/** A card may carry a line of text above it: one message instead of two (one Bot Connector call, not two). */
export type Outgoing = { kind: 'text'; text: string } | { kind: 'card'; card: IAdaptiveCard; text?: string };

export const text = (value: string): Outgoing => ({ kind: 'text', text: value });
export const cardMessage = (value: IAdaptiveCard, above?: string): Outgoing =>
  above === undefined ? { kind: 'card', card: value } : { kind: 'card', card: value, text: above };
