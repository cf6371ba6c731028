import { button, buttons, card, paragraph } from './card-kit';

export function noticeCard(message: string) {
  return card(paragraph(message), buttons(button('Home', { op: 'home' })));
}
