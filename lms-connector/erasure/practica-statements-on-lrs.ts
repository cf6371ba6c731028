import type { Person } from '../../core';
import type { LrsClient } from '../client';
import { actorFor, PROFILE_VERSION_IRI, VOIDED_VERB_ID } from '../statements';
import type { LrsTarget } from '../targets';

type Statement = {
  id?: unknown;
  verb?: { id?: unknown };
  object?: { id?: unknown };
  context?: { contextActivities?: { category?: { id?: unknown }[] } };
};

/**
 * The ids of Practica's statements about a person that an LRS holds (voided ones excepted, as the LRS leaves
 * them out): asked by the person's actor for that target, keeping statements that carry Practica's profile or
 * are about this deployment's activities, so the LMS's own records (course completions) are never touched.
 * Covers statements the outbox has already forgotten. Null when the target cannot name the person.
 */
export async function practicaStatementsOnLrs(options: {
  client: LrsClient;
  target: LrsTarget;
  person: Person;
  baseUrl: string;
}): Promise<string[] | null> {
  const actor = actorFor(options.person, options.target.actor);
  if (!actor) return null;
  const { name: _name, objectType: _type, ...agent } = actor;
  const ownActivities = `${options.baseUrl.replace(/\/+$/, '')}/xapi/activities/`;
  const ids: string[] = [];
  for await (const page of options.client.queryStatements({ agent, limit: 500 })) {
    for (const statement of page.statements as Statement[]) {
      if (typeof statement.id !== 'string' || statement.verb?.id === VOIDED_VERB_ID) continue;
      const categories = statement.context?.contextActivities?.category ?? [];
      const objectId = typeof statement.object?.id === 'string' ? statement.object.id : '';
      if (
        categories.some((category) => category.id === PROFILE_VERSION_IRI) ||
        objectId.startsWith(ownActivities)
      )
        ids.push(statement.id);
    }
  }
  return ids;
}
