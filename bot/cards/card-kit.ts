import {
  ActionSet,
  AdaptiveCard,
  ExecuteAction,
  ShowCardAction,
  TextBlock,
  type CardElement,
  type IAdaptiveCard,
} from '@microsoft/teams.cards';
import type { CardCommand } from './card-command';
import { safeCardText } from './safe-text';

/** Every Practica button is one Action.Execute verb; what it does travels in `data` (validated on the way back). */
export const CARD_VERB = 'practica';

export function card(...body: CardElement[]): IAdaptiveCard {
  return new AdaptiveCard(...body).withVersion('1.5');
}

export const heading = (text: string) =>
  new TextBlock(safeCardText(text), { size: 'Large', weight: 'Bolder', wrap: true });
export const subtle = (text: string) =>
  new TextBlock(safeCardText(text), { isSubtle: true, wrap: true, spacing: 'None', size: 'Small' });
export const paragraph = (text: string) => new TextBlock(safeCardText(text), { wrap: true });
export const warning = (text: string) =>
  new TextBlock(safeCardText(text), { wrap: true, color: 'Attention', weight: 'Bolder' });
/** Long text a person reads and copies; Teams renders Markdown in a TextBlock. */
export const document = (text: string) =>
  new TextBlock(safeCardText(text), { wrap: true, fontType: 'Default', spacing: 'Medium' });

export function button(
  title: string,
  command: CardCommand,
  style?: 'positive' | 'destructive',
): ExecuteAction {
  return new ExecuteAction({ title, verb: CARD_VERB, data: command, ...(style ? { style } : {}) });
}

export function reveal(title: string, inner: IAdaptiveCard): ShowCardAction {
  return new ShowCardAction({ title, card: inner });
}

export function buttons(...actions: (ExecuteAction | ShowCardAction)[]): ActionSet {
  return new ActionSet(...actions);
}
