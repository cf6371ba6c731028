import type { StatementDraft, XapiAgent, XapiStatement } from './xapi-statement';

/** A draft made sendable: its id (fixed once, so re-sending is idempotent) and the target's actor for the person. */
export function addressStatement(draft: StatementDraft, actor: XapiAgent, id: string): XapiStatement {
  return { id, actor, ...draft };
}
