import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { findImportViolations, type SourceFile } from './import-rules';

const ROOT = path.resolve(__dirname, '..', '..');
const FOLDERS = ['core', 'store', 'bot', 'lms-connector', 'server', 'tab/src'];

function sourceFiles(folder: string): SourceFile[] {
  const absolute = path.join(ROOT, folder);
  let entries: string[];
  try {
    entries = readdirSync(absolute);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const relative = path.join(folder, entry);
    if (statSync(path.join(ROOT, relative)).isDirectory())
      return entry === 'node_modules' || entry === 'dist' ? [] : sourceFiles(relative);
    return /\.(ts|tsx)$/.test(entry)
      ? [{ path: relative, text: readFileSync(path.join(ROOT, relative), 'utf8') }]
      : [];
  });
}

describe('import boundaries', () => {
  it('hold across the code base', () => {
    const files = FOLDERS.flatMap(sourceFiles);
    expect(files.filter((file) => file.path.startsWith('core')).length).toBeGreaterThan(10);
    expect(findImportViolations(files)).toEqual([]);
  });

  it('catch a core module importing the store, an adapter importing another, and core importing a driver', () => {
    const violations = findImportViolations([
      { path: 'core/sessions/start-session.ts', text: "import { createStore } from '../../store';" },
      {
        path: 'bot/cards/home-card.ts',
        text: "import { sendStatements } from '../../lms-connector/outbox';",
      },
      { path: 'core/people/find.ts', text: "import { Pool } from 'pg';\nconst x = require('drizzle-orm');" },
      { path: 'store/repositories/x.ts', text: "import type { Store } from '../../core';" },
      {
        path: 'core/sessions/x.test.ts',
        text: "import { workflowDefinition } from '../../tests/factories';",
      },
      { path: 'core/sessions/x.ts', text: "import { workflowDefinition } from '../../tests/factories';" },
      { path: 'tab/src/App.tsx', text: "import { loadConfig } from '../../server/config';" },
    ]);
    expect(violations.map((violation) => `${violation.file} -> ${violation.specifier}`)).toEqual([
      'core/sessions/start-session.ts -> ../../store',
      'bot/cards/home-card.ts -> ../../lms-connector/outbox',
      'core/people/find.ts -> pg',
      'core/people/find.ts -> drizzle-orm',
      'core/sessions/x.ts -> ../../tests/factories',
      'tab/src/App.tsx -> ../../server/config',
    ]);
  });
});
