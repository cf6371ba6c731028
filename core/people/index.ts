export type { Person, PersonProfile, Role, ConversationReference, LmsIdentifierSource } from './person';
export {
  APP_ROLE_ADMIN,
  APP_ROLE_AUTHOR,
  effectiveRoles,
  requireRole,
  type CallerRole,
} from './effective-roles';
export { newcomerProfile } from './newcomer-profile';
