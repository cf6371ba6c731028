import { parseDirectoryConfig } from './directory-config';

const fail = (message: string) => new Error(message);
const TENANT = '72F988BF-86F1-41AF-91AB-2D7CD011DB47';
const CLIENT = '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b';

describe('directory sync configuration', () => {
  it('is off unless DIRECTORY_SYNC=graph, even with the bot’s credentials present', () => {
    expect(parseDirectoryConfig({}, fail)).toBeNull();
    expect(
      parseDirectoryConfig(
        { TENANT_ID: TENANT, CLIENT_ID: CLIENT, CLIENT_SECRET: 's', DIRECTORY_SYNC: 'off' },
        fail,
      ),
    ).toBeNull();
  });

  it('reuses the bot’s app registration when no GRAPH_* values are given, with hourly runs and employeeId', () => {
    expect(
      parseDirectoryConfig(
        { DIRECTORY_SYNC: 'graph', TENANT_ID: TENANT, CLIENT_ID: CLIENT, CLIENT_SECRET: 'bot-secret' },
        fail,
      ),
    ).toEqual({
      tenantId: TENANT.toLowerCase(),
      clientId: CLIENT,
      clientSecret: 'bot-secret',
      authorityUrl: 'https://login.microsoftonline.com',
      graphBaseUrl: 'https://graph.microsoft.com',
      intervalMinutes: 60,
      lmsIdentifierAttribute: 'employeeId',
    });
  });

  it('prefers GRAPH_* values, and reads the interval, the identifier attribute and a national cloud', () => {
    expect(
      parseDirectoryConfig(
        {
          DIRECTORY_SYNC: 'graph',
          CLIENT_ID: 'bot-client-is-not-used',
          GRAPH_TENANT_ID: TENANT,
          GRAPH_CLIENT_ID: CLIENT,
          GRAPH_CLIENT_SECRET: 'graph-secret',
          GRAPH_AUTHORITY_URL: 'https://login.microsoftonline.us/',
          GRAPH_BASE_URL: 'https://graph.microsoft.us',
          DIRECTORY_SYNC_INTERVAL_MINUTES: '15',
          DIRECTORY_LMS_IDENTIFIER_ATTRIBUTE: 'onPremisesExtensionAttributes.extensionAttribute2',
        },
        fail,
      ),
    ).toMatchObject({
      clientId: CLIENT,
      clientSecret: 'graph-secret',
      authorityUrl: 'https://login.microsoftonline.us',
      graphBaseUrl: 'https://graph.microsoft.us',
      intervalMinutes: 15,
      lmsIdentifierAttribute: 'onPremisesExtensionAttributes.extensionAttribute2',
    });
  });

  it.each([
    [{ DIRECTORY_SYNC: 'yes' }, 'Invalid DIRECTORY_SYNC: must be off or graph'],
    [{ DIRECTORY_SYNC: 'graph', CLIENT_ID: CLIENT, CLIENT_SECRET: 's' }, 'Invalid GRAPH_TENANT_ID: required'],
    [
      { DIRECTORY_SYNC: 'graph', TENANT_ID: TENANT, CLIENT_ID: CLIENT },
      'Invalid GRAPH_CLIENT_SECRET: required',
    ],
    [
      {
        DIRECTORY_SYNC: 'graph',
        GRAPH_TENANT_ID: 'contoso',
        GRAPH_CLIENT_ID: CLIENT,
        GRAPH_CLIENT_SECRET: 's',
      },
      'Invalid GRAPH_TENANT_ID: must be a GUID',
    ],
    [{ DIRECTORY_SYNC_INTERVAL_MINUTES: '1' }, 'Invalid DIRECTORY_SYNC_INTERVAL_MINUTES'],
    [
      { DIRECTORY_LMS_IDENTIFIER_ATTRIBUTE: 'employeeId; drop' },
      'Invalid DIRECTORY_LMS_IDENTIFIER_ATTRIBUTE',
    ],
  ])('refuses %j with a line naming the variable', (env, message) => {
    expect(() => parseDirectoryConfig(env, fail)).toThrow(message);
  });

  it('never shows the secret in an error', () => {
    let message = '';
    try {
      parseDirectoryConfig(
        {
          DIRECTORY_SYNC: 'graph',
          GRAPH_TENANT_ID: 'bad',
          GRAPH_CLIENT_ID: CLIENT,
          GRAPH_CLIENT_SECRET: 'top-secret',
        },
        fail,
      );
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toBe('');
    expect(message).not.toContain('top-secret');
  });
});
