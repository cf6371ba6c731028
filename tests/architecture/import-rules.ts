import path from 'node:path';

export type SourceFile = { path: string; text: string };
export type Violation = { file: string; specifier: string; rule: string };

const ADAPTERS = ['store', 'bot', 'lms-connector'];
const CORE_FORBIDDEN_PACKAGES = [
  /^@microsoft\/teams/,
  /^hono$|^hono\//,
  /^@hono\//,
  /^pg$/,
  /^@electric-sql\//,
  /^drizzle-orm/,
  /^openai$/,
  /^@xapi\//,
  /^jose$/,
  /^(node:)?(http|https|net|child_process)$/,
];

const IMPORT_PATTERN =
  /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function topFolder(relativePath: string): string {
  return relativePath.split(/[\\/]/)[0] ?? '';
}

/** The layering rules of DESIGN section 2: core imports nothing of ours; adapters import core, never each other. */
export function findImportViolations(files: SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    const from = topFolder(file.path);
    for (const match of file.text.matchAll(IMPORT_PATTERN)) {
      const specifier = match[1] ?? match[2] ?? match[3] ?? '';
      if (specifier.startsWith('.')) {
        const target = topFolder(path.normalize(path.join(path.dirname(file.path), specifier)));
        if (target === from) continue;
        // Unit tests beside the code may use the shared factories and fakes in tests/.
        if (target === 'tests' && /\.test\.tsx?$/.test(file.path)) continue;
        if (from === 'core')
          violations.push({ file: file.path, specifier, rule: 'core imports nothing outside core/' });
        else if (from === 'tab')
          violations.push({ file: file.path, specifier, rule: 'the tab talks to the server over HTTP only' });
        else if (ADAPTERS.includes(from) && target !== 'core') {
          violations.push({
            file: file.path,
            specifier,
            rule: `${from}/ may import core/ only, not ${target}/`,
          });
        }
      } else if (from === 'core' && CORE_FORBIDDEN_PACKAGES.some((pattern) => pattern.test(specifier))) {
        violations.push({
          file: file.path,
          specifier,
          rule: 'core has no Teams, HTTP, database or vendor SDK imports',
        });
      }
    }
  }
  return violations;
}
