import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_DEFAULT_USER_EMAIL, DEMO_TENANT, requireDemoPerson } from './demo-tenant';
import {
  PLAYGROUND_CONFIG_FILE_NAME,
  buildPlaygroundConfig,
  renderPlaygroundConfig,
  toPlaygroundUser,
  type PlaygroundConfig,
} from './playground-config';

const rootFile = join(__dirname, '..', '..', PLAYGROUND_CONFIG_FILE_NAME);

describe('Agents Playground config', () => {
  it('is the file at the project root (regenerate it with `npm run playground:config`)', () => {
    expect(readFileSync(rootFile, 'utf8')).toBe(renderPlaygroundConfig());
  });

  it("talks as the demo tenant's default user", () => {
    const config = buildPlaygroundConfig();
    const analyst = requireDemoPerson(DEMO_DEFAULT_USER_EMAIL);
    expect(config.tenantId).toBe(DEMO_TENANT.id);
    expect(config.currentUser).toMatchObject({
      aadObjectId: analyst.aadObjectId,
      name: analyst.displayName,
      email: analyst.email,
      userPrincipleName: analyst.email,
    });
    const text = renderPlaygroundConfig();
    expect(text).toContain(`tenantId: '${DEMO_TENANT.id}'`);
    expect(text).toContain(`currentUser:\n  id: '29:${analyst.aadObjectId}'`);
    expect(text).toContain(`  aadObjectId: '${analyst.aadObjectId}'`);
  });

  // What Agents Playground 0.2.x enforces when it loads the file (it refuses to start otherwise).
  it("meets the Playground's schema rules", () => {
    const config: PlaygroundConfig = buildPlaygroundConfig();
    expect(['0.1.0', '0.1.1']).toContain(config.version);
    expect(config.users).toHaveLength(5);
    expect(config.bot.name.length).toBeLessThanOrEqual(42);
    expect(config.team.channels.length).toBeLessThanOrEqual(1);
    const userIds = [config.currentUser, ...config.users].map((user) => user.id);
    expect(new Set(userIds).size).toBe(userIds.length);
    const conversationIds = [
      config.personalChat.id,
      config.groupChat.id,
      config.team.id,
      ...config.team.channels.map((c) => c.id),
    ];
    expect(new Set(conversationIds).size).toBe(conversationIds.length);
    for (const user of [config.currentUser, ...config.users]) {
      expect(Object.keys(user).sort()).toEqual([
        'aadObjectId',
        'email',
        'givenName',
        'id',
        'name',
        'surname',
        'userPrincipleName',
      ]);
      expect(toPlaygroundUser(requireDemoPerson(user.email))).toEqual(user);
      expect(`${user.givenName} ${user.surname}`).toBe(user.name);
    }
    const departments = new Set(config.users.map((user) => requireDemoPerson(user.email).department));
    expect(departments.size).toBeGreaterThanOrEqual(4);
  });

  it('quotes values so that YAML reads them back exactly', () => {
    const config = buildPlaygroundConfig();
    const grace = requireDemoPerson('grace.oneill@northwind.example');
    const text = renderPlaygroundConfig({
      ...config,
      currentUser: toPlaygroundUser(grace),
      groupChat: { id: 'g', name: `It's "ours"` },
    });
    expect(text).toContain(`  name: "Grace O'Neill"`);
    expect(text).toContain(`  name: 'It''s "ours"'`);
    expect(() => renderPlaygroundConfig({ ...config, groupChat: { id: 'g', name: 'two\nlines' } })).toThrow(
      /Playground config/,
    );
  });
});
