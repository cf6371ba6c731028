export { actorFor } from './actor-for';
export { addressStatement } from './address-statement';
export { LEVEL_NAMES } from './activities';
export { isoDuration } from './iso-duration';
export {
  PLATFORM,
  RUBRIC_BAR,
  StatementMappingError,
  statementsForEvent,
  type StatementContext,
} from './statements-for-event';
export {
  ACTIVITY_TYPES,
  EXTENSIONS,
  PRACTICA_NAMESPACE,
  PROFILE_ACTIVITY_TYPE,
  PROFILE_IRI,
  PROFILE_VERSION_IRI,
  VERBS,
  type ActivityTypeConcept,
  type ExtensionConcept,
  type VerbConcept,
} from './vocabulary';
export type { StatementDraft, XapiActivity, XapiAgent, XapiStatement } from './xapi-statement';
export { voidingStatement, VOIDED_VERB_ID } from './voiding-statement';
