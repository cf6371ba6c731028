import { startPractica } from '../../server/practica';
import { markdownToDocx } from '../../server/documents/markdown-to-docx';
import { extractText } from '../../server/files';

// Loading docx and mammoth takes a noticeable share of start-up on a small machine (BENCHMARKS.md, "A slower
// machine"); few requests need them, so the service loads each with its first use.
// The record lives on globalThis: jest.mock factories run before this file's own variables exist.
type LoadRecord = { practicaLibrariesLoaded?: Set<string> };
function mockRecordLoad(name: string): void {
  ((globalThis as LoadRecord).practicaLibrariesLoaded ??= new Set()).add(name);
}
const loaded = () => [...((globalThis as LoadRecord).practicaLibrariesLoaded ?? [])];

jest.mock('docx', () => {
  mockRecordLoad('docx');
  return jest.requireActual('docx');
});
jest.mock('mammoth', () => {
  mockRecordLoad('mammoth');
  return jest.requireActual('mammoth');
});

describe('libraries few requests need', () => {
  it('are not loaded with the service', () => {
    expect(typeof startPractica).toBe('function');
    expect(loaded()).toEqual([]);
  });

  it('are loaded by the first Word download and the first Word document, which they then produce and read', async () => {
    const bytes = await markdownToDocx('# Variance memo\n\n- **Accruals** up 40,500', {
      title: 'Variance memo',
      creator: 'Practica',
    });
    expect(loaded()).toEqual(['docx']);
    const read = await extractText({ name: 'memo.docx', bytes: new Uint8Array(bytes) });
    expect(loaded()).toEqual(['docx', 'mammoth']);
    expect(read.text).toContain('Variance memo');
    expect(read.text).toContain('Accruals up 40,500');
  });
});
