import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv04, { type ErrorObject, type SchemaObject, type ValidateFunction } from 'ajv-draft-04';
import { ColourType, decodeRgba, readPng } from './png';

const PACKAGE_DIR = join(__dirname, '..', '..', 'appPackage');
const MANIFEST_TEXT = readFileSync(join(PACKAGE_DIR, 'manifest.json'), 'utf8');
const README_TEXT = readFileSync(join(PACKAGE_DIR, 'README.md'), 'utf8');
const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

const TEAMS_APP_ID = '6f1c0f0e-3b52-4c1a-9a0e-2d8f1f0b7c11';
const BOT_ID = '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9';
const BOT_DOMAIN = 'practica.example.com';

/** Realistic values per environment for every placeholder that appPackage/README.md documents. */
const ENVIRONMENTS: Record<string, Record<string, string>> = {
  dev: {
    TEAMS_APP_ID,
    BOT_ID,
    BOT_DOMAIN,
    APP_NAME_SUFFIX: ' (dev)',
    PRIVACY_URL: 'https://www.contoso.com/privacy',
    TERMS_OF_USE_URL: 'https://www.contoso.com/terms',
  },
  production: {
    TEAMS_APP_ID,
    BOT_ID,
    BOT_DOMAIN,
    APP_NAME_SUFFIX: '',
    PRIVACY_URL: 'https://www.contoso.com/privacy',
    TERMS_OF_USE_URL: 'https://www.contoso.com/terms',
  },
};
const ALLOWED_PLACEHOLDERS = Object.keys(ENVIRONMENTS['production'] ?? {});

/** The parts of the manifest these tests read; the JSON schema checks the rest. */
type Manifest = {
  $schema: string;
  accentColor: string;
  manifestVersion: string;
  icons: { color: string; outline: string };
  bots?: {
    botId: string;
    scopes: string[];
    supportsFiles?: boolean;
    commandLists?: { scopes: string[]; commands: { title: string }[] }[];
  }[];
  staticTabs?: {
    entityId: string;
    name: string;
    scopes: string[];
    contentUrl?: string;
    websiteUrl?: string;
  }[];
  validDomains?: string[];
  webApplicationInfo?: { id: string; resource?: string };
};

function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''))];
}

/** Fills the placeholders that have a value; unknown ones stay, for the placeholder test to report. */
function substitute(text: string, values: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

function schemaPath(manifestVersion: string): string {
  const packageDir = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return join(
    packageDir,
    'build',
    'json-schemas',
    'teams',
    `v${manifestVersion}`,
    'MicrosoftTeams.schema.json',
  );
}

/** Compiles the bundled schema the way the Agents Toolkit does (ajv draft-04, all errors, `uri` format). */
function compileSchema(manifestVersion: string): ValidateFunction<Manifest> {
  const schema = JSON.parse(readFileSync(schemaPath(manifestVersion), 'utf8')) as SchemaObject;
  const ajv = new Ajv04({ allErrors: true, strictTypes: false });
  ajv.addFormat('uri', (value: string) => /^[a-z][a-z0-9+.-]*:/i.test(value) && URL.canParse(value));
  return ajv.compile<Manifest>(schema);
}

function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`).join('\n');
}

const rawManifest = JSON.parse(MANIFEST_TEXT) as { manifestVersion: string };
const validate = compileSchema(rawManifest.manifestVersion);

function parseValid(text: string): Manifest {
  const data: unknown = JSON.parse(text);
  if (!validate(data)) throw new Error(`manifest is invalid:\n${describeErrors(validate.errors)}`);
  return data;
}

const manifest = parseValid(substitute(MANIFEST_TEXT, ENVIRONMENTS['production'] ?? {}));

describe('appPackage/manifest.json', () => {
  it('uses manifest schema 1.29 or later, with the matching $schema URL and a bundled schema file', () => {
    const [major = 0, minor = 0] = manifest.manifestVersion.split('.').map(Number);
    expect(major * 1000 + minor).toBeGreaterThanOrEqual(1029);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    expect(existsSync(schemaPath(manifest.manifestVersion))).toBe(true);
  });

  it.each(Object.keys(ENVIRONMENTS))('is valid against the bundled schema with %s values', (environment) => {
    const text = substitute(MANIFEST_TEXT, ENVIRONMENTS[environment] ?? {});
    expect(text).not.toContain('${{');
    expect(() => parseValid(text)).not.toThrow();
  });

  it('uses only the documented placeholders', () => {
    const used = placeholdersIn(MANIFEST_TEXT);
    expect(used.length).toBeGreaterThan(0);
    for (const name of used) expect(ALLOWED_PLACEHOLDERS).toContain(name);
    for (const name of ALLOWED_PLACEHOLDERS) expect(README_TEXT).toContain(`\${{${name}}}`);
    // A typo such as `${TEAMS_APP_ID}` or `{{BOT_ID}}` would otherwise ship as literal text.
    expect(MANIFEST_TEXT.replace(PLACEHOLDER, '')).not.toMatch(/\$\{|\{\{|\}\}/);
  });

  it('has a personal-scope bot that accepts files and lists its commands', () => {
    expect(manifest.bots).toHaveLength(1);
    const bot = manifest.bots?.[0];
    expect(bot?.botId).toBe(BOT_ID);
    expect(bot?.scopes).toContain('personal');
    expect(bot?.supportsFiles).toBe(true);
    const personal = bot?.commandLists?.find((list) => list.scopes.includes('personal'));
    expect(personal?.commands.map((command) => command.title)).toEqual([
      'start',
      'continue',
      'status',
      'profile',
      'capture my workflow',
      'help',
    ]);
  });

  it('has a personal static tab per tab page, each on the service domain and telling the tab it is in Teams', () => {
    const tabs = (manifest.staticTabs ?? []).map((tab) => {
      const contentUrl = new URL(tab.contentUrl ?? '');
      return {
        entityId: tab.entityId,
        name: tab.name,
        scopes: tab.scopes,
        origin: contentUrl.origin,
        path: contentUrl.pathname,
        inTeams: contentUrl.searchParams.get('inTeams'),
        website: tab.websiteUrl,
      };
    });
    const page = (entityId: string, name: string, path: string) => ({
      entityId,
      name,
      scopes: ['personal'],
      origin: `https://${BOT_DOMAIN}`,
      path,
      inTeams: '1',
      website: `https://${BOT_DOMAIN}${path}`,
    });
    expect(tabs).toEqual([
      page('profile', 'My profile', '/profile'),
      page('team', 'My team', '/team'),
      page('organisation', 'Organisation', '/organisation'),
      page('workflows', 'Workflows', '/workflows'),
    ]);
    expect(manifest.validDomains).toEqual([BOT_DOMAIN]);
  });

  it('declares webApplicationInfo for tab SSO with the bot id and the tab domain', () => {
    expect(manifest.webApplicationInfo?.id).toBe(BOT_ID);
    expect(manifest.webApplicationInfo?.resource).toContain(BOT_ID);
    expect(manifest.webApplicationInfo?.resource).toBe(`api://${BOT_DOMAIN}/${BOT_ID}`);
  });
});

