import type { PersonProfile } from '../../core';
import { DEMO_DEFAULT_USER_EMAIL, DEMO_TENANT, requireDemoPerson } from './demo-tenant';

export const PLAYGROUND_CONFIG_FILE_NAME = '.m365agentsplayground.yml';
/** The Agents Playground validates its config against schema 0.1.0 or 0.1.1 and rejects anything else. */
export const PLAYGROUND_CONFIG_VERSION = '0.1.1';
export const PLAYGROUND_SCHEMA_URL = `https://aka.ms/teams-app-test-tool-config/${PLAYGROUND_CONFIG_VERSION}/config.schema.json`;

/** A user as the Playground reads it. `userPrincipleName` is the Playground's own spelling, and the one it reads. */
export type PlaygroundUser = {
  id: string;
  name: string;
  userPrincipleName: string;
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
};

export type PlaygroundConfig = {
  version: string;
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  personalChat: { id: string };
  groupChat: { id: string; name: string };
  team: { id: string; name: string; aadGroupId: string; channels: { id: string; name: string }[] };
};

/**
 * The Playground's schema requires exactly five `users` besides the current user (they make up its group chat
 * and team): the analyst's manager, the three authors and the L&D admin, the personas a demo switches to.
 */
export const PLAYGROUND_USER_EMAILS = [
  'rahul.mehta@northwind.example',
  'sofia.lindqvist@northwind.example',
  'gabriel.santos@northwind.example',
  'nadia.haddad@northwind.example',
  'priya.raman@northwind.example',
] as const;

export const PLAYGROUND_BOT = { id: '81bed20c-6efc-45dc-9133-06468aaffbad', name: 'Practica' } as const;

export function toPlaygroundUser(person: PersonProfile): PlaygroundUser {
  const [givenName = person.displayName, ...rest] = person.displayName.split(' ');
  return {
    // Teams user ids look like "29:…"; the Playground uses this one as activity.from.id.
    id: `29:${person.aadObjectId}`,
    name: person.displayName,
    userPrincipleName: person.email,
    aadObjectId: person.aadObjectId,
    givenName,
    surname: rest.join(' '),
    email: person.email,
  };
}

export function buildPlaygroundConfig(): PlaygroundConfig {
  return {
    version: PLAYGROUND_CONFIG_VERSION,
    tenantId: DEMO_TENANT.id,
    bot: { ...PLAYGROUND_BOT },
    currentUser: toPlaygroundUser(requireDemoPerson(DEMO_DEFAULT_USER_EMAIL)),
    users: PLAYGROUND_USER_EMAILS.map((email) => toPlaygroundUser(requireDemoPerson(email))),
    personalChat: { id: 'a:northwind-demo-personal-chat' },
    groupChat: { id: '19:northwind-demo-group-chat@thread.v2', name: 'Practica pilot' },
    team: {
      id: '19:northwind-demo-team@thread.tacv2',
      name: 'Northwind AI Practice',
      aadGroupId: '0c6e530f-96bd-407e-83ca-bea2d11841df',
      channels: [{ id: '19:northwind-demo-workflow-clinic@thread.tacv2', name: 'Workflow clinic' }],
    },
  };
}

/** The root `.m365agentsplayground.yml`, as YAML written by hand (quoted the way Prettier leaves it). */
export function renderPlaygroundConfig(config: PlaygroundConfig = buildPlaygroundConfig()): string {
  const lines = [
    `# yaml-language-server: $schema=${PLAYGROUND_SCHEMA_URL}`,
    '# Microsoft 365 Agents Playground: the bot is tried as people of the Northwind Traders demo tenant.',
    '# Generated from server/demo by `npm run playground:config`; do not edit by hand.',
    `version: ${quote(config.version)}`,
    `tenantId: ${quote(config.tenantId)}`,
    'bot:',
    ...fields(config.bot, '  '),
    'currentUser:',
    ...fields(config.currentUser, '  '),
    'users:',
    ...config.users.flatMap((user) => listItem(user, '  ')),
    'personalChat:',
    ...fields(config.personalChat, '  '),
    'groupChat:',
    ...fields(config.groupChat, '  '),
    'team:',
    ...fields({ id: config.team.id, name: config.team.name, aadGroupId: config.team.aadGroupId }, '  '),
    '  channels:',
    ...config.team.channels.flatMap((channel) => listItem(channel, '    ')),
  ];
  return `${lines.join('\n')}\n`;
}

function fields(record: Record<string, string>, indent: string): string[] {
  return Object.entries(record).map(([key, value]) => `${indent}${key}: ${quote(value)}`);
}

function listItem(record: Record<string, string>, indent: string): string[] {
  return fields(record, `${indent}  `).map((line, index) =>
    index === 0 ? `${indent}- ${line.trimStart()}` : line,
  );
}

/** A YAML quoted scalar: single quotes unless the value has a single quote and no double quote. */
function quote(value: string): string {
  if ([...value].some((char) => char.charCodeAt(0) < 0x20)) {
    throw new Error(`Cannot write ${JSON.stringify(value)} to the Playground config`);
  }
  if (value.includes("'") && !value.includes('"') && !value.includes('\\')) return `"${value}"`;
  return `'${value.replaceAll("'", "''")}'`;
}
