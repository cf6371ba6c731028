import {
  ACTIVITY_TYPES,
  EXTENSIONS,
  PROFILE_ACTIVITY_TYPE,
  PROFILE_IRI,
  PROFILE_VERSION_IRI,
  VERBS,
  type ExtensionConcept,
} from '../statements';

/** When this version of the profile was published; a new version gets a new IRI and date. */
const VERSION_PUBLISHED_AT = '2026-11-01T00:00:00Z';
const PROFILE_CONTEXT = 'https://w3id.org/xapi/profiles/context';
export const PROFILE_CONFORMS_TO = 'https://w3id.org/xapi/profiles#1.0';
export const PROFILE_CONTENT_TYPE = 'application/ld+json';

export type ProfileConcept = {
  id: string;
  type: 'Verb' | 'ActivityType' | ExtensionConcept['kind'];
  inScheme: string;
  prefLabel: Record<string, string>;
  definition: Record<string, string>;
  inlineSchema?: string;
};

export type PracticaProfileDocument = {
  '@context': string;
  id: string;
  type: 'Profile';
  conformsTo: string;
  prefLabel: Record<string, string>;
  definition: Record<string, string>;
  versions: { id: string; generatedAtTime: string }[];
  author: { type: 'Organization'; name: string; url: string };
  concepts: ProfileConcept[];
};

/**
 * Practica's xAPI Profile (JSON-LD, xAPI Profiles 1.0): every verb, activity type and extension its statements
 * use, with how Practica uses it. Borrowed concepts (ADL, Tin Can, Activity Streams, cmi5) keep their own IRIs.
 * No statement templates yet: they come once they are tested against real statements.
 */
export function practicaProfile(): PracticaProfileDocument {
  const concept = (
    id: string,
    type: ProfileConcept['type'],
    label: string,
    definition: string,
  ): ProfileConcept => ({
    id,
    type,
    inScheme: PROFILE_VERSION_IRI,
    prefLabel: { en: label },
    definition: { en: definition },
  });
  return {
    '@context': PROFILE_CONTEXT,
    id: PROFILE_IRI,
    type: 'Profile',
    conformsTo: PROFILE_CONFORMS_TO,
    prefLabel: { en: 'Practica' },
    definition: {
      en: 'Statements from Practica, a Microsoft Teams app where employees practise real work with AI in guided sessions: sessions, deliverables, ratings and reviews against a rubric, workflows authored and reused by colleagues, and proficiency levels reached. Statements never carry the material, AI output or deliverable text.',
    },
    versions: [{ id: PROFILE_VERSION_IRI, generatedAtTime: VERSION_PUBLISHED_AT }],
    author: { type: 'Organization', name: 'Practica', url: 'https://practica.app' },
    concepts: [
      ...Object.values(VERBS).map((verb) => concept(verb.id, 'Verb', verb.display, verb.definition)),
      ...Object.values(ACTIVITY_TYPES).map((type) =>
        concept(type.id, 'ActivityType', type.name, type.definition),
      ),
      concept(
        PROFILE_ACTIVITY_TYPE,
        'ActivityType',
        'profile',
        'The type of the category activity every Practica statement carries: this profile’s version.',
      ),
      ...Object.values(EXTENSIONS).map((extension) => ({
        ...concept(extension.id, extension.kind, extension.name, extension.definition),
        inlineSchema: JSON.stringify(extension.schema),
      })),
    ],
  };
}
