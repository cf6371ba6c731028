import { mayReadAuditLog, type Viewer } from '../access';
import { AppError } from '../errors';
import type { AuditEntry, PagePosition, Store } from '../ports';

/** What the log shows for someone it names who is no longer in Practica (erased, or a former colleague). */
export const GONE_PERSON_NAME = 'someone no longer in Practica';

/** An entry with the names of who acted and whom it is about, as the directory knows them now. */
export type NamedAuditEntry = AuditEntry & { actorName: string | null; subjectName: string | null };

export type AuditPage = { entries: NamedAuditEntry[]; nextPage: PagePosition | null };

/** The tenant's audit log, newest first, a page at a time; for L&D admins only. */
export async function listAuditLog(options: {
  store: Store;
  viewer: Viewer;
  limit: number;
  after?: PagePosition;
  subjectPersonId?: string;
}): Promise<AuditPage> {
  if (!mayReadAuditLog(options.viewer))
    throw new AppError('forbidden', 'Only L&D admins can read the audit log');
  const tenantId = options.viewer.person.tenantId;
  const rows = await options.store.audit.listForTenant(tenantId, {
    limit: options.limit + 1,
    after: options.after,
    subjectPersonId: options.subjectPersonId,
  });
  const entries = rows.slice(0, options.limit);
  const named = new Set(entries.flatMap((entry) => [entry.actorId, entry.subjectPersonId]));
  named.delete(null);
  const people = await options.store.people.getMany(tenantId, [...named] as string[]);
  const names = new Map(people.map((person) => [person.id, person.displayName]));
  const nameOf = (id: string | null) => (id === null ? null : (names.get(id) ?? GONE_PERSON_NAME));
  const last = entries[entries.length - 1];
  return {
    entries: entries.map((entry) => ({
      ...entry,
      actorName: nameOf(entry.actorId),
      subjectName: nameOf(entry.subjectPersonId),
    })),
    nextPage: rows.length > options.limit && last ? { at: last.at, id: last.id } : null,
  };
}
