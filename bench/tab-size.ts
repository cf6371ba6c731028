import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** DESIGN section 9: the tab's first load is at most this much JavaScript, gzipped. */
const FIRST_LOAD_BUDGET_KB = 350;

const gzippedKb = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

/** The chunks a chunk imports statically (`import … from "./x.js"`, `import "./x.js"`). */
function staticImports(assets: string, chunk: string): string[] {
  const code = readFileSync(path.join(assets, chunk), 'utf8');
  return [...code.matchAll(/(?:from|import)\s*["'`]\.\/([^"'`]+\.js)["'`]/g)].map((match) => match[1]!);
}

function closure(assets: string, roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const pending = [...roots];
  while (pending.length > 0) {
    const chunk = pending.pop()!;
    if (seen.has(chunk)) continue;
    seen.add(chunk);
    pending.push(...staticImports(assets, chunk));
  }
  return seen;
}

const sumKb = (assets: string, chunks: Iterable<string>) =>
  [...chunks].reduce((total, chunk) => total + gzippedKb(path.join(assets, chunk)), 0);

export type TabSize = { firstLoadKb: number; pages: { page: string; kb: number; withFirstLoadKb: number }[] };

/**
 * The JavaScript a browser downloads for the tab, from the built `tab/dist`: the first load (the entry and what
 * it imports statically) and, per lazily loaded page, what opening it adds.
 */
export function measureTabSize(distDirectory: string): TabSize {
  const assets = path.join(distDirectory, 'assets');
  const html = readFileSync(path.join(distDirectory, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((match) => match[1]!);
  const first = closure(assets, entries);
  const firstLoadKb = sumKb(assets, first);
  const pageChunks = [
    ...new Set(
      [...first].flatMap((chunk) =>
        [
          ...readFileSync(path.join(assets, chunk), 'utf8').matchAll(
            /import\(["'`]\.\/([A-Za-z]+Page-[^"'`]+\.js)["'`]\)/g,
          ),
        ].map((match) => match[1]!),
      ),
    ),
  ];
  const pages = pageChunks.map((chunk) => {
    const added = [...closure(assets, [chunk])].filter((item) => !first.has(item));
    const kb = sumKb(assets, added);
    return { page: chunk.replace(/-[^-]+\.js$/, ''), kb, withFirstLoadKb: firstLoadKb + kb };
  });
  return { firstLoadKb, pages };
}

export function printTabSize(size: TabSize): void {
  const verdict = size.firstLoadKb <= FIRST_LOAD_BUDGET_KB ? 'meets' : 'MISSES';
  console.log(
    `tab first load: ${size.firstLoadKb.toFixed(1)} KB of JavaScript gzipped (target ≤ ${FIRST_LOAD_BUDGET_KB} KB: ${verdict})`,
  );
  for (const page of size.pages.sort((a, b) => a.page.localeCompare(b.page)))
    console.log(
      `  ${page.page}: +${page.kb.toFixed(1)} KB when opened (${page.withFirstLoadKb.toFixed(1)} KB with the first load)`,
    );
}
