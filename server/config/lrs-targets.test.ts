import { parseLrsConnectorConfig } from './lrs-targets';

const fail = (message: string) => new Error(message);

describe('parseLrsConnectorConfig', () => {
  it('configures no target when LRS_TARGETS is unset', () => {
    expect(parseLrsConnectorConfig({}, fail)).toMatchObject({
      targets: [],
      timeoutMs: 30_000,
      batchesInFlight: 2,
    });
  });

  it('reads a Basic target with account actors and an OAuth 2.0 target with mbox actors', () => {
    const config = parseLrsConnectorConfig(
      {
        LRS_TARGETS: 'lms, analytics',
        LRS_LMS_ENDPOINT: 'https://lms.contoso.com/xapi',
        LRS_LMS_USERNAME: 'practica',
        LRS_LMS_PASSWORD: 'secret',
        LRS_LMS_ACTOR_HOME_PAGE: 'https://lms.contoso.com',
        LRS_ANALYTICS_ENDPOINT: 'https://lrs.contoso.com/data/xAPI/',
        LRS_ANALYTICS_AUTH: 'oauth2',
        LRS_ANALYTICS_TOKEN_URL: 'https://login.contoso.com/oauth/token',
        LRS_ANALYTICS_CLIENT_ID: 'practica',
        LRS_ANALYTICS_CLIENT_SECRET: 'secret',
        LRS_ANALYTICS_SCOPE: 'xapi:write',
        LRS_ANALYTICS_ACTOR: 'mbox',
        LRS_ANALYTICS_SEND_FAILED: 'true',
        LRS_TIMEOUT_MS: '5000',
      },
      fail,
    );
    expect(config.targets).toEqual([
      {
        name: 'lms',
        endpoint: 'https://lms.contoso.com/xapi/',
        auth: { kind: 'basic', username: 'practica', password: 'secret' },
        actor: { kind: 'account', homePage: 'https://lms.contoso.com' },
      },
      {
        name: 'analytics',
        endpoint: 'https://lrs.contoso.com/data/xAPI/',
        auth: {
          kind: 'oauth2',
          tokenUrl: 'https://login.contoso.com/oauth/token',
          clientId: 'practica',
          clientSecret: 'secret',
          scope: 'xapi:write',
        },
        actor: { kind: 'mbox' },
        sendFailed: true,
      },
    ]);
    expect(config.timeoutMs).toBe(5000);
  });

  it('names the variable that is missing or wrong, and never echoes a secret', () => {
    const base = { LRS_TARGETS: 'lms', LRS_LMS_ENDPOINT: 'https://lms.contoso.com/xapi/' };
    expect(() => parseLrsConnectorConfig({ LRS_TARGETS: 'lms' }, fail)).toThrow(
      'Invalid LRS_LMS_ENDPOINT: required',
    );
    expect(() => parseLrsConnectorConfig({ ...base, LRS_LMS_ENDPOINT: 'lms.contoso.com' }, fail)).toThrow(
      'Invalid LRS_LMS_ENDPOINT (got "lms.contoso.com"): must be an http(s) URL',
    );
    expect(() => parseLrsConnectorConfig({ ...base, LRS_LMS_USERNAME: 'practica' }, fail)).toThrow(
      'Invalid LRS_LMS_PASSWORD: required for Basic authentication',
    );
    expect(() => parseLrsConnectorConfig({ ...base, LRS_LMS_AUTH: 'ntlm' }, fail)).toThrow(
      'must be basic or oauth2',
    );
    expect(() =>
      parseLrsConnectorConfig(
        { ...base, LRS_LMS_USERNAME: 'u', LRS_LMS_PASSWORD: 'hunter2', LRS_LMS_ACTOR: 'openid' },
        fail,
      ),
    ).toThrow(/^Invalid LRS_LMS_ACTOR \(got "openid"\): must be account or mbox$/);
    expect(() =>
      parseLrsConnectorConfig(
        {
          ...base,
          LRS_LMS_USERNAME: 'u',
          LRS_LMS_PASSWORD: 'p',
          LRS_LMS_ACTOR: 'mbox',
          LRS_LMS_SEND_FAILED: 'yes',
        },
        fail,
      ),
    ).toThrow('Invalid LRS_LMS_SEND_FAILED (got "yes"): must be true or false');
    expect(() => parseLrsConnectorConfig({ LRS_TARGETS: 'LMS!' }, fail)).toThrow(
      'Invalid LRS_TARGETS: "LMS!"',
    );
    expect(() => parseLrsConnectorConfig({ LRS_TARGETS: 'lms,lms' }, fail)).toThrow('listed twice');
    expect(() => parseLrsConnectorConfig({ LRS_TIMEOUT_MS: 'soon' }, fail)).toThrow('Invalid LRS_TIMEOUT_MS');
  });
});
