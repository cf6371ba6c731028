export type Role = 'employee' | 'author' | 'admin';

export type ConversationReference = {
  conversationId: string;
  serviceUrl: string;
  botId?: string;
  channelId: string;
  /** Teams' `conversation.conversationType`: 'personal' (1:1 with the bot), 'groupChat' or 'channel'. */
  conversationType?: string;
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
};

/** What the directory (Graph, the demo fixture, or a Teams activity) tells us about a person. */
export type PersonProfile = Omit<Person, 'id' | 'managerId' | 'conversationReference' | 'active'> & {
  managerAadObjectId: string | null;
};
