import {
  DEFAULT_NUDGE_PREFERENCES,
  kindChosen,
  personWantsNudge,
  withNudgeChoices,
} from './nudge-preferences';

describe('saving the reminder settings card', () => {
  it('turns kinds on and off, leaving the ones not on the card as they were', () => {
    const saved = withNudgeChoices(
      { ...DEFAULT_NUDGE_PREFERENCES, kindsOff: ['lapse_warning'] },
      { all: true, kinds: { social_proof: true, toward_l2: false } },
    );
    expect(personWantsNudge(saved, 'social_proof')).toBe(true);
    expect(personWantsNudge(saved, 'toward_l2')).toBe(false);
    expect(personWantsNudge(saved, 'lapse_warning')).toBe(false);
    expect(personWantsNudge(saved, 'low_rating_follow_up')).toBe(true);
  });

  it('switches everything off without forgetting the choices underneath', () => {
    const chosen = withNudgeChoices(DEFAULT_NUDGE_PREFERENCES, {
      all: true,
      kinds: { social_proof: true, toward_l2: false },
    });
    const allOff = withNudgeChoices(chosen, { all: false, kinds: {} });
    expect(personWantsNudge(allOff, 'social_proof')).toBe(false);
    expect(personWantsNudge(allOff, 'low_rating_follow_up')).toBe(false);
    expect(kindChosen(allOff, 'social_proof')).toBe(true);
    expect(withNudgeChoices(allOff, { all: true, kinds: {} })).toEqual(chosen);
  });
});
