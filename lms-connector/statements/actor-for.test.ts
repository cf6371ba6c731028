import { actorFor } from './actor-for';

const person = { displayName: 'Avery Analyst', email: 'Avery.Analyst@Contoso.com', lmsIdentifier: 'E-10442' };
const account = { kind: 'account', homePage: 'https://lms.contoso.com' } as const;

describe('actorFor', () => {
  it('names the person by their LMS identifier on the LMS home page by default, with their name', () => {
    expect(actorFor(person, account)).toEqual({
      objectType: 'Agent',
      name: 'Avery Analyst',
      account: { homePage: 'https://lms.contoso.com', name: 'E-10442' },
    });
  });

  it('uses the lower-case work email as mbox when the target maps people by email, and only that identifier', () => {
    const actor = actorFor(person, { kind: 'mbox' });
    expect(actor).toEqual({
      objectType: 'Agent',
      name: 'Avery Analyst',
      mbox: 'mailto:avery.analyst@contoso.com',
    });
    expect(actor).not.toHaveProperty('account');
  });

  it('gives no actor (the statements are held) when the person lacks the identifier the target uses', () => {
    expect(actorFor({ ...person, lmsIdentifier: null }, account)).toBeNull();
    expect(actorFor({ ...person, lmsIdentifier: '   ' }, account)).toBeNull();
    expect(actorFor({ ...person, email: '' }, { kind: 'mbox' })).toBeNull();
    // A missing LMS identifier does not matter to a target that maps by email, and the other way round.
    expect(actorFor({ ...person, lmsIdentifier: null }, { kind: 'mbox' })).not.toBeNull();
    expect(actorFor({ ...person, email: '' }, account)).not.toBeNull();
  });

  it('trims the identifier it sends', () => {
    expect(actorFor({ ...person, lmsIdentifier: ' E-10442 ' }, account)).toMatchObject({
      account: { name: 'E-10442' },
    });
  });
});
