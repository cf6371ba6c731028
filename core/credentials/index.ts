export {
  credentialStanding,
  type CredentialRepository,
  type PracticeCredential,
  type RevocationReason,
} from './practice-credential';
export type { CredentialSigner } from './credential-signer';
export { credentialUrls } from './credential-urls';
export { practiceEvidence, type PracticeEvidence } from './practice-evidence';
export {
  criteriaNarrative,
  openBadgeCredential,
  practiceAchievement,
  OPEN_BADGES_CONTEXT,
  REVOCATION_LIST_TYPE,
  VC_CONTEXT_V2,
  type CredentialFacts,
} from './open-badge-credential';
export { issueDueCredentials } from './issue-due-credentials';
export { ISSUE_CREDENTIALS_JOB, withCredentialRequests } from './with-credential-requests';
