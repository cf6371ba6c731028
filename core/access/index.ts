export {
  profileAccess,
  deliverableInScope,
  directReports,
  mayReadAuditLog,
  type Viewer,
  type ProfileScope,
  type ProfileAccess,
} from './profile-access';
export { MIN_GROUP_SIZE, mayShowGroupFigure } from './group-size';
