/**
 * One person as the directory (Microsoft Graph) describes them, already read from the wire format. A field
 * the directory did not state is null, except the manager: `undefined` there means "not stated in this
 * round, keep what is known" (a delta round names the manager only when it changed).
 */
export type DirectoryUser = {
  aadObjectId: string;
  displayName: string | null;
  mail: string | null;
  userPrincipalName: string | null;
  department: string | null;
  jobTitle: string | null;
  employeeId: string | null;
  /** The value of the configured LMS identifier attribute (employeeId by default). */
  lmsIdentifier: string | null;
  /** false for a disabled account (a leaver); null when not stated. */
  accountEnabled: boolean | null;
  managerAadObjectId: string | null | undefined;
};

/** What one read of the directory says about one person: their current state, or that they were removed. */
export type DirectoryChange =
  | { kind: 'user'; user: DirectoryUser }
  /** Deleted: `restorable` while it sits in the directory's deleted items (Graph's reason "changed"). */
  | { kind: 'removed'; aadObjectId: string; restorable: boolean };
