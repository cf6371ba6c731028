import { ToggleInput } from '@microsoft/teams.cards';
import { NUDGE_KIND_NAMES, OPT_IN_KINDS, type NudgeKind } from '../../core';
import { button, buttons, card, heading, paragraph, subtle, warning } from './card-kit';

/** What each kind of reminder is, in the words of the settings card. */
const NUDGE_KIND_DESCRIPTIONS: Record<NudgeKind, string> = {
  low_rating_follow_up: 'tips the working day after a session that did not go well',
  toward_l2: 'a nudge to run a workflow again in a different week, until it is a habit',
  social_proof: 'weekly, what colleagues in your department ran and rated highly',
  author_reuse: 'when a colleague reuses a workflow you wrote',
  author_summary: 'weekly, how your workflows were used and rated, and what broke',
  manager_digest: 'weekly, your team’s practice and deliverables awaiting your review',
  lapse_warning: 'a week before one of your levels would lapse',
};

export type NudgeSettingsModel = {
  /** The organisation sends no reminders at all. */
  tenantOff: boolean;
  weeklyLimit: number;
  all: boolean;
  /** Kinds the organisation sends, with the person's choice. */
  kinds: { kind: NudgeKind; on: boolean }[];
  /** Kinds the organisation turned off for everyone. */
  tenantOffKinds: NudgeKind[];
  /** "Saved." after a change, or why a change was refused. */
  notice?: { kind: 'saved' | 'refused'; text: string };
};

/** The "nudges" card: a switch per kind of reminder and one for all of them, saved in place. */
export function nudgeSettingsCard(model: NudgeSettingsModel) {
  const notice = model.notice
    ? [model.notice.kind === 'saved' ? paragraph(model.notice.text) : warning(model.notice.text)]
    : [];
  if (model.tenantOff)
    return card(
      heading('Your reminders from Practica'),
      ...notice,
      paragraph('Your organisation has switched Practica’s reminders off, so you receive none.'),
    );
  const toggle = (id: string, title: string, on: boolean) =>
    new ToggleInput(title, { id, valueOn: 'true', valueOff: 'false', value: on ? 'true' : 'false' });
  return card(
    heading('Your reminders from Practica'),
    ...notice,
    paragraph(
      `At most ${model.weeklyLimit} a week, in your working hours. Choose which you want, then save.`,
    ),
    toggle('nudge.all', 'Send me reminders', model.all),
    ...model.kinds.map(({ kind, on }) =>
      toggle(
        `nudge.${kind}`,
        `${capitalised(NUDGE_KIND_NAMES[kind])}: ${NUDGE_KIND_DESCRIPTIONS[kind]}${OPT_IN_KINDS.includes(kind) ? ' (only if you ask for it)' : ''}`,
        on,
      ),
    ),
    ...(model.tenantOffKinds.length > 0
      ? [
          subtle(
            `Turned off for everyone by your organisation: ${model.tenantOffKinds.map((kind) => NUDGE_KIND_NAMES[kind]).join(', ')}.`,
          ),
        ]
      : []),
    buttons(button('Save', { op: 'save_nudges' }, 'positive')),
    subtle('You can also reply “stop nudges” or “stop <name>” at any time.'),
  );
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
