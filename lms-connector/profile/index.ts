export {
  practicaProfile,
  PROFILE_CONFORMS_TO,
  PROFILE_CONTENT_TYPE,
  type PracticaProfileDocument,
  type ProfileConcept,
} from './practica-profile';
