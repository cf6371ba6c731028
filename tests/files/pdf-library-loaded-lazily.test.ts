import { startPractica } from '../../server/practica';
import { extractText } from '../../server/files';
import { pdfWithPages } from './sample-files';

// pdf-parse replaces built-ins (JSON.parse, Array.prototype.push, AbortSignal, …) with core-js polyfills when it
// is loaded; every bot turn parses JSON and fills arrays, so the service must not load it until a PDF arrives.
const hasCoreJsPolyfills = () => '__core-js_shared__' in globalThis;

describe('the PDF library', () => {
  it('is not loaded with the service, so no built-in is replaced by a polyfill', () => {
    expect(typeof startPractica).toBe('function');
    expect(hasCoreJsPolyfills()).toBe(false);
  });

  it('is loaded when a PDF arrives, and reads it', async () => {
    const bytes = await pdfWithPages(['Quarter close notes']);
    expect((await extractText({ name: 'report.pdf', bytes })).text).toContain('Quarter close notes');
    expect(hasCoreJsPolyfills()).toBe(true);
  });
});
