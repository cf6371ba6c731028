import { ACTIVITY_TYPES, PROFILE_ACTIVITY_TYPE, PROFILE_VERSION_IRI } from './vocabulary';
import type { XapiActivity } from './xapi-statement';

export const LEVEL_NAMES = ['Aware', 'Knows', 'Practises', 'Multiplies', 'Redesigns'] as const;

export type WorkflowFacts = { id: string; title: string };

/** Activity ids live under the deployment's base URL; ids are stable (a title may change, the id does not). */
export function workflowActivity(baseUrl: string, workflow: WorkflowFacts, language: string): XapiActivity {
  return {
    objectType: 'Activity',
    id: `${baseUrl}/xapi/activities/workflows/${workflow.id}`,
    definition: { type: ACTIVITY_TYPES.workflow.id, name: { [language]: workflow.title } },
  };
}

export function deliverableActivity(
  baseUrl: string,
  workflow: WorkflowFacts,
  language: string,
): XapiActivity {
  return {
    objectType: 'Activity',
    id: `${baseUrl}/xapi/activities/workflows/${workflow.id}/deliverable`,
    definition: {
      type: ACTIVITY_TYPES.deliverable.id,
      name: { [language]: `Deliverable: ${workflow.title}` },
    },
  };
}

export function levelActivity(
  baseUrl: string,
  skillArea: { id: string; name: string },
  level: number,
  language: string,
): XapiActivity {
  return {
    objectType: 'Activity',
    id: `${baseUrl}/xapi/activities/skill-areas/${encodeURIComponent(skillArea.id)}/levels/${level}`,
    definition: {
      type: ACTIVITY_TYPES.level.id,
      name: { [language]: `L${level} ${LEVEL_NAMES[level] ?? ''} in ${skillArea.name}`.replace('  ', ' ') },
    },
  };
}

export const profileActivity: XapiActivity = {
  objectType: 'Activity',
  id: PROFILE_VERSION_IRI,
  definition: { type: PROFILE_ACTIVITY_TYPE },
};

/** The credential itself (one per person and issue): its id is the URL it is served at. */
export function credentialActivity(
  baseUrl: string,
  credentialId: string,
  skillArea: { id: string; name: string },
  language: string,
): XapiActivity {
  return {
    objectType: 'Activity',
    id: `${baseUrl}/credentials/${credentialId}`,
    definition: {
      type: ACTIVITY_TYPES.credential.id,
      name: { [language]: `Practises AI: ${skillArea.name}` },
      moreInfo: `${baseUrl}/credentials/${credentialId}/verify`,
    },
  };
}
