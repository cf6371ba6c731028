export type Role = 'employee' | 'author' | 'admin';

export type ConversationReference = {
  conversationId: string;
  serviceUrl: string;
  botId?: string;
  channelId: string;
  /** Teams' `conversation.conversationType`: 'personal' (1:1 with the bot), 'groupChat' or 'channel'. */
  conversationType?: string;
  /** The person's IANA time zone as Teams last reported it (`localTimezone`), for nudges in working hours. */
  timeZone?: string;
};

export type Person = {
  id: string;
  tenantId: string;
  aadObjectId: string;
  displayName: string;
  email: string;
  department: string | null;
  jobTitle: string | null;
  managerId: string | null;
  employeeId: string | null;
  lmsIdentifier: string | null;
  roles: Role[];
  conversationReference: ConversationReference | null;
  active: boolean;
  /** The directory's user principal name (lower-case), when the directory sync has read it. */
  userPrincipalName?: string | null;
  /** The manager's Entra object id as the directory names it (kept even before that manager is known here). */
  managerAadObjectId?: string | null;
  /** Where the LMS identifier came from: the directory attribute, or an admin's CSV import (which wins). */
  lmsIdentifierSource?: LmsIdentifierSource | null;
  /** When the person left (deleted or disabled in the directory); null while active. */
  leftAt?: Date | null;
};

export type LmsIdentifierSource = 'directory' | 'import';

/**
 * What the directory (Graph, the demo fixture, or a Teams activity) tells us about a person. Optional fields
 * left out keep what is stored: `active` (false marks the person as left), `userPrincipalName`; an LMS
 * identifier from the directory (`lmsIdentifierSource` absent or 'directory') never replaces an imported one.
 */
export type PersonProfile = Omit<
  Person,
  'id' | 'managerId' | 'conversationReference' | 'active' | 'managerAadObjectId' | 'leftAt'
> & {
  managerAadObjectId: string | null;
  active?: boolean;
  /** With `active: false`: when they left (a person already marked as left keeps their first time). */
  leftAt?: Date;
};
