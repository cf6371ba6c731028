import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startPractica } from '../../server/practica';
import { markdownToDocx } from '../../server/documents/markdown-to-docx';
import { extractText } from '../../server/files';
import { createLlmClient } from '../../server/llm';

// Loading docx, mammoth and the openai SDK takes a noticeable share of start-up on a small machine
// (BENCHMARKS.md, "A slower machine"); few requests need them (and without a model configured, none needs the
// SDK), so the service loads each with its first use.
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
jest.mock('openai', () => {
  mockRecordLoad('openai');
  return jest.requireActual('openai');
});

/** A chat-completions endpoint on this machine that answers every request with `text`. */
async function localModel(text: string): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify({
          id: 'completion-1',
          object: 'chat.completion',
          created: 1,
          model: 'local',
          choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('libraries few requests need', () => {
  it('are not loaded with the service, nor by configuring a model', () => {
    expect(typeof startPractica).toBe('function');
    expect(createLlmClient({ model: 'local', baseUrl: 'http://127.0.0.1:9/v1' })).not.toBeNull();
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

  it('load the model SDK with the first model call, which is answered', async () => {
    const model = await localModel('Variance explained by the Acme accrual.');
    try {
      const llm = createLlmClient({ model: 'local', baseUrl: model.baseUrl, timeoutMs: 10_000 });
      const answer = await llm?.complete({ messages: [{ role: 'user', content: 'Explain the variance.' }] });
      expect(answer?.text).toBe('Variance explained by the Acme accrual.');
      expect(loaded()).toContain('openai');
    } finally {
      await model.close();
    }
  });
});
