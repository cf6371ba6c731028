import type { XapiAgent } from './xapi-statement';

export const VOIDED_VERB_ID = 'http://adlnet.gov/expapi/verbs/voided';

/**
 * The xAPI statement that withdraws one Practica sent (an erased person's): verb ADL `voided`, object a
 * StatementRef. Its actor is Practica itself, not the person, so erasing someone sends the LRS no more of
 * their identity than the id of each statement to withdraw. No `context.platform`: xAPI allows it only when
 * the object is an Activity.
 */
export function voidingStatement(options: {
  id: string;
  voidedStatementId: string;
  baseUrl: string;
  at: Date;
}): Record<string, unknown> & { id: string } {
  const practica: XapiAgent = {
    objectType: 'Agent',
    name: 'Practica',
    account: { homePage: options.baseUrl.replace(/\/+$/, ''), name: 'practica' },
  };
  return {
    id: options.id,
    actor: practica,
    verb: { id: VOIDED_VERB_ID, display: { 'en-US': 'voided' } },
    object: { objectType: 'StatementRef', id: options.voidedStatementId },
    timestamp: options.at.toISOString(),
  };
}
