import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { PROJECT_ROOT } from './child-process';

/** Debian's chromium (`.ci/run` installs it); CHROMIUM_PATH points elsewhere. */
const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where screenshots of every page are kept as test artefacts (git ignores the folder). */
export const SCREENSHOTS = path.join(PROJECT_ROOT, 'test-artifacts', 'screenshots');

/** Headless Chromium as the machines here allow it: no sandbox (root), no GPU, no background networking. */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(EXECUTABLE))
    throw new Error(
      `The tab's browser tests need Chromium at ${EXECUTABLE}: install Debian's chromium (apt-get install chromium, as .ci/run does) or set CHROMIUM_PATH`,
    );
  return chromium.launch({
    executablePath: EXECUTABLE,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
