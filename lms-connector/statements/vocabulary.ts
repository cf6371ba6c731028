/**
 * Practica's own xAPI vocabulary lives under one namespace the project controls, the same for every
 * customer; activity ids (workflows, deliverables, levels) live under each deployment's base URL instead.
 */
export const PRACTICA_NAMESPACE = 'https://practica.app/xapi';

/** The profile's IRI, and the IRI of its current version (what statements name in `contextActivities.category`). */
export const PROFILE_IRI = `${PRACTICA_NAMESPACE}/profile`;
export const PROFILE_VERSION_IRI = `${PROFILE_IRI}/v1.0`;
export const PROFILE_ACTIVITY_TYPE = 'http://adlnet.gov/expapi/activities/profile';

export type VerbConcept = { id: string; display: string; definition: string };

/** Verbs borrowed from ADL, Tin Can and Activity Streams; Practica defines none of its own (none is missing). */
export const VERBS = {
  initialized: {
    id: 'http://adlnet.gov/expapi/verbs/initialized',
    display: 'initialized',
    definition: 'Started a guided session on a workflow; context.registration is the session id.',
  },
  progressed: {
    id: 'http://adlnet.gov/expapi/verbs/progressed',
    display: 'progressed',
    definition:
      'Finished one step of a guided session; the cmi5 progress result extension is the share of the workflow done (0-100).',
  },
  completed: {
    id: 'http://adlnet.gov/expapi/verbs/completed',
    display: 'completed',
    definition:
      'Finished a guided session with a deliverable; result.duration is active time (gaps over 10 minutes are pauses) and the minutes saved against the author’s estimate are a result extension.',
  },
  passed: {
    id: 'http://adlnet.gov/expapi/verbs/passed',
    display: 'passed',
    definition:
      'A reviewer (manager or workflow author) scored the deliverable at or above the rubric bar (mean 3.5 of 5). Never sent for a self-rating.',
  },
  failed: {
    id: 'http://adlnet.gov/expapi/verbs/failed',
    display: 'failed',
    definition:
      'A reviewer scored the deliverable below the rubric bar. Off unless the LRS target asks for it; never sent for a self-rating.',
  },
  shared: {
    id: 'http://adlnet.gov/expapi/verbs/shared',
    display: 'shared',
    definition: 'Shared a workflow with colleagues, or a deliverable with a reviewer.',
  },
  rated: {
    id: 'http://id.tincanapi.com/verb/rated',
    display: 'rated',
    definition:
      'Rated their own deliverable against each rubric criterion (1-5); the mean is result.score, the criteria are a result extension.',
  },
  create: {
    id: 'http://activitystrea.ms/create',
    display: 'created',
    definition: 'Produced the deliverable of a guided session. Its text never leaves Practica.',
  },
  author: {
    id: 'http://activitystrea.ms/author',
    display: 'authored',
    definition: 'Published a version of a workflow they wrote.',
  },
  use: {
    id: 'http://activitystrea.ms/use',
    display: 'used',
    definition: 'Completed a workflow a colleague authored (knowledge sharing).',
  },
  mastered: {
    id: 'http://adlnet.gov/expapi/verbs/mastered',
    display: 'mastered',
    definition:
      'Reached a proficiency level in a skill area; the level before and after are result extensions.',
  },
  earned: {
    id: 'http://id.tincanapi.com/verb/earned',
    display: 'earned',
    definition:
      'Was issued an Open Badges 3.0 credential of practice (L2 Practises in a skill area); the object is the credential, its moreInfo the verification page.',
  },
} as const satisfies Record<string, VerbConcept>;

export type ActivityTypeConcept = { id: string; name: string; definition: string };

export const ACTIVITY_TYPES = {
  workflow: {
    id: `${PRACTICA_NAMESPACE}/activity-types/workflow`,
    name: 'workflow',
    definition:
      'A repeatable piece of real work done with AI, captured by a colleague as steps, inputs and a rubric, and run as guided sessions.',
  },
  deliverable: {
    id: `${PRACTICA_NAMESPACE}/activity-types/deliverable`,
    name: 'deliverable',
    definition: 'The document a guided session produces from a workflow. Statements never carry its text.',
  },
  level: {
    id: `${PRACTICA_NAMESPACE}/activity-types/proficiency-level`,
    name: 'proficiency level',
    definition:
      'One level (L0 Aware to L4 Redesigns) of AI proficiency in one skill area, earned by evidence of practice.',
  },
  credential: {
    id: `${PRACTICA_NAMESPACE}/activity-types/practice-credential`,
    name: 'credential of practice',
    definition:
      'An Open Badges 3.0 OpenBadgeCredential (a signed W3C Verifiable Credential) stating that a person practises AI in a skill area; its id is the URL the credential is served at.',
  },
} as const satisfies Record<string, ActivityTypeConcept>;

export type ExtensionConcept = {
  id: string;
  kind: 'ResultExtension' | 'ContextExtension';
  name: string;
  definition: string;
  /** JSON Schema of the value, published inline in the profile. */
  schema: Record<string, unknown>;
};

const integer = { type: 'integer' };
const rubricScores = {
  type: 'object',
  additionalProperties: { type: 'number', minimum: 1, maximum: 5 },
};

