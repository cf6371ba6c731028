export {
  readProfile,
  type ProfileView,
  type ProfileCertificate,
  type ProfileSession,
  type ProfileDeliverable,
} from './read-profile';
export { readTeam, type TeamView, type TeamMember, type TeamAreaSummary } from './read-team';
export { evidenceCounts, type EvidenceCounts, type ProfileLevel } from './profile-level';
