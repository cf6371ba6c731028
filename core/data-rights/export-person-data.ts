import type { Viewer } from '../access';
import { AppError } from '../errors';
import type { Clock, Ids, Store } from '../ports';
import type { PersonDataSnapshot } from './person-data';

/**
 * Everything Practica holds about a person, for the person themself or an L&D admin of their tenant
 * (data access requests), read as of one moment. Each export is written to the audit log first.
 */
export async function exportPersonData(options: {
  store: Store;
  clock: Clock;
  ids: Ids;
  viewer: Viewer;
  personId: string;
}): Promise<PersonDataSnapshot> {
  const { viewer, personId } = options;
  const tenantId = viewer.person.tenantId;
  const self = viewer.person.id === personId;
  if (!self && !viewer.roles.includes('admin'))
    throw new AppError('forbidden', "Only L&D admins can export another person's data");
  if (!(await options.store.people.get(tenantId, personId)))
    throw new AppError('not_found', 'No one in your organisation has that id.');
  // Recorded before the read, so the export lists itself among the entries about the person.
  await options.store.audit.append({
    id: options.ids.uuid(),
    tenantId,
    actorId: viewer.person.id,
    action: 'person.exported',
    subjectPersonId: personId,
    details: { by: self ? 'self' : 'admin' },
    at: options.clock.now(),
  });
  const snapshot = await options.store.personData.snapshot(tenantId, personId);
  if (!snapshot) throw new AppError('not_found', 'No one in your organisation has that id.');
  return snapshot;
}
