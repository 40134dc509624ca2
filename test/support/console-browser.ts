import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { type Browser, type BrowserContext, type Page } from 'playwright-core';

import { paths } from '../../scripts/src';
import { launchBrowser } from './browser';
import { apiTokens, type GatewayProcess, startGateway } from './gateway-process';

// The staff console in a real headless Chromium against a built gateway on the running network:
// one gateway and browser per test file, a fresh browser context (cookie jar) per signed-in user,
// every request the pages make recorded so a test can prove nothing left this origin, and
// screenshots under .govtrace/test-results/console/.

export const CONSOLE_SCREENSHOTS = path.join(paths.runtimeRoot, 'test-results', 'console');

export interface ConsoleHarness {
  readonly gateway: GatewayProcess;
  readonly browser: Browser;
  /** Every URL any page asked for. */
  readonly requested: string[];
  /** A new context (own cookies) with the console open and `user` signed in with their token. */
  signIn(user: string, options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  /** Writes `<name>.png` (full page) to the screenshot folder. */
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startConsole(name: string): Promise<ConsoleHarness> {
  mkdirSync(CONSOLE_SCREENSHOTS, { recursive: true });
  const dbDir = mkdtempSync(path.join(tmpdir(), `govtrace-${name}-`));
  const gateway = await startGateway(name, {
    DATABASE_TYPE: 'sqlite',
    DATABASE_PATH: path.join(dbDir, 'index.sqlite'),
  });
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  const requested: string[] = [];
  return {
    gateway,
    browser,
    requested,
    async signIn(user, options = {}) {
      const context = await browser.newContext({
        viewport: options.viewport ?? { width: 1366, height: 900 },
        locale: 'zh-CN',
        acceptDownloads: true,
      });
      contexts.push(context);
      context.on('request', (request) => requested.push(request.url()));
      const page = await context.newPage();
      await page.goto(`${gateway.baseUrl}/console`);
      await page.getByTestId('sign-in-token').fill(apiTokens()[user] ?? `no token for ${user}`);
      await page.getByTestId('sign-in-submit').click();
      await page.getByTestId('who').getByText(user).waitFor({ timeout: 30_000 });
      return page;
    },
    async screenshot(page, file) {
      await page.screenshot({ path: path.join(CONSOLE_SCREENSHOTS, `${file}.png`), fullPage: true });
    },
    async close() {
      for (const context of contexts) await context.close();
      await browser.close();
      await gateway.kill('SIGTERM');
      rmSync(dbDir, { recursive: true, force: true });
    },
  };
}