describe('manifest validation', () => {
  it('rejects a manifest without a required field', () => {
    const broken: Record<string, unknown> = { ...manifest };
    delete broken['developer'];
    expect(validate(broken)).toBe(false);
    expect(validate.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ keyword: 'required', params: { missingProperty: 'developer' } }),
      ]),
    );
  });

  it('rejects the manifest with its placeholders left unfilled (ids must be GUIDs)', () => {
    expect(validate(JSON.parse(MANIFEST_TEXT))).toBe(false);
    expect(describeErrors(validate.errors)).toMatch(/\/id must match pattern/);
  });

  it('rejects an unknown property', () => {
    expect(validate({ ...manifest, botId: BOT_ID })).toBe(false);
  });
});

describe('app package icons', () => {
  it('has a 192×192 colour icon', () => {
    const png = readPng(readFileSync(join(PACKAGE_DIR, manifest.icons.color)));
    expect([png.width, png.height]).toEqual([192, 192]);
    expect([ColourType.truecolour, ColourType.truecolourAlpha, ColourType.indexed]).toContain(png.colourType);
  });

  it('draws the Practica mark on the colour icon: the accent colour behind a white symbol', () => {
    const png = readPng(readFileSync(join(PACKAGE_DIR, manifest.icons.color)));
    const pixels = decodeRgba(png);
    const at = (x: number, y: number) => [...pixels.subarray((y * 192 + x) * 4, (y * 192 + x) * 4 + 4)];
    const accent = [1, 3, 5].map((i) => parseInt(manifest.accentColor.slice(i, i + 2), 16));
    for (const [x, y] of [
      [0, 0],
      [191, 0],
      [0, 191],
      [191, 191],
    ] as const)
      expect(at(x, y)).toEqual([...accent, 255]);
    let white = 0;
    for (let i = 0; i < pixels.length; i += 4)
      if (pixels[i] === 255 && pixels[i + 1] === 255 && pixels[i + 2] === 255) white += 1;
    // A symbol, not a blank square and not a white one: between 5% and 40% of the icon.
    expect(white / (192 * 192)).toBeGreaterThan(0.05);
    expect(white / (192 * 192)).toBeLessThan(0.4);
  });

  it('has a 32×32 outline icon, white on a transparent background', () => {
    const png = readPng(readFileSync(join(PACKAGE_DIR, manifest.icons.outline)));
    expect([png.width, png.height]).toEqual([32, 32]);
    expect(png.colourType).toBe(ColourType.truecolourAlpha);
    const pixels = decodeRgba(png);
    let transparent = 0;
    let opaque = 0;
    let notWhite = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const alpha = pixels[i + 3];
      if (alpha === 0) transparent += 1;
      else if (pixels[i] !== 255 || pixels[i + 1] !== 255 || pixels[i + 2] !== 255) notWhite += 1;
      if (alpha === 255) opaque += 1;
    }
    expect(notWhite).toBe(0);
    expect(transparent).toBeGreaterThan(0);
    expect(opaque).toBeGreaterThan(0);
  });
});
