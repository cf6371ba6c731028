import type { Person } from '../../core';
import type { LrsActorMapping } from '../targets';
import type { XapiAgent } from './xapi-statement';

/**
 * The xAPI actor for a person at one target, or null when they lack the identifier that target uses
 * (their statements are then held until it is known, never sent half-formed).
 */
export function actorFor(
  person: Pick<Person, 'displayName' | 'email' | 'lmsIdentifier'>,
  mapping: LrsActorMapping,
): XapiAgent | null {
  const name = person.displayName.trim() || undefined;
  if (mapping.kind === 'account') {
    const identifier = person.lmsIdentifier?.trim();
    if (!identifier) return null;
    return {
      objectType: 'Agent',
      name: name ?? identifier,
      account: { homePage: mapping.homePage, name: identifier },
    };
  }
  const email = person.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) return null;
  return { objectType: 'Agent', name: name ?? email, mbox: `mailto:${email}` };
}
