import type { Person } from '../../core';
import type { LrsActorMapping } from '../targets';

type StatementActor = {
  mbox?: unknown;
  account?: { homePage?: unknown; name?: unknown };
};

/**
 * The people of a tenant keyed the way one target names them (its actor mapping), so statements read with one
 * query per verb can be matched to people here instead of with one query per person.
 */
export class PeopleByActor {
  private readonly byKey = new Map<string, Pick<Person, 'id'>>();

  constructor(
    people: readonly Pick<Person, 'id' | 'email' | 'lmsIdentifier' | 'active'>[],
    private readonly mapping: LrsActorMapping,
  ) {
    for (const person of people) {
      const key =
        mapping.kind === 'account'
          ? person.lmsIdentifier?.trim() && accountKey(mapping.homePage, person.lmsIdentifier.trim())
          : person.email.trim() && `mbox:mailto:${person.email.trim().toLowerCase()}`;
      if (key) this.byKey.set(key, person);
    }
  }

  /** The person a statement's actor is, under this target's mapping; null for anyone else. */
  find(actor: unknown): Pick<Person, 'id'> | null {
    if (!actor || typeof actor !== 'object') return null;
    const { mbox, account } = actor as StatementActor;
    if (this.mapping.kind === 'account') {
      if (typeof account?.homePage !== 'string' || typeof account.name !== 'string') return null;
      return this.byKey.get(accountKey(account.homePage, account.name.trim())) ?? null;
    }
    return typeof mbox === 'string' ? (this.byKey.get(`mbox:${mbox.trim().toLowerCase()}`) ?? null) : null;
  }
}

function accountKey(homePage: string, name: string): string {
  return `account:${homePage.trim().replace(/\/+$/, '').toLowerCase()}|${name}`;
}
