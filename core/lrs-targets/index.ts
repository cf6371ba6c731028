export {
  lrsSecretContext,
  type LrsTargetRepository,
  type SecretBox,
  type StoredLrsActor,
  type StoredLrsAuth,
  type StoredLrsTarget,
} from './stored-lrs-target';
export {
  deleteLrsTarget,
  saveLrsTarget,
  type LrsTargetAdminContext,
  type LrsTargetInput,
} from './save-lrs-target';
