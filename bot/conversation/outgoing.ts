import type { IAdaptiveCard } from '@microsoft/teams.cards';

export type Outgoing = { kind: 'text'; text: string } | { kind: 'card'; card: IAdaptiveCard };

export const text = (value: string): Outgoing => ({ kind: 'text', text: value });
export const cardMessage = (value: IAdaptiveCard): Outgoing => ({ kind: 'card', card: value });
