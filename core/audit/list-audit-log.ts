import { mayReadAuditLog, type Viewer } from '../access';
import { AppError } from '../errors';
import type { AuditEntry, PagePosition, Store } from '../ports';

export type AuditPage = { entries: AuditEntry[]; nextPage: PagePosition | null };

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
  const rows = await options.store.audit.listForTenant(options.viewer.person.tenantId, {
    limit: options.limit + 1,
    after: options.after,
    subjectPersonId: options.subjectPersonId,
  });
  const entries = rows.slice(0, options.limit);
  const last = entries[entries.length - 1];
  return {
    entries,
    nextPage: rows.length > options.limit && last ? { at: last.at, id: last.id } : null,
  };
}
