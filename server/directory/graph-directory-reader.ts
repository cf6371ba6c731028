import type { DirectoryChange, DirectoryReader, Logger } from '../../core';
import { GraphRequestError } from './graph-errors';
import type { GraphClient } from './graph-client';
import { directoryChangeFromGraph, graphUsersPage } from './graph-user';

const SELECTED = [
  'id',
  'displayName',
  'mail',
  'userPrincipalName',
  'department',
  'jobTitle',
  'employeeId',
  'accountEnabled',
  // Selecting the manager relationship tracks its changes: Graph reports it as `manager@delta`.
  'manager',
];
/** A round longer than this is a loop, not a directory. */
const MAX_PAGES = 100_000;

/** The first URL of a full read: users delta with the fields Practica keeps and the LMS identifier attribute. */
export function initialDeltaUrl(graphBaseUrl: string, lmsAttribute: string): string {
  const attribute = lmsAttribute.split('.')[0] as string;
  const select = SELECTED.includes(attribute) ? SELECTED : [...SELECTED, attribute];
  return `${graphBaseUrl.replace(/\/+$/, '')}/v1.0/users/delta?$select=${select.join(',')}`;
}

/** Microsoft Graph users delta as the core DirectoryReader: follows @odata.nextLink to the @odata.deltaLink. */
export function graphDirectoryReader(options: {
  client: GraphClient;
  graphBaseUrl: string;
  lmsAttribute: string;
  logger: Logger;
}): DirectoryReader {
  return {
    async readRound({ deltaLink, signal, onProgress }) {
      let url = deltaLink ?? initialDeltaUrl(options.graphBaseUrl, options.lmsAttribute);
      const changes: DirectoryChange[] = [];
      const seenUrls = new Set<string>();
      for (let pages = 1; pages <= MAX_PAGES; pages += 1) {
        seenUrls.add(url);
        const page = graphUsersPage.safeParse(await options.client.getJson(url, signal));
        if (!page.success)
          throw new GraphRequestError('Microsoft Graph sent a users page Practica cannot read', 200, null);
        let unreadable = 0;
        for (const entry of page.data.value) {
          const change = directoryChangeFromGraph(entry, options.lmsAttribute);
          if (change) changes.push(change);
          else unreadable += 1;
        }
        if (unreadable > 0)
          options.logger.warn('Directory entries left out: unreadable', { unreadable, page: pages });
        await onProgress?.({ pages, changes: changes.length });
        const deltaLinkNext = page.data['@odata.deltaLink'];
        if (deltaLinkNext) return { changes, deltaLink: deltaLinkNext };
        const next = page.data['@odata.nextLink'];
        if (!next)
          throw new GraphRequestError(
            'A users delta page had neither a next link nor a delta link',
            200,
            null,
          );
        if (seenUrls.has(next))
          throw new GraphRequestError('A users delta page linked back to a page already read', 200, null);
        url = next;
      }
      throw new GraphRequestError(`A users delta round ran past ${MAX_PAGES} pages`, 200, null);
    },
  };
}
