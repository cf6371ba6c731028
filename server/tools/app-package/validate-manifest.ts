import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv04, { type SchemaObject } from 'ajv-draft-04';

/** The Teams manifest JSON schema bundled in @microsoft/app-manifest for a manifest version (e.g. 1.30). */
export function manifestSchemaPath(manifestVersion: string): string {
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

/**
 * Checks a filled manifest offline against the bundled schema, compiled as the Agents Toolkit does (ajv
 * draft-04, all errors, `uri` format); returns one line per problem, none when valid.
 */
export function manifestProblems(manifest: unknown): string[] {
  const version = (manifest as { manifestVersion?: unknown } | null)?.manifestVersion;
  if (typeof version !== 'string') return ['/manifestVersion is missing'];
  let schemaText: string;
  try {
    schemaText = readFileSync(manifestSchemaPath(version), 'utf8');
  } catch {
    return [`/manifestVersion ${version} has no schema bundled in @microsoft/app-manifest`];
  }
  const ajv = new Ajv04({ allErrors: true, strictTypes: false });
  ajv.addFormat('uri', (value: string) => /^[a-z][a-z0-9+.-]*:/i.test(value) && URL.canParse(value));
  const validate = ajv.compile(JSON.parse(schemaText) as SchemaObject);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`,
  );
}
