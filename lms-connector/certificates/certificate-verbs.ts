/** The verbs an LMS uses for a course completion or a credential; each is read with one query per sync. */
export const CERTIFICATE_VERBS = [
  'http://adlnet.gov/expapi/verbs/completed',
  'http://adlnet.gov/expapi/verbs/passed',
  'http://id.tincanapi.com/verb/earned',
  'http://adlnet.gov/expapi/verbs/achieved',
  'https://w3id.org/xapi/dod-isd/verbs/achieved',
] as const;

export const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';
