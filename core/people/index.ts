export type { Person, PersonProfile, Role, ConversationReference } from './person';
