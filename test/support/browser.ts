import { type Browser, chromium } from 'playwright-core';

import { ensureChromium } from '../../scripts/src';

/**
 * Headless system Chromium for the browser tests, driven by playwright-core (which downloads no
 * browser of its own). Background networking is off so the browser itself makes no requests that
 * a test recording the page's traffic would have to tell apart.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = await ensureChromium();
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    timeout: 60_000,
  });
}
