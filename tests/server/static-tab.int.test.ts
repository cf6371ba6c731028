import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer, type TestServer } from '../support/practica-server';

describe('the tab served at /', () => {
  let server: TestServer;
  const tabDirectory = mkdtempSync(path.join(os.tmpdir(), 'practica-tab-'));

  beforeAll(async () => {
    mkdirSync(path.join(tabDirectory, 'assets'));
    writeFileSync(
      path.join(tabDirectory, 'index.html'),
      '<!doctype html><title>Practica</title><div id="root"></div>',
    );
    writeFileSync(path.join(tabDirectory, 'assets', 'app.js'), 'console.log("tab");');
    server = await startTestServer('pglite', { SEED_DEMO: 'false' }, { tabDirectory });
  });
  afterAll(() => server?.close());

  it('serves the page, its assets, and the page again for client-side routes', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<title>Practica</title>');

    const asset = await fetch(`${server.url}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(await asset.text()).toContain('console.log("tab")');

    const deepLink = await fetch(`${server.url}/team/coaching`);
    expect(await deepLink.text()).toContain('<title>Practica</title>');

    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
    const api = await fetch(`${server.url}/api/v1/nothing`);
    expect(api.headers.get('content-type')).toContain('application/json');
  });
});