export const EXTENSIONS = {
  progress: {
    id: 'https://w3id.org/xapi/cmi5/result/extensions/progress',
    kind: 'ResultExtension',
    name: 'progress',
    definition: 'cmi5 progress: the share of the workflow’s steps finished, as a whole percentage (0-100).',
    schema: { type: 'integer', minimum: 0, maximum: 100 },
  },
  minutesSaved: {
    id: `${PRACTICA_NAMESPACE}/extensions/minutes-saved`,
    kind: 'ResultExtension',
    name: 'minutes saved',
    definition:
      'Minutes the work would take by hand (the author’s estimate, or the employee’s correction) minus the minutes it took; negative when it took longer.',
    schema: integer,
  },
  manualMinutes: {
    id: `${PRACTICA_NAMESPACE}/extensions/manual-minutes`,
    kind: 'ResultExtension',
    name: 'minutes by hand',
    definition: 'Minutes the work takes without AI: the author’s estimate, or the employee’s correction.',
    schema: { type: 'integer', minimum: 1 },
  },
  minutesTaken: {
    id: `${PRACTICA_NAMESPACE}/extensions/minutes-taken`,
    kind: 'ResultExtension',
    name: 'minutes taken',
    definition: 'Minutes the session took as the employee reported them in feedback.',
    schema: { type: 'integer', minimum: 1 },
  },
  rubricScores: {
    id: `${PRACTICA_NAMESPACE}/extensions/rubric-scores`,
    kind: 'ResultExtension',
    name: 'rubric scores',
    definition:
      'The score (1-5) for each rubric criterion of the workflow, keyed by criterion id: a self-rating on rated, a reviewer’s on passed/failed.',
    schema: rubricScores,
  },
  savedTimeGoesTo: {
    id: `${PRACTICA_NAMESPACE}/extensions/saved-time-goes-to`,
    kind: 'ResultExtension',
    name: 'where the saved time goes',
    definition:
      'What the employee will do with the time saved: deeper-analysis, customers, colleagues, learning or other.',
    schema: { enum: ['deeper-analysis', 'customers', 'colleagues', 'learning', 'other'] },
  },
  wouldReuse: {
    id: `${PRACTICA_NAMESPACE}/extensions/would-reuse`,
    kind: 'ResultExtension',
    name: 'would reuse',
    definition: 'Whether the employee would use this workflow again.',
    schema: { type: 'boolean' },
  },
  regenerations: {
    id: `${PRACTICA_NAMESPACE}/extensions/regenerations`,
    kind: 'ResultExtension',
    name: 'regenerations',
    definition: 'How many times an AI answer was asked for again in the session (or step).',
    schema: { type: 'integer', minimum: 0 },
  },
  edits: {
    id: `${PRACTICA_NAMESPACE}/extensions/edits`,
    kind: 'ResultExtension',
    name: 'edited steps',
    definition: 'How many AI answers the employee rewrote before accepting them.',
    schema: { type: 'integer', minimum: 0 },
  },
  previousLevel: {
    id: `${PRACTICA_NAMESPACE}/extensions/previous-level`,
    kind: 'ResultExtension',
    name: 'previous level',
    definition: 'The proficiency level (0-4) in the skill area before this one was reached.',
    schema: { type: 'integer', minimum: 0, maximum: 4 },
  },
  newLevel: {
    id: `${PRACTICA_NAMESPACE}/extensions/new-level`,
    kind: 'ResultExtension',
    name: 'new level',
    definition: 'The proficiency level (0-4) reached.',
    schema: { type: 'integer', minimum: 0, maximum: 4 },
  },
  reviewerRole: {
    id: `${PRACTICA_NAMESPACE}/extensions/reviewer-role`,
    kind: 'ResultExtension',
    name: 'reviewer role',
    definition: 'Who scored the deliverable: the employee’s manager or the workflow’s author.',
    schema: { enum: ['manager', 'author'] },
  },
  skillArea: {
    id: `${PRACTICA_NAMESPACE}/extensions/skill-area`,
    kind: 'ContextExtension',
    name: 'skill area',
    definition:
      'The tenant’s skill area id (for example analysis or writing) the workflow or level belongs to.',
    schema: { type: 'string' },
  },
  workflowVersion: {
    id: `${PRACTICA_NAMESPACE}/extensions/workflow-version`,
    kind: 'ContextExtension',
    name: 'workflow version',
    definition: 'The version number of the workflow the session pinned (published versions never change).',
    schema: { type: 'integer', minimum: 1 },
  },
  step: {
    id: `${PRACTICA_NAMESPACE}/extensions/step`,
    kind: 'ContextExtension',
    name: 'step',
    definition:
      'The workflow step a progressed statement is about: its id, kind (input, generate, verify or deliverable) and position from 1.',
    schema: {
      type: 'object',
      required: ['id', 'kind', 'position'],
      properties: {
        id: { type: 'string' },
        kind: { enum: ['input', 'generate', 'verify', 'deliverable'] },
        position: { type: 'integer', minimum: 1 },
      },
    },
  },
} as const satisfies Record<string, ExtensionConcept>;
